// Query parameters of a pasted link. Those of a signature (SigV4, SigV2, CloudFront) are dropped
// when re-signing. On S3 the ones that change what is served (versionId, partNumber, response-*
// overrides) are kept and signed again; anything else is dropped and named, so it can be said.
import { decodePath } from './decode-path.js';

const S3_SIGNING =
  /^(x-amz-(algorithm|credential|date|expires|signedheaders|signature|security-token|content-sha256|checksum-mode|user-agent)|x-id|awsaccesskeyid|signature|expires)$/i;
/** Served differently with them: a version, a part, response header overrides. */
const S3_SERVED =
  /^(versionId|partNumber|response-(cache-control|content-disposition|content-encoding|content-language|content-type|expires))$/;
const CLOUDFRONT_SIGNING = new Set(['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm']);

/** Splits a raw CloudFront query (without `?`) into the signing part (dropped) and the rest (kept as written). */
export function stripSigningParams(
  rawQuery: string,
  kind: 's3' | 'cloudfront',
): { kept: string[]; hadSignature: boolean } {
  const kept: string[] = [];
  let hadSignature = false;
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const name = decodePath(pair.split('=')[0] ?? '');
    const signing = kind === 's3' ? S3_SIGNING.test(name) : CLOUDFRONT_SIGNING.has(name);
    if (signing) {
      if (/signature/i.test(name)) hadSignature = true;
    } else kept.push(pair);
  }
  return { kept, hadSignature };
}

export interface S3Query {
  hadSignature: boolean;
  versionId?: string | undefined;
  /** Kept and signed again (decoded values): partNumber and response-* overrides. */
  served: Record<string, string>;
  /** Names of parameters dropped that were not part of a signature. */
  dropped: string[];
}

/** Reads an S3 URL's query: what a re-signed link keeps, and what it drops. */
export function splitS3Query(rawQuery: string): S3Query {
  const out: S3Query = { hadSignature: false, served: {}, dropped: [] };
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = decodePath((eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq === -1 ? '' : decodePath(pair.slice(eq + 1).replace(/\+/g, ' '));
    if (S3_SIGNING.test(name)) {
      if (/signature/i.test(name)) out.hadSignature = true;
    } else if (name === 'versionId') {
      if (value) out.versionId = value;
    } else if (S3_SERVED.test(name)) out.served[name] = value;
    else out.dropped.push(name);
  }
  return out;
}
