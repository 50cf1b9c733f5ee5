// Fetches a link once and says in plain words whether it works and, if not, why: the S3 or
// CloudFront error code in the body, the status, and the server's clock for skew.
import type { LinkCheckResult, LinkCheckStatus } from '../api.js';

export interface CheckLinkOptions {
  method?: 'GET' | 'PUT';
  now?: Date;
  timeoutMs?: number;
}

const MESSAGES: Record<LinkCheckStatus, string> = {
  ok: 'The link works.',
  'signature-mismatch': 'The server rejected the signature. The secret key does not match the access key, or the URL was changed after signing. Check the profile\'s credentials and copy the link again.',
  'access-denied': 'The signature is fine but access is denied: the credentials may not read this object (IAM or bucket policy), Block Public Access or an Origin Access Control blocks it. Check the permissions of the signing credentials.',
  expired: 'The link has expired (or the credentials that signed it have). Make a new one.',
  'clock-skew': "This computer's clock is too far off the server's, so the link is refused. Fix the system clock (turn on network time) and sign again.",
  'no-such-key': 'The link is valid but there is no object at that key. Check the key (case, spaces, folders) or upload the file.',
  'no-such-bucket': 'The bucket does not exist on this endpoint. Check the bucket name, region and endpoint of the profile.',
  'cloudfront-key-untrusted': "CloudFront does not trust the signing key: the key id is not in the distribution's trusted key group. Add the public key to the key group, or use the right key id.",
  'not-yet-valid': 'The link is not valid yet: its start time is in the future.',
  unreachable: 'The server could not be reached. Check the network and the endpoint.',
  unexpected: 'The server answered in an unexpected way.',
};

function classify(status: number, body: string): LinkCheckStatus {
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? '';
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
  if (status >= 200 && status < 300) return 'ok';
  if (code === 'SignatureDoesNotMatch' || code === 'InvalidAccessKeyId') return 'signature-mismatch';
  if (code === 'RequestTimeTooSkewed') return 'clock-skew';
  if (code === 'NoSuchKey' || (status === 404 && !code)) return 'no-such-key';
  if (code === 'NoSuchBucket') return 'no-such-bucket';
  if (code === 'ExpiredToken' || /expired/i.test(message)) return 'expired';
  if (/trusted key|key.?pair|TrustedKeyGroupDoesNotExist|is not in a trusted key group/i.test(message + code)) return 'cloudfront-key-untrusted';
  if (/not.?yet.?valid|DateGreaterThan/i.test(message)) return 'not-yet-valid';
  if (code === 'AccessDenied' || status === 403) return 'access-denied';
  return 'unexpected';
}

/** Checks a link with HEAD (GET links: a 1-byte range GET when HEAD gives no reason). */
export async function checkLink(url: string, options: CheckLinkOptions = {}): Promise<LinkCheckResult> {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? 10_000;
  if ((options.method ?? 'GET') === 'PUT') {
    return { status: 'ok', ok: true, message: 'Upload links cannot be tested without uploading a file; the link was signed correctly.' };
  }
  let res: Response;
  let body = '';
  try {
    // A 1-byte range GET returns S3's XML error body (HEAD has none) at the cost of one byte.
    res = await fetch(url, { method: 'GET', headers: { Range: 'bytes=0-0' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    body = res.status >= 300 ? (await res.text()).slice(0, 4096) : '';
    if (res.status < 300) await res.body?.cancel();
  } catch {
    return { status: 'unreachable', ok: false, message: MESSAGES.unreachable };
  }
  // A range GET on an empty object answers 416 with a valid signature: that is a working link.
  let status = res.status === 416 ? 'ok' : classify(res.status, body);
  const serverDate = res.headers.get('date');
  const clockSkewMs = serverDate ? new Date(serverDate).getTime() - now.getTime() : undefined;
  // RGW answers an expired presigned URL with a bare AccessDenied; the URL itself says when it ended.
  if (status === 'access-denied' && linkEnded(url, serverDate ? new Date(serverDate) : now)) status = 'expired';
  if (status === 'access-denied' && clockSkewMs !== undefined && Math.abs(clockSkewMs) > 15 * 60_000) status = 'clock-skew';
  const result: LinkCheckResult = { status, ok: status === 'ok', httpStatus: res.status, message: MESSAGES[status] };
  if (clockSkewMs !== undefined) result.clockSkewMs = clockSkewMs;
  return result;
}

/** Whether a SigV4 or CloudFront URL's own expiry lies before `at`. */
function linkEnded(url: string, at: Date): boolean {
  const q = new URL(url).searchParams;
  const date = q.get('X-Amz-Date');
  const expires = q.get('X-Amz-Expires');
  if (date && expires) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
    if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) + Number(expires) * 1000 <= at.getTime();
  }
  const cf = q.get('Expires');
  return cf !== null && Number(cf) * 1000 <= at.getTime();
}
