import { formatBytes, type S3PostPolicy } from '@signet/core';

/** One shell word, single-quoted (a `'` inside becomes `'\''`). */
const sh = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/**
 * A curl command that uploads FILE through the form: the signed fields as literal strings
 * (`--form-string`: curl's `-F` would read a value starting with `@` or `<` as a file, and
 * `;type=` as an option), a content type the uploader picks from the file itself when the
 * policy allows a family (image/*), and the file last, as S3 requires.
 */
export function formatCurlUpload(p: S3PostPolicy): string {
  const parts = ['curl --fail-with-body'];
  for (const [k, v] of Object.entries(p.fields)) parts.push(`--form-string ${sh(`${k}=${v}`)}`);
  if (p.uploaderSets['Content-Type'] !== undefined)
    parts.push('--form-string "Content-Type=$(file -b --mime-type FILE)"');
  parts.push("-F 'file=@FILE'", sh(p.url));
  return parts.join(' ');
}

/** The limits in words, for stderr. */
export function describePostLimits(p: S3PostPolicy): string {
  const where =
    p.limits.key !== undefined
      ? `to ${p.limits.key}`
      : `under ${p.limits.keyPrefix || 'any key'} (key = ${p.fields.key}; the uploader may pick another key under it)`;
  const type = p.limits.contentType ? `, Content-Type ${p.limits.contentType}` : '';
  return `Upload form: one file of at most ${formatBytes(p.limits.maxBytes)} (${p.limits.maxBytes} bytes), ${where}${type}, until ${p.effectiveExpiresAt.toISOString()}. Replace FILE in the curl line with the file to send.`;
}
