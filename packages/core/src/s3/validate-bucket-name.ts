import { SignetError } from '../errors.js';

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

// The last name that passed: bulk runs check the same bucket tens of thousands of times.
let lastValid = '';

/**
 * Checks an S3 bucket name (general purpose buckets): 3–63 characters, lower-case letters,
 * digits, dots and hyphens, starting and ending with a letter or digit, not an IP address,
 * no `..`, no reserved prefixes/suffixes. Throws BUCKET_INVALID with the rule broken.
 */
export function validateBucketName(name: string): void {
  if (name === lastValid) return;
  const why = bucketNameProblem(name);
  if (why)
    throw new SignetError('BUCKET_INVALID', `"${name}" is not a valid S3 bucket name: ${why}.`, {
      details: { bucket: name },
    });
  lastValid = name;
}

function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'it must be 3 to 63 characters long';
  if (/[A-Z]/.test(name)) return 'use lower-case letters only';
  if (!BUCKET.test(name))
    return 'use lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit';
  if (name.includes('..')) return 'two dots in a row are not allowed';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'it must not look like an IP address';
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name) || /(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(name))
    return 'it uses a prefix or suffix that AWS reserves';
  return undefined;
}
