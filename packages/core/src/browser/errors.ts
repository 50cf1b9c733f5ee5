// The one error type of @signet/core. Every failure a user can cause has a stable `code`
// (for programs, tests and the protocol), a message that says what is wrong and what to do
// (for people), and the underlying `cause` (for logs). Messages never contain secrets.

/** Stable error codes of @signet/core. Add new codes at the end of their group; never rename. */
export const CORE_ERROR_CODES = [
  // expiry
  'EXPIRY_INVALID',
  'EXPIRY_IN_PAST',
  'EXPIRY_TOO_SHORT',
  'EXPIRY_TOO_LONG',
  'DATE_INVALID',
  // object references and S3 locations
  'REF_INVALID',
  'REF_UNSUPPORTED',
  'BUCKET_INVALID',
  'KEY_INVALID',
  'ENDPOINT_INVALID',
  'REGION_INVALID',
  'METHOD_INVALID',
  'CREDENTIALS_MISSING',
  'CREDENTIALS_EXPIRED',
  'OPTION_INVALID',
  /** The reference names a bucket or folder (a prefix), not one object: links are for objects. */
  'NOT_AN_OBJECT',
  // CloudFront
  'KEY_NOT_PRIVATE',
  'KEY_ENCRYPTED',
  'KEY_PASSPHRASE_WRONG',
  'KEY_UNSUPPORTED',
  'KEY_MALFORMED',
  'KEY_PAIR_ID_INVALID',
  'CIDR_INVALID',
  'URL_INVALID',
  'URL_OUTSIDE_DISTRIBUTION',
  'URL_TOO_LONG',
  'RESOURCE_INVALID',
  'HASH_UNSUPPORTED',
  // profiles and templates
  'PROFILE_INVALID',
  'TEMPLATE_INVALID',
] as const;

export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

export interface SignetErrorOptions {
  /** The underlying error, kept for logs. Never shown to a user as is. */
  cause?: unknown;
  /** Extra structured detail for programs (field name, limit…). No secrets. */
  details?: Record<string, unknown>;
}

/** An error a user can act on. `message` says what is wrong and what to do next. */
export class SignetError extends Error {
  override readonly name = 'SignetError';
  readonly code: CoreErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: CoreErrorCode, message: string, options: SignetErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

/** True when `err` is a SignetError, optionally with the given code. */
export function isSignetError(err: unknown, code?: CoreErrorCode): err is SignetError {
  return err instanceof SignetError && (code === undefined || err.code === code);
}
