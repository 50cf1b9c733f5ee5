// The words the user reads after a click: when the copied link stops working (the effective
// expiry, with the reason when it is earlier than asked), or what went wrong and what to do.
import type { ProtocolError } from '@signet/protocol';

export function describeExpiry(effectiveExpiresAt: string, now: Date, warnings: { message: string }[] = []): string {
  const at = new Date(effectiveExpiresAt);
  const when = at.toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const text = `Share link copied. It works until ${when} (${describeDuration(at.getTime() - now.getTime())}).`;
  return warnings.length > 0 ? `${text} ${warnings.map((w) => w.message).join(' ')}` : text;
}

/** "in 1 hour", "in 6 days 23 hours", "in 14 minutes", "already expired". */
export function describeDuration(ms: number): string {
  if (ms <= 0) return 'already expired';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)} seconds`;
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  if (hours < 24)
    return restMinutes === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(restMinutes, 'minute')}`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? plural(days, 'day') : `${plural(days, 'day')} ${plural(restHours, 'hour')}`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function describeError(error: ProtocolError): string {
  switch (error.code) {
    case 'APP_NOT_RUNNING':
      return 'Signet is not running. Open the Signet app, or run `signet serve` in a terminal, then try again.';
    case 'HOST_NOT_INSTALLED':
      return error.message;
    case 'NOT_APPROVED':
      return (
        error.message ||
        'Signet has not approved this extension yet. Approve it in Signet (Settings → Browser integration).'
      );
    case 'NO_PROFILE_FOR_OBJECT':
      return `This object is not in any of your Signet profiles. ${error.message} Add a profile for its bucket in Signet, then try again.`;
    case 'RATE_LIMITED':
      return `Too many requests at once. Try again in ${Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000))} s.`;
    case 'NOT_AN_OBJECT':
      return `Signet makes links to single files: ${error.message}`;
    case 'BAD_REQUEST':
      return `Signet cannot make a link for this: ${error.message}`;
    case 'DESKTOP_ERROR':
      return `Signet: ${error.message}`;
    case 'VERSION_MISMATCH':
      return 'This extension and the Signet app are from different releases. Update both.';
    case 'TIMEOUT':
    case 'HOST_DISCONNECTED':
    case 'INTERNAL':
      return error.message;
  }
}
