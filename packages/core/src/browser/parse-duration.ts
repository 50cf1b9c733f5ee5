import { SignetError } from './errors.js';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
const DURATION = /^(\d{1,9})\s*([smhdw])$/;

/** True when `text` looks like a duration (`90s`, `15m`, `2h`, `7d`, `1w`). */
export function isDuration(text: string): boolean {
  return DURATION.test(text.trim().toLowerCase());
}

/**
 * Parses a duration: a whole number and one unit, `s` `m` `h` `d` `w` (`90s`, `15m`, `2h`,
 * `7d`, `1w`). Returns seconds. Zero and malformed input throw EXPIRY_INVALID.
 */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text.trim().toLowerCase());
  if (!m?.[1] || !m[2]) {
    throw new SignetError(
      'EXPIRY_INVALID',
      `"${text}" is not a duration. Use a number and a unit: 90s, 15m, 2h, 7d or 1w — or an ISO-8601 date-time such as 2026-12-01T17:00:00Z.`,
    );
  }
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS];
  if (seconds <= 0) {
    throw new SignetError(
      'EXPIRY_TOO_SHORT',
      `An expiry of ${text} would make a link that is dead on arrival. Use at least 1s.`,
    );
  }
  return seconds;
}
