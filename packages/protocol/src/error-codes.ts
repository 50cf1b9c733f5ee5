// Error codes of the extension ⇄ desktop protocol. Stable strings: the extension maps each one
// to a plain-language message, so renaming one is a protocol change.
import { z } from 'zod';

export const PROTOCOL_ERROR_CODES = [
  /** Neither the desktop app nor `signet serve` is running (answered by the native host). */
  'APP_NOT_RUNNING',
  /** This extension has not been approved in the desktop app yet (or was revoked). */
  'NOT_APPROVED',
  /** No profile's bucket or CloudFront domain matches the object. */
  'NO_PROFILE_FOR_OBJECT',
  /**
   * The link was signed but fetching it (a 1-byte range GET through the link) found no object at
   * that key, or no such bucket on the profile's server. Nothing was recorded in the history.
   */
  'NO_SUCH_OBJECT',
  /**
   * The link was signed but does not work for another reason the check found (access denied,
   * signature refused, clock skew, server unreachable): the message says which. Nothing recorded.
   */
  'LINK_BROKEN',
  /** A selected text could mean several objects that all exist: `candidates` lists them. */
  'AMBIGUOUS_REFERENCE',
  /** Too many requests from this extension; retry after `retryAfterMs`. */
  'RATE_LIMITED',
  /** The request did not match the schema (or the reference could not be parsed). */
  'BAD_REQUEST',
  /** The reference names a bucket or folder, not one object (same code as the desktop's). */
  'NOT_AN_OBJECT',
  /** No protocol version both sides speak. */
  'VERSION_MISMATCH',
  /** The desktop's own error (expired credentials, keychain locked…): `desktopCode` + its message. */
  'DESKTOP_ERROR',
  /** The request took longer than its timeout. */
  'TIMEOUT',
  /** The native host is not installed for this browser (extension side). */
  'HOST_NOT_INSTALLED',
  /** The native host went away while the request was in flight (extension side). */
  'HOST_DISCONNECTED',
  /** A bug or an unexpected failure; the message says what failed. */
  'INTERNAL',
] as const;

export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

export const protocolErrorCodeSchema = z.enum(PROTOCOL_ERROR_CODES);

export const protocolErrorSchema = z.object({
  code: protocolErrorCodeSchema,
  /** A message for people, saying what to do. Never contains a secret. */
  message: z.string().max(4000),
  /** With DESKTOP_ERROR: the desktop's own stable code (e.g. `KEYCHAIN_LOCKED`). */
  desktopCode: z.string().max(100).optional(),
  /** With RATE_LIMITED: when a retry will be accepted. */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** With AMBIGUOUS_REFERENCE: the readings of the selection that name existing objects. */
  candidates: z.array(z.string().max(8192)).max(16).optional(),
  /** With VERSION_MISMATCH: the versions the other side speaks. */
  supportedVersions: z.array(z.number().int()).optional(),
});

export type ProtocolError = z.infer<typeof protocolErrorSchema>;
