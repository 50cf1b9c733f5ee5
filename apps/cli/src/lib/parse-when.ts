import { isSignetError, parseDateTime, parseExpiry } from '@signet/core';
import { UsageError } from './usage-error.js';

/** Turns a core parse error on a flag into a usage error naming the flag. */
export function asUsage<T>(flag: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isSignetError(e)) throw new UsageError(`${flag}: ${e.message}`);
    throw e;
  }
}

/** `--expires 15m` / `--expires 2026-12-01T17:00:00Z` → an instant after `now`. */
export function parseExpiresFlag(text: string, now: Date): Date {
  return asUsage('--expires', () => parseExpiry(text, now));
}

/** A flag that takes an ISO-8601 date-time (`--signing-date`, `--start`), or a duration from now for `--start`. */
export function parseDateFlag(flag: string, text: string, now?: Date): Date {
  return asUsage(flag, () =>
    now && /^\d+\s*[smhdw]$/i.test(text.trim()) ? parseExpiry(text, now) : parseDateTime(text),
  );
}

/** `--expires-in 3600`: whole seconds from now, as `aws s3 presign --expires-in` takes them. */
export function parseExpiresInFlag(text: string, now: Date): Date {
  if (!/^\s*\d+\s*$/.test(text))
    throw new UsageError(
      `--expires-in: "${text}" is not a number of seconds. Give whole seconds (e.g. --expires-in 3600), or use --expires 1h.`,
    );
  return asUsage('--expires-in', () => parseExpiry(`${Number(text)}s`, now));
}
