// Turns a server's answer to a link (status, S3 / CloudFront XML error, Date header) into one
// LinkCheckStatus and a message in plain words that says what to do. Pure: no I/O.
import type { LinkCheckStatus } from '../api.js';

/** What the server said when the link was fetched. */
export interface LinkReply {
  /** HTTP status; 100 when a PUT probe got "100 Continue" (the signature was accepted). */
  status: number;
  /** Start of the body (error XML), if any. */
  body: string;
  /** The server's Date header. */
  date?: string | null;
}

export interface Classified {
  status: LinkCheckStatus;
  message: string;
  /** Server clock minus local clock, in ms. */
  clockSkewMs?: number;
}

const MESSAGES: Record<LinkCheckStatus, string> = {
  ok: 'The link works.',
  'signature-mismatch':
    "The server rejected the signature: the secret key does not match the access key, or the URL was changed after signing (cut off, re-encoded). Check the profile's credentials and copy the whole link again.",
  'access-denied':
    'The signature is fine but access is denied: the signing credentials may not read this object (IAM or bucket policy), or Block Public Access or an Origin Access Control blocks it. Check the permissions of the signing credentials and the bucket policy.',
  expired: 'The link has expired. Make a new one (signet links renew <id>).',
  'clock-skew':
    "This computer's clock is too far off the server's, so the link is refused. Fix the system clock (turn on network time), then sign again.",
  'no-such-key':
    'The link is valid but there is no object at that key. Check the key (case, spaces, folders) or upload the file again.',
  'no-such-bucket':
    'The bucket does not exist on this endpoint. Check the bucket name, region and endpoint of the profile.',
  'cloudfront-key-untrusted':
    "CloudFront does not know the signing key: the Key-Pair-Id is not a public key in the distribution's trusted key group. Add the public key to the key group (CloudFront console → Key groups) or set the profile's key id to one that is there.",
  'not-yet-valid':
    'The link is not valid yet: its start time is in the future. Wait until then, or make a link without a start time.',
  'method-not-allowed':
    'This distribution only allows GET/HEAD; allow PUT to upload through it (CloudFront console → the distribution → Behaviors → Edit → Allowed HTTP methods: GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE), or make upload links for S3 instead.',
  'no-object-name':
    "The URL has no object name: it ends at the distribution or at a folder (…/). Add the object's key to the path, e.g. https://<domain>/reports/2026/q4.pdf.",
  unreachable: 'The server could not be reached. Check the network and the endpoint.',
  unexpected: 'The server answered in an unexpected way.',
};

/** Plain-language text for a status (the default explanation). */
export function describeLinkStatus(status: LinkCheckStatus): string {
  return MESSAGES[status];
}

const SKEW_LIMIT_MS = 15 * 60_000; // what S3 tolerates for signed requests

/** When the link itself says it starts and ends (SigV4 X-Amz-Date/Expires, CloudFront Expires/Policy). */
export function linkWindow(url: URL): { start?: number; end?: number; kind: 's3' | 'cloudfront' | 'other' } {
  const q = url.searchParams;
  const date = q.get('X-Amz-Date');
  const expires = q.get('X-Amz-Expires');
  if (date) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
    const start = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
    return {
      kind: 's3',
      ...(start !== undefined ? { start } : {}),
      ...(start !== undefined && expires ? { end: start + Number(expires) * 1000 } : {}),
    };
  }
  if (q.has('Key-Pair-Id') || q.has('Signature')) {
    const canned = q.get('Expires');
    if (canned) return { kind: 'cloudfront', end: Number(canned) * 1000 };
    const policy = q.get('Policy');
    if (policy) {
      try {
        const json = JSON.parse(
          Buffer.from(policy.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64').toString('utf8'),
        ) as {
          Statement?: {
            Condition?: { DateLessThan?: { 'AWS:EpochTime'?: number }; DateGreaterThan?: { 'AWS:EpochTime'?: number } };
          }[];
        };
        const c = json.Statement?.[0]?.Condition;
        const end = c?.DateLessThan?.['AWS:EpochTime'];
        const start = c?.DateGreaterThan?.['AWS:EpochTime'];
        return {
          kind: 'cloudfront',
          ...(end !== undefined ? { end: end * 1000 } : {}),
          ...(start !== undefined ? { start: start * 1000 } : {}),
        };
      } catch {
        // a damaged policy: the server will say so
      }
    }
    return { kind: 'cloudfront' };
  }
  return { kind: 'other' };
}

const tag = (body: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1]?.trim() ?? '';

export function classifyLinkReply(url: URL, reply: LinkReply, now: Date): Classified {
  const serverTime = reply.date ? Date.parse(reply.date) : NaN;
  const skew = Number.isNaN(serverTime) ? undefined : serverTime - now.getTime();
  const out = (status: LinkCheckStatus, message = MESSAGES[status]): Classified => ({
    status,
    message,
    ...(skew !== undefined ? { clockSkewMs: skew } : {}),
  });
  const s = reply.status;
  // 416: a 1-byte range of an empty object; the signature was accepted.
  if ((s >= 200 && s < 300) || s === 100 || s === 416) return out('ok');

  const code = tag(reply.body, 'Code');
  const text = tag(reply.body, 'Message');
  const win = linkWindow(url);
  const serverNow = skew !== undefined ? serverTime : now.getTime();
  const skewed = skew !== undefined && Math.abs(skew) > SKEW_LIMIT_MS;
  const skewWords =
    skew !== undefined
      ? ` (this computer is ${Math.round(Math.abs(skew) / 60_000)} min ${skew > 0 ? 'behind' : 'ahead of'} the server)`
      : '';

  switch (code) {
    case 'SignatureDoesNotMatch':
      return out('signature-mismatch');
    case 'InvalidAccessKeyId':
      return out(
        'signature-mismatch',
        'The server does not know the access key that signed this link (deleted, or from another account or endpoint). Check the access key in the profile, then sign again.',
      );
    case 'InvalidToken':
      return out(
        'signature-mismatch',
        'The session token in this link is not valid (damaged when copied, or from another account). Sign again with fresh temporary credentials.',
      );
    case 'ExpiredToken':
    case 'TokenRefreshRequired':
      return out(
        'expired',
        'The temporary credentials that signed this link have expired, so the link has too. Refresh them (e.g. aws sso login) and make a new link.',
      );
    case 'RequestTimeTooSkewed':
      return out('clock-skew', `${MESSAGES['clock-skew']}${skewWords}`);
    case 'NoSuchKey':
      return out('no-such-key');
    case 'NoSuchBucket':
      return out('no-such-bucket');
    case 'PermanentRedirect':
    case 'AuthorizationHeaderMalformed':
    case 'IllegalLocationConstraintException':
      return out(
        'unexpected',
        "The bucket is in another region than the link was signed for. Set the profile's region to the bucket's region and sign again.",
      );
    case 'MissingKey':
      return out(
        'signature-mismatch',
        "The link has no Key-Pair-Id: it was cut off when copied, or signed without a key id. Copy the whole link, or check the profile's CloudFront key id.",
      );
    case 'InvalidKey':
      return out('cloudfront-key-untrusted');
    case 'MalformedPolicy':
      return out(
        'signature-mismatch',
        "CloudFront cannot read this link's policy: the URL was changed after signing. Copy the whole link again.",
      );
  }
  // A method the cache behaviour does not allow: S3 says 405 MethodNotAllowed, CloudFront its
  // own 403 page ("not configured to allow the HTTP request method", AWS: "Invalid method").
  if (s === 405 || code === 'MethodNotAllowed' || /not configured to allow the HTTP request method/i.test(reply.body)) {
    if (win.kind === 'cloudfront' || /cloudfront/i.test(reply.body)) return out('method-not-allowed');
    const method = tag(reply.body, 'Method');
    return out(
      'method-not-allowed',
      `The server does not allow ${method || 'this method'} on this URL (HTTP 405). Check that the link was signed for the method it is used with (an upload link for PUT, a download link for GET).`,
    );
  }
  if (s === 412) {
    const path = url.pathname;
    if (path === '' || path.endsWith('/')) return out('no-object-name');
    const condition = tag(reply.body, 'Condition');
    return out(
      'unexpected',
      `The server answered 412 Precondition Failed: a condition the request carried${condition ? ` (${condition})` : ''} did not hold, e.g. If-Match with an old ETag or If-None-Match: * on an object that exists. Send the request without that header, or with the object's current ETag.`,
    );
  }
  if (/Unknown Key|trusted key|TrustedKeyGroup/i.test(text)) return out('cloudfront-key-untrusted');
  if (/Missing Key-Pair-Id/i.test(text))
    return out(
      'signature-mismatch',
      'The link has no Key-Pair-Id: it was cut off when copied. Copy the whole link again.',
    );

  if (s === 403 || code === 'AccessDenied' || code === 'AllAccessDisabled') {
    const localEnded = win.end !== undefined && win.end <= now.getTime();
    const serverEnded = win.end !== undefined && win.end <= serverNow;
    if (/expired/i.test(text) || serverEnded || localEnded) {
      // The server says it ended, this computer says it has not: the clocks disagree.
      if (serverEnded && !localEnded && skewed) return out('clock-skew', `${MESSAGES['clock-skew']}${skewWords}`);
      return out('expired');
    }
    const notYet = /not yet valid|not valid yet/i.test(text) || (win.start !== undefined && win.start > serverNow);
    if (notYet) {
      // A SigV4 link "starts" when it was signed: the signer's clock ran ahead.
      if (win.kind === 's3' || skewed) return out('clock-skew', `${MESSAGES['clock-skew']}${skewWords}`);
      return out('not-yet-valid');
    }
    if (skewed) return out('clock-skew', `${MESSAGES['clock-skew']}${skewWords}`);
    if (win.kind === 'cloudfront') {
      return out(
        'access-denied',
        "CloudFront refused the link: the signature does not verify with the public key of that id (wrong private key for the key id?), or the origin refused CloudFront (Origin Access Control / bucket policy). Check the key pair, then the distribution's origin access.",
      );
    }
    return out('access-denied');
  }
  if (s === 404) return out('no-such-key');
  if (s === 301 || s === 307)
    return out(
      'unexpected',
      "The bucket is in another region or at another endpoint than the link says. Set the profile's region and endpoint to the bucket's, and sign again.",
    );
  if (s >= 500)
    return out('unexpected', `The server had a problem (HTTP ${s}${code ? ` ${code}` : ''}). Try again in a moment.`);
  return out(
    'unexpected',
    `The server answered HTTP ${s}${code ? ` (${code})` : ''}, which Signet does not know how to read. Open the link in a browser to see more.`,
  );
}
