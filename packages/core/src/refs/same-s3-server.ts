/**
 * Whether two endpoints name the same S3 server: scheme, host (any case), port (default ports
 * dropped, as URL does) and base path (trailing slashes ignored). The one rule for "same server"
 * that link resolution (resolveS3Target) and profile coverage (the sharing layer) both apply.
 */
export function sameS3Server(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

function normalize(endpoint: string): string {
  try {
    const u = new URL(endpoint);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return endpoint.toLowerCase();
  }
}
