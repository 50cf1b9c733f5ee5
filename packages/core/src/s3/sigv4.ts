// The SigV4 primitives a presigned URL needs, on node:crypto directly. The signing key
// depends only on (secret, day, region, service), so callers cache it: a link then costs one
// SHA-256 of the canonical request and one HMAC — the floor for SigV4.
import { createHmac, hash } from 'node:crypto';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** `20130524T000000Z` for a whole second since the epoch. */
export function formatAmzDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** HMAC chain AWS4<secret> → day → region → service → aws4_request. */
export function deriveSigningKey(secretAccessKey: string, dateStamp: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secretAccessKey}`).update(dateStamp).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

/** One-shot crypto.hash (Node ≥ 20.12): no Hash object per link, which bulk signing notices. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

export function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}
