// RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is
// encoded as UTF-8 bytes in upper-case hex. encodeURIComponent leaves ! ' ( ) * alone.
const EXTRA = /[!'()*]/g;
const HAS_EXTRA = /[!'()*]/;
const hex = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** Encodes one query name/value or path segment for a SigV4 canonical request. */
export function uriEncode(value: string): string {
  const e = encodeURIComponent(value);
  // Tested first: a replace with a callback costs more than the test, and most values have none.
  return HAS_EXTRA.test(e) ? e.replace(EXTRA, hex) : e;
}

/** Encodes an object key for a URL path: each segment encoded, `/` kept. */
export function uriEncodePath(key: string): string {
  // Most keys need no encoding at all; otherwise encode the whole key and put the '/' back
  // (a literal "%2F" in a key becomes "%252F", so no real slash can be confused with it).
  if (UNRESERVED_PATH.test(key)) return key;
  const e = uriEncode(key);
  return e.includes('%2F') ? e.replace(SLASH, '/') : e;
}

const UNRESERVED_PATH = /^[A-Za-z0-9\-_.~/]*$/;
const SLASH = /%2F/g;
