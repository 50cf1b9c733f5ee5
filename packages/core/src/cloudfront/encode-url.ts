import { SignetError } from '../errors.js';

/** CloudFront refuses URLs longer than this (bytes). */
export const CLOUDFRONT_MAX_URL_BYTES = 8192;

// Characters a browser would percent-encode in a path or query: controls, space, " < > \ ^ ` { | }
// and everything beyond ASCII. Encoding them before signing makes the signed resource equal to
// what the browser will request. Existing %XX escapes, `*` wildcards and reserved characters stay.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be encoded
const NEEDS_ENCODING = /[\u0000-\u0020"<>\\^`{|}\u007f-\u{10ffff}]/gu;

/** Percent-encodes spaces, non-ASCII and unsafe characters (UTF-8), leaving the rest as given. */
export function encodeCloudFrontUrl(url: string): string {
  return url.replace(NEEDS_ENCODING, (c) => encodeURIComponent(c));
}

/** Parses and encodes a URL to sign: http(s) only, no fragment, within the size limit. */
export function normalizeCloudFrontUrl(input: string, what: 'URL' | 'resource' = 'URL'): string {
  const encoded = encodeCloudFrontUrl(input.trim());
  if (!/^(https?|\*):\/\/[^/?#*]+\/?/i.test(encoded)) {
    throw new SignetError(
      what === 'URL' ? 'URL_INVALID' : 'RESOURCE_INVALID',
      `"${input}" is not a CloudFront ${what}. Use a full https:// URL, e.g. https://d111111abcdef8.cloudfront.net/path/file.pdf.`,
    );
  }
  if (encoded.includes('#')) {
    throw new SignetError('URL_INVALID', `"${input}" contains a #fragment, which browsers never send. Remove it.`);
  }
  if (Buffer.byteLength(encoded) > CLOUDFRONT_MAX_URL_BYTES) {
    throw new SignetError(
      'URL_TOO_LONG',
      `The ${what} is ${Buffer.byteLength(encoded)} bytes long; CloudFront accepts at most ${CLOUDFRONT_MAX_URL_BYTES}, signature included. Use a shorter path or a wildcard resource.`,
    );
  }
  return encoded;
}

/** Host of a URL or resource pattern (lower-case), e.g. d111111abcdef8.cloudfront.net. */
export function hostOf(urlOrPattern: string): string {
  return (/^[a-z*]+:\/\/([^/?#]+)/i.exec(urlOrPattern)?.[1] ?? '').toLowerCase();
}
