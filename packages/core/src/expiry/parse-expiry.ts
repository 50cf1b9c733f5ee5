import { SignetError } from '../errors.js';
import { parseDateTime } from './parse-date-time.js';
import { isDuration, parseDuration } from './parse-duration.js';

/**
 * Turns what a user typed into an absolute expiry: a duration counted from `now`
 * (`15m`, `7d`) or an ISO-8601 date-time. An instant that is not in the future throws
 * EXPIRY_IN_PAST. Upper limits depend on the link kind: see resolveEffectiveExpiry.
 */
export function parseExpiry(text: string, now: Date): Date {
  const t = text.trim();
  if (t === '') throw new SignetError('EXPIRY_INVALID', 'The expiry is empty. Use a duration such as 15m, 2h or 7d, or a date-time such as 2026-12-01T17:00:00Z.');
  if (isDuration(t) || /^\d+$/.test(t) || /^\d+\s*[a-z]+$/i.test(t)) {
    return new Date(now.getTime() + parseDuration(t) * 1000);
  }
  const at = parseDateTime(t);
  if (at.getTime() <= now.getTime()) {
    throw new SignetError('EXPIRY_IN_PAST', `${at.toISOString()} is already past. Pick a time in the future, or a duration such as 1h.`, {
      details: { expiresAt: at.toISOString(), now: now.toISOString() },
    });
  }
  return at;
}
