import { formatContentDisposition } from '../s3/content-disposition.js';
import { checkContentType } from '../s3/create-s3-presigner.js';

export interface ResponseOverrides {
  /** The file name the browser saves the download as (response-content-disposition). */
  downloadName?: string | undefined;
  /** Show in the browser instead of downloading. */
  inline?: boolean | undefined;
  /** The Content-Type the response gets (response-content-type). */
  contentType?: string | undefined;
}

// encodeURIComponent leaves ! ' ( ) * alone; * would read as a wildcard in a policy resource and
// ' ( ) are encoded by S3's own presigner too, so the two kinds of link carry the same bytes.
const encode = (v: string) =>
  encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Adds response-content-disposition / response-content-type to a CloudFront URL, as an S3 link
 * carries them: CloudFront forwards them to the origin (`signet cloudfront setup` configures
 * that), and they are part of the signed resource. The option replaces the URL's own value.
 */
export function withResponseOverrides(url: string, o: ResponseOverrides): string {
  const add: [string, string][] = [];
  if (o.downloadName !== undefined || o.inline) {
    add.push([
      'response-content-disposition',
      o.downloadName !== undefined
        ? formatContentDisposition(o.downloadName, o.inline ? 'inline' : 'attachment')
        : 'inline',
    ]);
  }
  if (o.contentType !== undefined) add.push(['response-content-type', checkContentType(o.contentType)]);
  if (add.length === 0) return url;
  const q = url.indexOf('?');
  const [base, query] = q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q + 1)];
  const replaced = new Set(add.map(([k]) => k));
  const kept = query.split('&').filter((p) => p && !replaced.has(decodeURIComponent(p.split('=')[0] ?? '')));
  return `${base}?${[...kept, ...add.map(([k, v]) => `${k}=${encode(v)}`)].join('&')}`;
}
