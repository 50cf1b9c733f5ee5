import { formatSpan } from '@signet/core';

/** `2h 5m left` / `expired` / `revoked`, for lists. */
export function timeLeft(effectiveExpiresAt: string, revokedAt: string | undefined, now = Date.now()): string {
  if (revokedAt) return 'revoked';
  const s = (new Date(effectiveExpiresAt).getTime() - now) / 1000;
  return s <= 0 ? 'expired' : `${formatSpan(s)} left`;
}
