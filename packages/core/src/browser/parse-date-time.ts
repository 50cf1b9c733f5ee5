import { SignetError } from './errors.js';

// ISO-8601 date-time with an explicit offset (Z or ±hh:mm). A date-time without an offset is
// refused: "17:00" means different instants on the signer's and the recipient's machines.
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** True when `text` looks like a date or date-time (so its errors should talk about dates). */
export function looksLikeDate(text: string): boolean {
  return /^\d{4}-\d{2}/.test(text.trim());
}

/**
 * Parses an ISO-8601 date-time with an offset (`2026-12-01T17:00:00Z`,
 * `2026-12-01T18:00+01:00`). Impossible dates (Feb 30) and missing offsets throw DATE_INVALID.
 */
export function parseDateTime(text: string): Date {
  const t = text.trim();
  const m = ISO.exec(t);
  if (!m) {
    const hint = DATE_ONLY.test(t)
      ? `Add a time and a time zone, e.g. ${t}T17:00:00Z.`
      : /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)
        ? `Add a time zone: ${t}Z for UTC, or an offset such as ${t}+01:00.`
        : 'Use an ISO-8601 date-time with a time zone, e.g. 2026-12-01T17:00:00Z.';
    throw new SignetError('DATE_INVALID', `"${text}" is not a date-time Signet can read. ${hint}`);
  }
  const [, y, mo, d, h, mi, s] = m.map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const date = new Date(t.replace(' ', 'T'));
  const daysInMonth = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  if (
    Number.isNaN(date.getTime()) ||
    mo! < 1 ||
    mo! > 12 ||
    d! < 1 ||
    d! > daysInMonth ||
    h! > 23 ||
    mi! > 59 ||
    (s ?? 0) > 59
  ) {
    throw new SignetError('DATE_INVALID', `"${text}" is not a real date-time. Check the month, day and time.`);
  }
  return date;
}
