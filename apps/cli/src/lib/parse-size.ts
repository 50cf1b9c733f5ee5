import { UsageError } from './usage-error.js';

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `50MiB`, `10 MB`, `1.5GiB`, `2048` (bytes) → whole bytes. Bad input is a usage error naming the flag. */
export function parseSizeFlag(flag: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = UNITS[(m?.[2] || 'b').toLowerCase()];
  if (!m || unit === undefined)
    throw new UsageError(
      `${flag}: "${text}" is not a size. Give bytes or a number with a unit: 50MiB, 10MB, 1GiB (KiB/MiB/GiB are 1024-based, KB/MB/GB 1000-based).`,
    );
  return Math.floor(Number(m[1]) * unit);
}
