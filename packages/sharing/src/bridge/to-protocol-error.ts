// Maps whatever the sharing service threw to a protocol error the extension can show. Only the
// code and the message of a Signet/Sharing error cross the bridge (they are written for people
// and never quote a secret); anything else becomes a generic INTERNAL message.
import type { ProtocolError } from '@signet/protocol';

/** Desktop codes that mean "no profile covers this object". */
const NO_PROFILE_CODES = new Set(['NO_PROFILE_FOR_OBJECT', 'PROFILE_NOT_FOUND', 'NO_PROFILE', 'NO_MATCHING_PROFILE']);
/** Desktop codes that mean the reference itself was not understood. */
const BAD_REF_CODES = new Set([
  'REF_INVALID',
  'REF_UNSUPPORTED',
  'BUCKET_INVALID',
  'KEY_INVALID',
  'URL_INVALID',
  'URL_OUTSIDE_DISTRIBUTION',
  'EXPIRY_INVALID',
  'EXPIRY_IN_PAST',
  'EXPIRY_TOO_SHORT',
  'EXPIRY_TOO_LONG',
  'DATE_INVALID',
  'OPTION_INVALID',
]);

export function toProtocolError(err: unknown): ProtocolError {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined;
  const message = err instanceof Error ? err.message : undefined;
  if (!code || !message || !/^[A-Z][A-Z0-9_]*$/.test(code)) {
    return {
      code: 'INTERNAL',
      message:
        'Signet could not make the link because of an unexpected error. Look at the desktop app or `signet serve` output for details.',
    };
  }
  if (NO_PROFILE_CODES.has(code)) return { code: 'NO_PROFILE_FOR_OBJECT', message, desktopCode: code };
  if (BAD_REF_CODES.has(code)) return { code: 'BAD_REQUEST', message, desktopCode: code };
  return { code: 'DESKTOP_ERROR', message, desktopCode: code };
}
