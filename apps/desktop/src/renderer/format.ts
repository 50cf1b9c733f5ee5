export function timeLeft(iso: string, now = Date.now()): string {
  const s = Math.round((new Date(iso).getTime() - now) / 1000);
  if (s <= 0) return 'expired';
  const d = Math.floor(s / 86_400),
    h = Math.floor((s % 86_400) / 3600),
    m = Math.floor((s % 3600) / 60);
  if (d > 0) return h > 0 ? `${d} d ${h} h left` : `${d} d left`;
  if (h > 0) return `${h} h ${m} min left`;
  if (m > 0) return `${m} min left`;
  return `${s} s left`;
}

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

export function formatBytes(n: number): string {
  const u = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < u.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${u[i]}`;
}

/** Upload ETA in words: "40 s", "3 min", "1 h 5 min". */
export function formatEta(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * When a link asked for with `value` (a duration such as 15m, 1h, 1d, 7d, 1w, or an ISO date-time)
 * would expire, for the preview under the picker. The main process has the final word (it also
 * knows the credentials' own expiry); undefined when the text is not understood.
 */
export function previewExpiry(value: string, now = Date.now()): Date | undefined {
  const m = /^(\d+)\s*([smhdw])$/.exec(value.trim());
  if (m) return new Date(now + Number(m[1]) * UNIT_SECONDS[m[2]!]! * 1000);
  const d = new Date(value);
  return /^\d{4}-/.test(value) && !Number.isNaN(d.getTime()) ? d : undefined;
}
