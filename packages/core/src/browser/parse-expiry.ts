import { SignetError } from './errors.js';
import { looksLikeDate, parseDateTime } from './parse-date-time.js';
import { isDuration, parseDuration } from './parse-duration.js';

/**
 * Turns what a user typed into an absolute expiry: a duration counted from `now`
 * (`15m`, `7d`) or an ISO-8601 date-time. An instant that is not in the future throws
 * EXPIRY_IN_PAST. Upper limits depend on the link kind: see resolveEffectiveExpiry.
 */
export function parseExpiry(text: string, now: Date): Date {
  const t = text.trim();
  if (t === '')
    throw new SignetError(
      'EXPIRY_INVALID',
      'The expiry is empty. Use a duration such as 15m, 2h or 7d, or a date-time such as 2026-12-01T17:00:00Z.',
    );
  if (isDuration(t) || /^\d+([.,]\d+)?$/.test(t) || /^\d+([.,]\d+)?\s*[a-z]+$/i.test(t)) {
    const at = new Date(now.getTime() + parseDuration(t) * 1000);
    // A Date holds at most ±8.64e15 ms: '999999999w' would otherwise surface as a RangeError.
    if (Number.isNaN(at.getTime())) {
      throw new SignetError(
        'EXPIRY_TOO_LONG',
        `${t} is further away than any link can live. Use a duration such as 7d, or a date-time.`,
      );
    }
    return at;
  }
  if (!looksLikeDate(t)) {
    throw new SignetError(
      'EXPIRY_INVALID',
      `"${text}" is neither a duration nor a date-time. Use 90s, 15m, 2h, 7d or 1w, or a date-time such as 2026-12-01T17:00:00Z.`,
    );
  }
  const at = parseDateTime(t);
  if (at.getTime() <= now.getTime()) {
    throw new SignetError(
      'EXPIRY_IN_PAST',
      `${at.toISOString()} is already past. Pick a time in the future, or a duration such as 1h.`,
      {
        details: { expiresAt: at.toISOString(), now: now.toISOString() },
      },
    );
  }
  return at;
}
