// What a CloudFront link to a path will not survive, said as for S3 links: browsers resolve `.`
// and `..` segments (even %2E%2E) before sending, so the request reaches another path and fails
// its signature.
import type { LinkWarning } from '../expiry/index.js';

const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/** Warnings for a CloudFront object path (decoded, without the leading `/`). */
export function cloudFrontPathWarnings(path: string): LinkWarning[] {
  if (!DOT_SEGMENT.test(path)) return [];
  return [
    {
      code: 'KEY_DOT_SEGMENTS',
      message:
        'The path has a "." or ".." folder. Browsers rewrite those in URLs, so this link only works with tools that send the path unchanged (e.g. curl --path-as-is). Rename the object for a link that works everywhere.',
    },
  ];
}
