// SharingError: the one error type of @signet/sharing, with a stable code and a message that
// says what to do. toUserMessage turns any error (core, sharing, AWS SDK, keyring) into words
// for people, without ever quoting a secret.
import { isSignetError } from '@signet/core';

export const SHARING_ERROR_CODES = [
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_UNAVAILABLE',
  'PROFILE_NOT_FOUND',
  'PROFILE_EXISTS',
  'NO_PROFILE',
  'NO_PROFILE_FOR_OBJECT',
  'CONFIG_CORRUPT',
  'HISTORY_CORRUPT',
  'HISTORY_LOCKED',
  'LINK_NOT_FOUND',
  'FILE_UNREADABLE',
  'FILE_CHANGED',
  'DIRECTORY_LOOP',
  'NOTHING_TO_SHARE',
  'OBJECT_EXISTS',
  'UPLOAD_FAILED',
  'UPLOAD_CANCELLED',
  'BUCKET_NOT_FOUND',
  'ACCESS_DENIED',
  'CREDENTIALS_REJECTED',
  'SERVER_UNREACHABLE',
] as const;
export type SharingErrorCode = (typeof SHARING_ERROR_CODES)[number];

export class SharingError extends Error {
  override readonly name = 'SharingError';
  constructor(
    readonly code: SharingErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details;
  }
  readonly details: Record<string, unknown> | undefined;
}

export function isSharingError(err: unknown, code?: SharingErrorCode): err is SharingError {
  return err instanceof SharingError && (code === undefined || err.code === code);
}

const AWS_MESSAGES: Record<string, string> = {
  NoSuchBucket: 'The bucket does not exist (or is in another account or endpoint). Check the bucket name and endpoint in the profile.',
  AccessDenied: 'The server refused access. Check that the credentials may read and write this bucket (IAM or bucket policy).',
  InvalidAccessKeyId: 'The server does not know this access key id. Check the key in the profile, or that it has not been deleted.',
  SignatureDoesNotMatch: 'The server rejected the signature: the secret access key does not match the access key id. Enter the secret again.',
  ExpiredToken: 'The temporary credentials have expired. Refresh them (e.g. aws sso login) and try again.',
  RequestTimeTooSkewed: "This computer's clock is too far from the server's. Fix the system clock (enable network time) and try again.",
  PermanentRedirect: "The bucket is in another region than the profile says. Set the profile's region to the bucket's region.",
  AuthorizationHeaderMalformed: "The bucket is in another region than the profile says. Set the profile's region to the bucket's region.",
};

/** A stable code and a message for people, for any error. Never includes secret values. */
export function toUserMessage(err: unknown): { code: string; message: string } {
  if (isSignetError(err) || isSharingError(err)) return { code: err.code, message: err.message };
  const e = err as { name?: string; code?: string; message?: string; $metadata?: unknown };
  if (e && typeof e === 'object' && e.name && AWS_MESSAGES[e.name]) return { code: e.name, message: AWS_MESSAGES[e.name]! };
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === 'ECONNRESET' || e?.name === 'TimeoutError') {
    return { code: 'SERVER_UNREACHABLE', message: 'The storage server could not be reached. Check the network and the endpoint, then try again.' };
  }
  if (e && typeof e === 'object' && '$metadata' in e && e.name) {
    return { code: e.name, message: `The storage server answered ${e.name}. Check the profile's bucket, region and credentials.` };
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside Signet. Try again; if it keeps happening, run with SIGNET_DEBUG=1 and report the output.' };
}
