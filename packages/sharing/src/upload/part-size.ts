/** S3 multipart limits: parts of 5 MiB to 5 GiB, at most 10,000 parts, objects up to 5 TiB. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PARTS = 10_000;
/** 8 MiB parts, 10 in flight: what `aws s3 cp` does, and the fastest setting measured on loopback. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
export const DEFAULT_QUEUE_SIZE = 10;

/** The part size for a file: at least `preferred`, grown so the file fits in 10,000 parts. */
export function choosePartSize(fileSize: number, preferred = DEFAULT_PART_SIZE): number {
  const needed = Math.ceil(fileSize / MAX_PARTS);
  const size = Math.max(MIN_PART_SIZE, preferred, needed);
  return Math.ceil(size / (1024 * 1024)) * 1024 * 1024;
}
