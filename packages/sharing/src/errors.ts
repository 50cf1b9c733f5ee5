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
  'LINK_REVOKED',
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
  'SECRET_INVALID',
  'CONFIG_LOCKED',
  'CONFIG_UNSAFE',
  'DISK_FULL',
  'SETUP_INVALID',
  'CLOUDFRONT_NOT_FOUND',
  /** AWS_PROFILE names a profile that is in neither AWS config file. */
  'AWS_PROFILE_NOT_FOUND',
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
  NoSuchBucket:
    'The bucket does not exist (or is in another account or endpoint). Check the bucket name and endpoint in the profile.',
  AccessDenied:
    'The server refused access. Check that the credentials may read and write this bucket (IAM or bucket policy).',
  InvalidAccessKeyId:
    'The server does not know this access key id. Check the key in the profile, or that it has not been deleted.',
  SignatureDoesNotMatch:
    'The server rejected the signature: the secret access key does not match the access key id. Enter the secret again.',
  ExpiredToken: 'The temporary credentials have expired. Refresh them (e.g. aws sso login) and try again.',
  RequestTimeTooSkewed:
    "This computer's clock is too far from the server's. Fix the system clock (enable network time) and try again.",
  PermanentRedirect:
    "The bucket is in another region than the profile says. Set the profile's region to the bucket's region.",
  AuthorizationHeaderMalformed:
    "The bucket is in another region than the profile says. Set the profile's region to the bucket's region.",
};

/** The HTTP status of an AWS SDK error (`$metadata.httpStatusCode`), if it has one. */
export function httpStatusOf(err: unknown): number | undefined {
  const status = (err as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** A stable code and a message for people, for any error. Never includes secret values. */
export function toUserMessage(err: unknown): { code: string; message: string } {
  // Our own errors are written to be shown (and never quote a secret).
  if (isSignetError(err) || isSharingError(err)) return { code: err.code, message: err.message };
  const e = (err && typeof err === 'object' ? err : {}) as {
    name?: unknown;
    code?: unknown;
    syscall?: unknown;
    path?: unknown;
    $metadata?: unknown;
  };
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (name && AWS_MESSAGES[name]) return { code: name, message: AWS_MESSAGES[name] };
  if (name === 'TimeoutError' && /inactivity/.test(String((err as { message?: unknown }).message))) {
    return {
      code: 'SERVER_UNREACHABLE',
      message:
        'The storage server stopped answering: the connection went quiet and stayed quiet on every retry. Check the network and the endpoint, then try again.',
    };
  }
  if (
    [
      'ECONNREFUSED',
      'ENOTFOUND',
      'ECONNRESET',
      'EAI_AGAIN',
      'ETIMEDOUT',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'UND_ERR_CONNECT_TIMEOUT',
    ].includes(code) ||
    name === 'TimeoutError'
  ) {
    return {
      code: 'SERVER_UNREACHABLE',
      message: 'The storage server could not be reached. Check the network and the endpoint, then try again.',
    };
  }
  // File-system errors: the path is the user's own and safe to show; the message is not needed.
  if (typeof e.syscall === 'string' && code) {
    const where = typeof e.path === 'string' ? ` ${e.path}` : '';
    const what: Record<string, string> = {
      EACCES: `Signet has no permission to use${where}. Check the file's owner and permissions.`,
      EPERM: `Signet is not allowed to use${where}. Check the file's owner and permissions.`,
      ENOSPC: `The disk is full: Signet could not write${where}. Free some space and try again.`,
      EROFS: `${where.trim() || 'This place'} is on a read-only file system.`,
      ENOENT: `${where.trim() || 'A file'} does not exist.`,
    };
    if (what[code]) return { code, message: what[code] };
  }
  if (name === 'CredentialsProviderError') {
    return {
      code: 'CREDENTIALS_MISSING',
      message:
        'No usable AWS credentials were found. Configure a profile (signet profile add) or AWS credentials (aws configure / aws sso login).',
    };
  }
  const status = httpStatusOf(e);
  if ('$metadata' in e && (!name || name === 'Unknown' || name === 'UnknownError' || /^\d{3}$/.test(name))) {
    // A HEAD answer carries no body, so no S3 error code: say what the status usually means.
    if (status === 403)
      return {
        code: 'AccessDenied',
        message:
          'The storage server refused the request (HTTP 403) without saying why: usually a wrong access key or secret, or credentials that may not use this bucket. Check the profile (signet profile test).',
      };
    if (status === 404)
      return {
        code: 'NotFound',
        message:
          'The storage server answered "not found" (HTTP 404). Check the bucket name, the endpoint and the region in the profile.',
      };
    return {
      code: 'S3_ERROR',
      message: `The storage server refused the request (HTTP ${status ?? 'error'}) without saying why. Check the profile's bucket, region and credentials.`,
    };
  }
  if ('$metadata' in e && name) {
    // An S3 error code is a fixed word (e.g. InvalidBucketName); S3 error messages are not shown.
    const safe = /^[A-Za-z][A-Za-z0-9.]{1,63}$/.test(name) ? name : 'an error';
    return {
      code: safe === 'an error' ? 'S3_ERROR' : safe,
      message: `The storage server answered ${safe}. Check the profile's bucket, region and credentials.`,
    };
  }
  return {
    code: 'INTERNAL',
    message:
      'Something went wrong inside Signet. Try again; if it keeps happening, run with SIGNET_DEBUG=1 and report the output.',
  };
}
