const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/**
 * `512 B`, `1.5 KiB`, `5.0 GiB`: binary units, named as such, like S3's own limits (5 GiB parts,
 * 5 TiB objects). One rule for every client, so a file is never "5.4 GB" in one and "5.0 GiB" in another.
 */
export function formatBytes(n: number): string {
  let v = Math.max(0, n);
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${v.toFixed(1)} ${UNITS[i]}`;
}
