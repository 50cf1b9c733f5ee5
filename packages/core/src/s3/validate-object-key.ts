import { SignetError } from '../errors.js';

const MAX_KEY_BYTES = 1024;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Checks an object key: non-empty, at most 1024 UTF-8 bytes, well-formed Unicode. */
export function validateObjectKey(key: string): void {
  if (key.length === 0)
    throw new SignetError('KEY_INVALID', 'The object key is empty. Name the object, e.g. s3://bucket/path/file.pdf.');
  if (LONE_SURROGATE.test(key))
    throw new SignetError(
      'KEY_INVALID',
      'The object key contains broken Unicode (a lone surrogate). Rename the object.',
    );
  // A UTF-16 unit is at most 3 UTF-8 bytes: short keys need no count (bulk runs).
  if (key.length * 3 <= MAX_KEY_BYTES) return;
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_KEY_BYTES) {
    throw new SignetError(
      'KEY_INVALID',
      `The object key is ${bytes} bytes long; S3 allows at most ${MAX_KEY_BYTES}. Use a shorter name.`,
    );
  }
}
