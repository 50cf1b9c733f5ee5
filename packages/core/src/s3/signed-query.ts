// Further signed query parameters of a presigned GET: the version a pasted link pointed at and
// the response overrides / part it asked for. They are merged into the canonical query in byte
// order (SigV4 sorts by encoded name); the link's own overrides win over same-named ones.
import { SignetError } from '../errors.js';
import { uriEncode } from './uri-encode.js';

const ALLOWED =
  /^(versionId|partNumber|response-(cache-control|content-disposition|content-encoding|content-language|content-type|expires))$/;

/** `own` is `&name=value…` (already encoded); returns the merged `&name=value…`, sorted. */
export function mergeSignedQuery(own: string, extra: Record<string, string>): string {
  const pairs = own
    .split('&')
    .filter(Boolean)
    .map((p): [string, string] => [p.slice(0, p.indexOf('=')), p]);
  const have = new Set(pairs.map(([n]) => n));
  for (const [name, value] of Object.entries(extra)) {
    if (!ALLOWED.test(name))
      throw new SignetError(
        'OPTION_INVALID',
        `The query parameter "${name}" cannot be signed into a link: only versionId, partNumber and response-* overrides can.`,
      );
    if (have.has(name)) continue;
    pairs.push([name, `${name}=${uriEncode(value)}`]);
  }
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([, p]) => `&${p}`).join('');
}
