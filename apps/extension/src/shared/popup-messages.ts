// Messages between the popup / offscreen document and the background (runtime.sendMessage inside
// the extension). Parsed on receipt like every other boundary.
import { z } from 'zod';

export const popupStateRequestSchema = z.object({ type: z.literal('signet:popup-state') });

export const offscreenCopySchema = z.object({
  target: z.literal('offscreen'),
  type: z.literal('copy'),
  text: z.string().max(16_384),
});

export type ConnectionState = 'connected' | 'not-approved' | 'not-running' | 'not-installed' | 'error';

/** What the last click did, in full (the notification only had room for the short version). */
export interface LastOutcome {
  level: 'ok' | 'warning' | 'error';
  title: string;
  details: string;
  /** ISO-8601. */
  at: string;
  code?: string;
}

export interface PopupLink {
  id: string;
  /** The file name (last part of the key). */
  name: string;
  bucket: string;
  key: string;
  /** Profile name when the desktop says which profile signed it. */
  profile?: string;
  /** "made 10:02" / "made Mon 30 Nov". */
  made: string;
  /** "23 hours left", "expired", "revoked". */
  label: string;
  effectiveExpiresAt: string;
  url?: string;
}

export interface PopupState {
  connection: {
    state: ConnectionState;
    message: string;
    origin?: string;
    app?: string;
    /** When not approved: the command that approves this extension without the app's window. */
    approveCommand?: string;
  };
  links: PopupLink[];
  /** Why `links` is empty although connected: the history could not be read (the popup retries). */
  linksError?: { message: string; retryAfterMs?: number };
  profiles: string[];
  last?: LastOutcome;
}

const MAX_RETRY_MS = 15_000;

/**
 * How long the popup waits before asking again after `failures` failed tries in a row: at least what
 * the bridge asked for, doubling from 1 s, never over 15 s. Doubling matters: every try costs three
 * requests (hello, status, recentLinks), more than a drained rate limit refills in a second.
 */
export function retryDelayMs(failures: number, retryAfterMs = 0): number {
  return Math.min(MAX_RETRY_MS, Math.max(retryAfterMs, 1000 * 2 ** Math.min(failures, 10)));
}
