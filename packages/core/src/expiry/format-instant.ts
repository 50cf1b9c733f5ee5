/** `2026-11-22 14:05 UTC`: short, unambiguous, for messages. */
export function formatInstant(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
