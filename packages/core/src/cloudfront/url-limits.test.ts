// CloudFront URL details: the 8,192-byte limit applies to the link as signed (policy and
// signature included), an explicit default port is dropped before signing (browsers drop it,
// so CloudFront would check another resource), and a signature still verifies afterwards.
import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSignetError } from '../errors.js';
import { createCloudFrontSigner, parseCloudFrontPrivateKey } from './index.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signer = createCloudFrontSigner({
  keyPairId: 'K2JCJMDEHXQW5F',
  privateKey: parseCloudFrontPrivateKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
});
const now = new Date('2026-11-22T12:00:00Z');
const expiresAt = new Date('2026-11-22T13:00:00Z');
const base = 'https://d111111abcdef8.cloudfront.net/';
/** A URL of exactly `bytes` bytes. */
const urlOf = (bytes: number) => base + 'a'.repeat(bytes - base.length);
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('CloudFront: the 8,192-byte limit is checked on the signed URL', () => {
  it('a 7,842-byte URL would give a link over 8,192 bytes: refused, saying by how much and what to do', () => {
    const err = thrown(() => signer.signUrl({ url: urlOf(7842), expiresAt, now }));
    expect(isSignetError(err, 'URL_TOO_LONG'), String(err)).toBe(true);
    expect((err as Error).message).toMatch(/signed link would be 8,\d{3} bytes.*at most 8,192/);
  });

  it('a custom policy carries the resource in the URL too: a 5,000-byte URL with --ip is refused (it would be ~12 KB)', () => {
    const err = thrown(() => signer.signUrl({ url: urlOf(5000), expiresAt, now, ipAddress: '203.0.113.0/24' }));
    expect(isSignetError(err, 'URL_TOO_LONG'), String(err)).toBe(true);
    expect((err as Error).message).toMatch(/1\d,\d{3} bytes.*policy/);
  });

  it('the longest URL that fits gives a link of at most 8,192 bytes', () => {
    let fits = 0;
    for (let n = 7700; n < 7900; n++) {
      try {
        const link = signer.signUrl({ url: urlOf(n), expiresAt, now });
        expect(Buffer.byteLength(link.url)).toBeLessThanOrEqual(8192);
        fits = n;
      } catch (e) {
        expect(isSignetError(e, 'URL_TOO_LONG')).toBe(true);
      }
    }
    expect(fits).toBeGreaterThan(7700);
  });

  it('canned cookies carry no URL, so a long URL is fine there; a custom policy cookie over 4,096 bytes is refused', () => {
    expect(signer.signCookies({ url: urlOf(7842), expiresAt, now }).cookies['CloudFront-Signature']).toBeTruthy();
    const err = thrown(() => signer.signCookies({ url: urlOf(3100), expiresAt, now, ipAddress: '203.0.113.7' }));
    expect(isSignetError(err, 'URL_TOO_LONG'), String(err)).toBe(true);
    expect((err as Error).message).toMatch(
      /CloudFront-Policy cookie would be 4,\d{3} bytes; browsers drop cookies over 4,096/,
    );
    const fits = signer.signCookies({ url: urlOf(2000), expiresAt, now, ipAddress: '203.0.113.7' });
    expect(Buffer.byteLength(fits.cookies['CloudFront-Policy']!)).toBeLessThan(4096);
  });
});

describe('CloudFront: an explicit default port is dropped before signing', () => {
  it.each([
    ['https://d111111abcdef8.cloudfront.net:443/v.mp4', 'https://d111111abcdef8.cloudfront.net/v.mp4'],
    ['http://d111111abcdef8.cloudfront.net:80/v.mp4', 'http://d111111abcdef8.cloudfront.net/v.mp4'],
    ['HTTPS://d111111abcdef8.cloudfront.net:443', 'HTTPS://d111111abcdef8.cloudfront.net'],
  ])('%s is signed as %s, the URL a browser requests', (given, expected) => {
    const link = signer.signUrl({ url: given, expiresAt, now });
    expect(link.url.startsWith(`${expected}?Expires=`)).toBe(true);
    const policy = `{"Statement":[{"Resource":"${expected}","Condition":{"DateLessThan":{"AWS:EpochTime":${expiresAt.getTime() / 1000}}}}]}`;
    const sig = new URL(link.url).searchParams.get('Signature')!;
    const raw = Buffer.from(sig.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');
    expect(verify('sha1', Buffer.from(policy), rsa.publicKey, raw)).toBe(true);
  });

  it('another port is kept (it is part of what the browser requests)', () => {
    const link = signer.signUrl({ url: 'https://d111111abcdef8.cloudfront.net:8443/v.mp4', expiresAt, now });
    expect(link.url).toMatch(/^https:\/\/d111111abcdef8\.cloudfront\.net:8443\/v\.mp4\?/);
  });
});
