/**
 * Percent-decodes a URL path into an object key. `+` stays a plus (it only means space in
 * form-encoded queries); malformed escapes are kept literally instead of failing.
 */
export function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw.replace(/(%[0-9a-f]{2})+/gi, (seq) => {
      try {
        return decodeURIComponent(seq);
      } catch {
        return seq;
      }
    });
  }
}
