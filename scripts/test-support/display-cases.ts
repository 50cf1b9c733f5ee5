// One table of what people read for durations, time left and sizes. core's own test and each
// client's (CLI, desktop renderer, extension) run it through the function that client calls, so
// "2 hours 5 minutes" can never again be "2 h 5 min" somewhere else, nor MiB be MB.

const now = Date.parse('2026-11-22T12:00:00Z');
const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

/** [seconds, words] */
export const DURATION_CASES: readonly [number, string][] = [
  [0, '0 seconds'],
  [0.3, '1 second'],
  [45, '45 seconds'],
  [90, '1 minute 30 seconds'],
  [185, '3 minutes 5 seconds'],
  [3600, '1 hour'],
  [7500, '2 hours 5 minutes'],
  [86_400, '1 day'],
  [86_430, '1 day'],
  [7 * 86_400 - 3600, '6 days 23 hours'],
];

/** How long a link still works, seen at `now`. */
export const TIME_LEFT_CASES: readonly { expiresAt: string; now: number; revokedAt?: string; text: string }[] = [
  { expiresAt: at(86_430), now, text: '1 day left' },
  { expiresAt: at(86_400 + 3 * 3600), now, text: '1 day 3 hours left' },
  { expiresAt: at(7500), now, text: '2 hours 5 minutes left' },
  { expiresAt: at(14 * 60), now, text: '14 minutes left' },
  // Coarse, rounded to the nearest unit a person needs: a 1-day link read a moment after signing
  // still has "1 day left", a 1-hour link "1 hour left", not "23 hours 59 minutes" / "59 minutes 33 seconds".
  { expiresAt: at(86_400 - 30), now, text: '1 day left' },
  { expiresAt: at(86_400 - 1), now, text: '1 day left' },
  { expiresAt: at(3600 - 27), now, text: '1 hour left' },
  { expiresAt: at(14 * 60 + 20), now, text: '14 minutes left' },
  { expiresAt: at(14 * 60 + 40), now, text: '15 minutes left' },
  { expiresAt: at(2 * 3600 + 5 * 60 + 40), now, text: '2 hours 6 minutes left' },
  { expiresAt: at(86_400 + 3 * 3600 + 20 * 60), now, text: '1 day 3 hours left' },
  { expiresAt: at(7 * 86_400 - 20 * 60), now, text: '7 days left' },
  { expiresAt: at(9 * 86_400 + 5 * 3600), now, text: '9 days left' },
  { expiresAt: at(45.4), now, text: '45 seconds left' },
  { expiresAt: at(0.3), now, text: '1 second left' },
  { expiresAt: at(-3600), now, text: 'expired' },
  { expiresAt: at(3600), now, revokedAt: at(-60), text: 'revoked' },
];

/** [bytes, text]: binary units, named as such. */
export const BYTE_CASES: readonly [number, string][] = [
  [0, '0 B'],
  [1023, '1023 B'],
  [1536, '1.5 KiB'],
  [5 * 1024 ** 2, '5.0 MiB'],
  [5_000_000, '4.8 MiB'],
  [5 * 1024 ** 3, '5.0 GiB'],
];
