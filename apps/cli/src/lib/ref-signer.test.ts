import { createHash, createHmac, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCloudFrontSigner, parseCloudFrontPrivateKey } from '@signet/core';
import { createRefSigner } from './ref-signer.js';

const now = new Date('2026-11-22T10:00:00Z');
const expiresAt = new Date('2026-11-22T11:00:00Z');
const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const base = { method: 'GET' as const, defaultRegion: 'us-east-1' };

describe('createRefSigner', () => {
  it('resolves credentials once and reuses one presigner for many refs', async () => {
    let resolved = 0;
    const signer = createRefSigner({ ...base, credentials: async () => (resolved++, creds) });
    const urls = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signer.sign(`s3://bucket-1/k ${i}`, expiresAt, now)),
    );
    expect(resolved).toBe(1);
    expect(new URL(urls[7]!.url).pathname).toBe('/k%207');
    expect(urls[7]!.url).toContain('X-Amz-Expires=3600');
  });

  it('signs an S3 URL with the SigV4 key derived independently', async () => {
    const signer = createRefSigner({ ...base, credentials: async () => creds });
    const { url } = await signer.sign('s3://bucket-1/a.txt', expiresAt, now);
    const u = new URL(url);
    const sig = u.searchParams.get('X-Amz-Signature')!;
    u.searchParams.delete('X-Amz-Signature');
    const query = [...u.searchParams]
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .sort()
      .join('&');
    const canonical = ['GET', u.pathname, query, `host:${u.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
    const scope = '20261122/us-east-1/s3/aws4_request';
    const toSign = ['AWS4-HMAC-SHA256', '20261122T100000Z', scope, sha256(canonical)].join('\n');
    let k: Buffer = createHmac('sha256', `AWS4${creds.secretAccessKey}`).update('20261122').digest();
    for (const part of ['us-east-1', 's3', 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
    expect(createHmac('sha256', k).update(toSign).digest('hex')).toBe(sig);
  });

  it('refuses buckets/folders, CloudFront options on S3, and CloudFront URLs without a key — without asking for credentials', async () => {
    const signer = createRefSigner({
      ...base,
      credentials: async () => {
        throw new Error('must not be called');
      },
    });
    await expect(signer.sign('s3://bucket-1/folder/', expiresAt, now)).rejects.toThrow(
      /bucket or folder, not an object/,
    );
    await expect(signer.sign('https://d111111abcdef8.cloudfront.net/a.mp4', expiresAt, now)).rejects.toThrow(
      /--key-pair-id and --private-key/,
    );
    const withIp = createRefSigner({ ...base, ipAddress: '203.0.113.0/24', credentials: async () => creds });
    await expect(withIp.sign('s3://bucket-1/a', expiresAt, now)).rejects.toThrow(/apply to CloudFront links/);
  });

  it('CloudFront: one signer built lazily; the signature verifies with the public key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let built = 0;
    const key = parseCloudFrontPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const signer = createRefSigner({
      ...base,
      credentials: async () => creds,
      cloudFront: () => (built++, createCloudFrontSigner({ keyPairId: 'K2JCJMDEHXQW5F', privateKey: key })),
    });
    const a = await signer.sign('https://d111111abcdef8.cloudfront.net/a.mp4', expiresAt, now);
    await signer.sign('https://d111111abcdef8.cloudfront.net/b.mp4', expiresAt, now);
    expect(built).toBe(1);
    const u = new URL(a.url);
    const policy = `{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/a.mp4","Condition":{"DateLessThan":{"AWS:EpochTime":${expiresAt.getTime() / 1000}}}}]}`;
    const sig = Buffer.from(
      u.searchParams.get('Signature')!.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'),
      'base64',
    );
    expect(verify('sha1', Buffer.from(policy), publicKey, sig)).toBe(true);
    await expect(
      createRefSigner({
        ...base,
        method: 'PUT',
        credentials: async () => creds,
        cloudFront: () => createCloudFrontSigner({ keyPairId: 'K', privateKey: key }),
      }).sign('https://d111111abcdef8.cloudfront.net/a.mp4', expiresAt, now),
    ).rejects.toThrow(/upload links \(PUT\) are S3/);
  });
});

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
