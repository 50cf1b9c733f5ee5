/**
 * `7 days`, `2 hours 5 minutes`, `45 seconds`: a span in words, the two largest units (the rest
 * dropped), for messages, time left and upload ETAs alike. Rounded to the second; anything above
 * zero is at least `1 second` (a link with 0.3 s left is not "0 seconds" away).
 */
export function formatDuration(seconds: number): string {
  const s = seconds > 0 && seconds < 1 ? 1 : Math.max(0, Math.round(seconds));
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  // The largest unit that is not zero, and the next one down when it is not zero either:
  // "1 day 3 hours", "1 day" (not "1 day 30 seconds": a unit two steps down is noise).
  const first = units.findIndex(([size]) => s >= size);
  const parts: string[] = [];
  if (first >= 0) {
    const [size, name] = units[first]!;
    const n = Math.floor(s / size);
    parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    const next = units[first + 1];
    if (next) {
      const m = Math.floor((s - n * size) / next[0]);
      if (m > 0) parts.push(`${m} ${next[1]}${m === 1 ? '' : 's'}`);
    }
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}

/**
 * Time left at the precision a person needs, rounded to the nearest unit shown: seconds only under
 * a minute, whole minutes under an hour, hours and minutes under a day, days and hours under a week,
 * then days. So a 1-day link read a moment after signing (23 h 59 min 30 s) has "1 day" left, not
 * "23 hours 59 minutes", and every client says the same.
 */
export function roundTimeLeft(seconds: number): number {
  const to = (unit: number) => Math.round(seconds / unit) * unit;
  if (seconds < 60) return seconds;
  if (seconds < 86_400) return to(60);
  if (seconds < 7 * 86_400) return to(3600);
  return to(86_400);
}

/** `2 hours 5 minutes left` / `expired` / `revoked`: how long a link still works, for lists. */
export function formatTimeLeft(
  effectiveExpiresAt: string | Date,
  now: number | Date = Date.now(),
  revokedAt?: string,
): string {
  if (revokedAt) return 'revoked';
  const seconds = (new Date(effectiveExpiresAt).getTime() - new Date(now).getTime()) / 1000;
  return seconds <= 0 ? 'expired' : `${formatDuration(roundTimeLeft(seconds))} left`;
}
