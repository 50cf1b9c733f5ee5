import type { CoreErrorCode } from '@signet/core';

/** `signet` exit codes: scripts rely on them. */
export const EXIT_OK = 0;
/** Something failed (a ref could not be signed, the server refused…). */
export const EXIT_ERROR = 1;
/** The command line itself is wrong (unknown option, bad value, missing argument). */
export const EXIT_USAGE = 2;

/**
 * Core errors about a value the user typed (a flag or a reference): the command line is wrong,
 * so exit 2. Errors about the world (a file, the credentials, the server) stay 1.
 */
const BAD_VALUE_CODES: ReadonlySet<string> = new Set<CoreErrorCode>([
  'EXPIRY_INVALID',
  'EXPIRY_IN_PAST',
  'EXPIRY_TOO_SHORT',
  'EXPIRY_TOO_LONG',
  'DATE_INVALID',
  'REF_INVALID',
  'REF_UNSUPPORTED',
  'BUCKET_INVALID',
  'KEY_INVALID',
  'NOT_AN_OBJECT',
  'ENDPOINT_INVALID',
  'REGION_INVALID',
  'METHOD_INVALID',
  'OPTION_INVALID',
  'KEY_PAIR_ID_INVALID',
  'CIDR_INVALID',
  'URL_INVALID',
  // A CloudFront URL or pattern too long to sign: the reference typed is the problem.
  'URL_TOO_LONG',
  'URL_OUTSIDE_DISTRIBUTION',
  'RESOURCE_INVALID',
  'HASH_UNSUPPORTED',
  'PROFILE_INVALID',
  'TEMPLATE_INVALID',
]);

/** True when `err` says a value on the command line is wrong (exit 2). */
export function isBadValueError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BAD_VALUE_CODES.has(code);
}
