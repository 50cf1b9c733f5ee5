// Display helpers of the renderer. Durations, time left, sizes and the expiry preview are core's
// (@signet/core/browser), shared with the CLI and the extension: one wording everywhere. Only
// the locale-dependent dates are the renderer's own.
export {
  formatBytes,
  formatDuration as formatEta,
  formatTimeLeft as timeLeft,
  previewExpiry,
} from '@signet/core/browser';

export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Compact date for tables: "Nov 22, 12:47" (the year only when it is not this year). */
export function formatShortWhen(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const sameYear = d.getFullYear() === now.getFullYear();
  return d.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  });
}
