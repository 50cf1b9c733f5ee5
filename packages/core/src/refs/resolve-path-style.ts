// One addressing rule for everything that talks to a bucket — the link, the upload and the
// profile test — so that a link never uses an addressing its own upload did not (the desktop once
// reported `http://bucket.127.0.0.1:7480/…`, no URL at all, as copied while the SDK uploaded
// path-style and succeeded).
import { isIpOrLocalhost } from '../browser/compatible-s3-hosts.js';

export interface PathStyleInput {
  bucket: string;
  /** The endpoint (undefined: AWS). */
  endpoint?: string | undefined;
  /** What the profile or the user asked for; undefined: the default for the endpoint. */
  forcePathStyle?: boolean | undefined;
}

/**
 * Path-style when: the endpoint is an IP address or localhost (a bucket cannot go in its name),
 * or it is HTTPS and the bucket has dots (the TLS certificate `*.host` would not match), or it
 * was asked for. Otherwise virtual-hosted (custom endpoints: path-style unless asked otherwise).
 */
export function resolvePathStyle(o: PathStyleInput): boolean {
  let host = '';
  let https = true;
  if (o.endpoint) {
    try {
      const u = new URL(o.endpoint);
      host = u.hostname;
      https = u.protocol === 'https:';
    } catch {
      return o.forcePathStyle ?? true;
    }
    if (isIpOrLocalhost(host)) return true;
  }
  if (https && o.bucket.includes('.')) return true;
  return o.forcePathStyle ?? Boolean(o.endpoint);
}
