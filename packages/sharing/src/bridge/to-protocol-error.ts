// Maps whatever the sharing service threw to a protocol error the extension can show. Only the
// code and the message of a Signet/Sharing error cross the bridge (they are written for people
// and never quote a secret); anything else becomes a generic INTERNAL message.
import type { CoreErrorCode } from '@signet/core';
import type { ProtocolError } from '@signet/protocol';
import type { SharingErrorCode } from '../errors.js';

/** Every code the desktop side can throw: the tables below may only name these (a typo is a type error). */
type DesktopCode = CoreErrorCode | SharingErrorCode;

/** Desktop codes that mean "no profile covers this object". */
const NO_PROFILE_CODES: ReadonlySet<string> = new Set([
  'NO_PROFILE_FOR_OBJECT',
  'PROFILE_NOT_FOUND',
  'NO_PROFILE',
] satisfies DesktopCode[]);
/** Desktop codes that mean the reference itself was not understood. */
const BAD_REF_CODES: ReadonlySet<string> = new Set([
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
] satisfies DesktopCode[]);

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
  if (code === ('NOT_AN_OBJECT' satisfies DesktopCode)) return { code: 'NOT_AN_OBJECT', message, desktopCode: code };
  if (NO_PROFILE_CODES.has(code)) return { code: 'NO_PROFILE_FOR_OBJECT', message, desktopCode: code };
  if (BAD_REF_CODES.has(code)) return { code: 'BAD_REQUEST', message, desktopCode: code };
  return { code: 'DESKTOP_ERROR', message, desktopCode: code };
}
