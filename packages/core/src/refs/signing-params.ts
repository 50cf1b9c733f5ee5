// Query parameters that belong to a signature (SigV4, SigV2, CloudFront). Re-signing drops them.
import { decodePath } from './decode-path.js';

const S3_SIGNING =
  /^(x-amz-(algorithm|credential|date|expires|signedheaders|signature|security-token|content-sha256|checksum-mode)|x-id|awsaccesskeyid|signature|expires|response-[a-z-]+)$/i;
const CLOUDFRONT_SIGNING = new Set(['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm']);

/** Splits a raw query (without `?`) into the signing part (dropped) and the rest (kept as written). */
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
