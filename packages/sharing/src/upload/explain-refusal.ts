// Why did the server refuse? A HEAD request's answer has no body, so a 403 to HeadObject or
// HeadBucket carries no S3 error code: the SDK can only say "Unknown". Asking the same thing
// with a GET-type request (a 1-byte ranged GetObject, or a ListObjectsV2 of one key) gets an
// XML body that names the cause: a wrong secret, an unknown key, expired credentials, or a
// plain AccessDenied from IAM or a bucket policy.
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { LinkCheckResult } from '../api.js';
import { httpStatusOf, toUserMessage } from '../errors.js';

/** Codes that mean "these credentials are wrong", not "these credentials may not do this". */
export const CREDENTIAL_CODES = new Set([
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'RequestTimeTooSkewed',
]);

export type Probe = { kind: 'exists' } | { kind: 'missing' } | { kind: 'refused'; code: string; error: unknown };

/** A 1-byte GET of the key: does it exist, and if the server refuses, with which code. */
export async function probeObject(client: S3Client, bucket: string, key: string): Promise<Probe> {
  try {
    const r = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: 'bytes=0-0' }));
    await r.Body?.transformToByteArray().catch(() => undefined);
    return { kind: 'exists' };
  } catch (e) {
    return classify(e);
  }
}

/** A listing of one key: may these credentials use the bucket, and if not, why. */
export async function probeBucket(client: S3Client, bucket: string): Promise<Probe> {
  try {
    await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }));
    return { kind: 'exists' };
  } catch (e) {
    return classify(e);
  }
}

function classify(e: unknown): Probe {
  const status = httpStatusOf(e);
  const name = (e as { name?: unknown }).name;
  // 416: the object exists but is empty (a 1-byte range cannot be served).
  if (status === 416 || name === 'InvalidRange') return { kind: 'exists' };
  if (name === 'NoSuchKey') return { kind: 'missing' };
  return { kind: 'refused', code: typeof name === 'string' ? name : 'Unknown', error: e };
}

/** After HeadBucket answered 403: the profile test's result, with the cause in words. */
export async function explainBucketRefusal(client: S3Client, bucket: string): Promise<LinkCheckResult> {
  const probe = await probeBucket(client, bucket);
  if (probe.kind !== 'refused') {
    return {
      status: 'ok',
      ok: true,
      message: `Connected: bucket "${bucket}" can be listed with these credentials (the server refused only the bucket check itself).`,
    };
  }
  const message = toUserMessage(probe.error).message;
  if (CREDENTIAL_CODES.has(probe.code)) return { status: 'signature-mismatch', ok: false, message, httpStatus: 403 };
  return {
    status: 'access-denied',
    ok: false,
    message: `These credentials may not use bucket "${bucket}" (${probe.code}). Sharing needs s3:PutObject and s3:GetObject on its objects; check the IAM policy and the bucket policy.`,
    httpStatus: 403,
  };
}
