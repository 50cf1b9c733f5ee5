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
  // An explicit default port (:443 for https, :80 for http) is dropped: browsers drop it, so
  // CloudFront would check the policy against the URL without it.
  const encoded = encodeCloudFrontUrl(input.trim()).replace(
    /^(https:\/\/[^/?#:]+):443(?=[/?#]|$)|^(http:\/\/[^/?#:]+):80(?=[/?#]|$)/i,
    (_, secure?: string, plain?: string) => secure ?? plain ?? '',
  );
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

/**
 * Refuses a signed link CloudFront would refuse for its length. The limit counts the whole URL,
 * policy and signature included: a canned policy adds ~400 bytes, a custom one (start time, IP,
 * wildcard) carries the resource again, base64-encoded, so it roughly doubles a long URL.
 */
export function checkSignedUrlLength(signedUrl: string, unsignedBytes: number, custom: boolean): void {
  const bytes = Buffer.byteLength(signedUrl);
  if (bytes <= CLOUDFRONT_MAX_URL_BYTES) return;
  const added = bytes - unsignedBytes;
  throw new SignetError(
    'URL_TOO_LONG',
    `The signed link would be ${bytes.toLocaleString('en-US')} bytes (the URL is ${unsignedBytes.toLocaleString('en-US')}, ${custom ? 'the signature and the custom policy, which repeats the resource, add' : 'the signature adds'} ${added.toLocaleString('en-US')}); CloudFront accepts at most ${CLOUDFRONT_MAX_URL_BYTES.toLocaleString('en-US')}. ${custom ? 'Use a shorter path or a wildcard resource shorter than the URL (e.g. the folder followed by /*).' : 'Use a shorter path, or signed cookies (signet cookies), which carry no URL.'}`,
    { details: { bytes, maxBytes: CLOUDFRONT_MAX_URL_BYTES } },
  );
}

/** Browsers keep cookies of at most this many bytes (name, `=` and value; RFC 6265 §6.1 minimum). */
const COOKIE_MAX_BYTES = 4096;

/** Refuses signed cookies a browser would drop silently: a custom policy repeats the resource. */
export function checkCookieSizes(cookies: Record<string, string>): void {
  for (const [name, value] of Object.entries(cookies)) {
    const bytes = Buffer.byteLength(name) + 1 + Buffer.byteLength(value);
    if (bytes <= COOKIE_MAX_BYTES) continue;
    throw new SignetError(
      'URL_TOO_LONG',
      `The ${name} cookie would be ${bytes.toLocaleString('en-US')} bytes; browsers drop cookies over ${COOKIE_MAX_BYTES.toLocaleString('en-US')} without a word, so these cookies would not work. Use a shorter resource (e.g. the folder followed by /*).`,
      { details: { bytes, maxBytes: COOKIE_MAX_BYTES } },
    );
  }
}

/** Host of a URL or resource pattern (lower-case), e.g. d111111abcdef8.cloudfront.net. */
export function hostOf(urlOrPattern: string): string {
  return (/^[a-z*]+:\/\/([^/?#]+)/i.exec(urlOrPattern)?.[1] ?? '').toLowerCase();
}
