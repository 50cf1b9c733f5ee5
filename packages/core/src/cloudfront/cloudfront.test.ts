// CloudFront cannot run here, so every signature is verified independently of the signer:
// rebuild the signed policy from the URL/cookies and check it with crypto.verify (and openssl).
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inspect } from 'node:util';
import { join } from 'node:path';
import { getSignedCookies, getSignedUrl } from '@aws-sdk/cloudfront-signer';
import { describe, expect, it } from 'vitest';
import { isSignetError, type CoreErrorCode } from '../errors.js';
import {
  createCloudFrontSigner,
  formatCookieHeader,
  formatSetCookieLines,
  parseCloudFrontPrivateKey,
} from './index.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const pem = (k: KeyObject, type: 'pkcs1' | 'pkcs8' | 'sec1' = 'pkcs8', passphrase?: string) =>
  k.export({ type, format: 'pem', ...(passphrase ? { cipher: 'aes-256-cbc', passphrase } : {}) } as never).toString();
const NOW = new Date('2026-11-22T12:00:00Z');
const in1h = new Date(NOW.getTime() + 3600_000);
const DOMAIN = 'd111111abcdef8.cloudfront.net';
const fromB64 = (s: string) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');

function signer(opts: { key?: string; hash?: 'sha1' | 'sha256'; domain?: string } = {}) {
  return createCloudFrontSigner({
    keyPairId: 'K2JCJMDEHXQW5F',
    privateKey: parseCloudFrontPrivateKey(opts.key ?? pem(rsa.privateKey)),
    hash: opts.hash,
    domain: opts.domain,
  });
}

/** The policy CloudFront will check, rebuilt from the URL, and whether the signature verifies. */
function verifyUrl(url: string, publicKey: KeyObject, hash = 'sha1') {
  const u = new URL(url);
  const q = u.searchParams;
  const policy = q.has('Policy')
    ? fromB64(q.get('Policy')!).toString()
    : `{"Statement":[{"Resource":"${u.origin}${u.pathname}${stripSigning(u)}","Condition":{"DateLessThan":{"AWS:EpochTime":${q.get('Expires')}}}}]}`;
  const ok = verify(hash, Buffer.from(policy), publicKey, fromB64(q.get('Signature')!));
  return {
    ok,
    policy: JSON.parse(policy) as {
      Statement: [{ Resource: string; Condition: Record<string, Record<string, unknown>> }];
    },
    raw: policy,
  };
}
function stripSigning(u: URL): string {
  const rest = [...u.searchParams].filter(
    ([k]) => !['Expires', 'Policy', 'Signature', 'Key-Pair-Id', 'Hash-Algorithm'].includes(k),
  );
  return rest.length ? `?${rest.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

describe('CloudFront signed URLs', () => {
  it('signs a canned policy that verifies with the public key (RSA, SHA-1) and equals the AWS SDK output', () => {
    const url = `https://${DOMAIN}/reports/q3.pdf`;
    const link = signer().signUrl({ url, expiresAt: in1h, now: NOW });
    const v = verifyUrl(link.url, rsa.publicKey);
    expect(v.ok).toBe(true);
    expect(v.raw).toBe(
      `{"Statement":[{"Resource":"${url}","Condition":{"DateLessThan":{"AWS:EpochTime":${in1h.getTime() / 1000}}}}]}`,
    );
    expect(link.url).toBe(
      getSignedUrl({
        url,
        keyPairId: 'K2JCJMDEHXQW5F',
        privateKey: pem(rsa.privateKey),
        dateLessThan: in1h.toISOString(),
      }),
    );
    expect(link.effectiveExpiresAt).toEqual(in1h);
  });

  it('custom policy with start time and IP: verifies, and the decoded policy says exactly that', () => {
    const start = new Date(NOW.getTime() + 600_000);
    const link = signer().signUrl({
      url: `https://${DOMAIN}/v.mp4`,
      expiresAt: in1h,
      now: NOW,
      startAt: start,
      ipAddress: '203.0.113.7',
    });
    const v = verifyUrl(link.url, rsa.publicKey);
    expect(v.ok).toBe(true);
    expect(v.policy.Statement[0].Condition).toEqual({
      DateLessThan: { 'AWS:EpochTime': in1h.getTime() / 1000 },
      DateGreaterThan: { 'AWS:EpochTime': start.getTime() / 1000 },
      IpAddress: { 'AWS:SourceIp': '203.0.113.7/32' },
    });
    expect(link.warnings.map((w) => w.code)).toContain('START_IN_FUTURE');
  });

  it('a wildcard resource always yields a custom policy (the SDK would sign a canned one)', () => {
    const pattern = `https://${DOMAIN}/course/*`;
    const link = signer().signUrl({
      url: `https://${DOMAIN}/course/week1/intro.mp4`,
      resource: pattern,
      expiresAt: in1h,
      now: NOW,
    });
    const v = verifyUrl(link.url, rsa.publicKey);
    expect(v.ok).toBe(true);
    expect(v.policy.Statement[0].Resource).toBe(pattern);
    expect(new URL(link.url).searchParams.has('Expires')).toBe(false);
    // the SDK's behaviour this guards against:
    const sdk = new URL(
      getSignedUrl({
        url: pattern,
        keyPairId: 'K2JCJMDEHXQW5F',
        privateKey: pem(rsa.privateKey),
        dateLessThan: in1h.toISOString(),
      }),
    );
    expect(sdk.searchParams.has('Expires')).toBe(true);
  });

  it('one wildcard signature covers every object under the prefix', () => {
    const link = signer().signUrl({ url: `https://${DOMAIN}/course/*`, expiresAt: in1h, now: NOW });
    const query = link.url.slice(link.url.indexOf('?'));
    for (const obj of ['a.mp4', 'week 2/b.pdf']) {
      expect(verifyUrl(`https://${DOMAIN}/course/${encodeURI(obj)}${query}`, rsa.publicKey).ok).toBe(true);
    }
  });

  it('ECDSA P-256 and SHA-256 signatures verify; SHA-256 adds Hash-Algorithm=SHA256', () => {
    const link = signer({ key: pem(ec.privateKey, 'sec1'), hash: 'sha256' }).signUrl({
      url: `https://${DOMAIN}/x`,
      expiresAt: in1h,
      now: NOW,
    });
    expect(new URL(link.url).searchParams.get('Hash-Algorithm')).toBe('SHA256');
    expect(verifyUrl(link.url, ec.publicKey, 'sha256').ok).toBe(true);
  });

  it('openssl agrees that the signature is valid', () => {
    const link = signer().signUrl({ url: `https://${DOMAIN}/o.txt`, expiresAt: in1h, now: NOW });
    const dir = mkdtempSync(join(tmpdir(), 'cf-'));
    const { raw } = verifyUrl(link.url, rsa.publicKey);
    writeFileSync(join(dir, 'policy'), raw);
    writeFileSync(join(dir, 'sig'), fromB64(new URL(link.url).searchParams.get('Signature')!));
    writeFileSync(join(dir, 'pub.pem'), rsa.publicKey.export({ type: 'spki', format: 'pem' }));
    const out = execFileSync('openssl', [
      'dgst',
      '-sha1',
      '-verify',
      join(dir, 'pub.pem'),
      '-signature',
      join(dir, 'sig'),
      join(dir, 'policy'),
    ]).toString();
    expect(out.trim()).toBe('Verified OK');
  });

  it('percent-encodes spaces and non-ASCII before signing, and keeps an existing query', () => {
    const link = signer().signUrl({ url: `https://${DOMAIN}/Bericht Größe.pdf?v=2`, expiresAt: in1h, now: NOW });
    expect(link.url.startsWith(`https://${DOMAIN}/Bericht%20Gr%C3%B6%C3%9Fe.pdf?v=2&Expires=`)).toBe(true);
    const v = verifyUrl(link.url, rsa.publicKey);
    expect(v.ok).toBe(true);
    expect(v.policy.Statement[0].Resource).toBe(`https://${DOMAIN}/Bericht%20Gr%C3%B6%C3%9Fe.pdf?v=2`);
  });

  it('accepts PKCS#1, PKCS#8 and encrypted PEM (with passphrase)', () => {
    expect(parseCloudFrontPrivateKey(pem(rsa.privateKey, 'pkcs1')).type).toBe('rsa');
    expect(parseCloudFrontPrivateKey(pem(rsa.privateKey, 'pkcs8', 's3cret'), 's3cret').bits).toBe(2048);
    expect(parseCloudFrontPrivateKey(pem(ec.privateKey, 'pkcs8')).type).toBe('ec');
  });

  it('never reveals key material when printed or serialised', () => {
    const key = parseCloudFrontPrivateKey(pem(rsa.privateKey));
    expect(JSON.stringify(key)).toBe('{"type":"rsa","bits":2048}');
    expect(String(key)).toBe('[CloudFront RSA-2048 private key]');
  });
});

describe('CloudFront signed URLs: more shapes', () => {
  const KEY = 'K2JCJMDEHXQW5F';
  it('custom policy and SHA-256 URLs equal the AWS SDK output for the same policy (RSA is deterministic)', () => {
    const start = new Date(NOW.getTime() - 60_000);
    const url = `https://${DOMAIN}/docs/a b.pdf`;
    const link = signer({ hash: 'sha256' }).signUrl({
      url,
      expiresAt: in1h,
      now: NOW,
      startAt: start,
      ipAddress: '10.1.0.0/16',
    });
    const policy = verifyUrl(link.url, rsa.publicKey, 'sha256');
    expect(policy.ok).toBe(true);
    // CloudFront's documented field order: Resource, then DateLessThan, DateGreaterThan, IpAddress.
    expect(policy.raw).toBe(
      `{"Statement":[{"Resource":"https://${DOMAIN}/docs/a%20b.pdf","Condition":{"DateLessThan":{"AWS:EpochTime":${in1h.getTime() / 1000}},` +
        `"DateGreaterThan":{"AWS:EpochTime":${start.getTime() / 1000}},"IpAddress":{"AWS:SourceIp":"10.1.0.0/16"}}}]}`,
    );
    const sdk = getSignedUrl({
      url: `https://${DOMAIN}/docs/a%20b.pdf`,
      keyPairId: KEY,
      privateKey: pem(rsa.privateKey),
      policy: policy.raw,
      algorithm: 'SHA256',
    } as never);
    expect(link.url).toBe(sdk);
  });

  it('a `?` wildcard in the resource makes a custom policy whose pattern matches one character', () => {
    const resource = `https://${DOMAIN}/logs/2026-1?.csv`;
    const link = signer().signUrl({ url: `https://${DOMAIN}/logs/2026-11.csv`, resource, expiresAt: in1h, now: NOW });
    const v = verifyUrl(link.url, rsa.publicKey);
    expect(v.ok).toBe(true);
    expect(v.policy.Statement[0].Resource).toBe(resource);
    expect(link.url.startsWith(`https://${DOMAIN}/logs/2026-11.csv?Policy=`)).toBe(true);
  });

  it('the returned URL, the signed resource and the SDK agree on percent-encoding (emoji, CJK, quotes)', () => {
    const url = `https://${DOMAIN}/f/日本 "x" 🎉.txt`;
    const link = signer().signUrl({ url, expiresAt: in1h, now: NOW });
    const encoded = `https://${DOMAIN}/f/%E6%97%A5%E6%9C%AC%20%22x%22%20%F0%9F%8E%89.txt`;
    expect(link.url.startsWith(`${encoded}?Expires=`)).toBe(true);
    expect(verifyUrl(link.url, rsa.publicKey).policy.Statement[0].Resource).toBe(encoded);
    expect(link.url).toBe(
      getSignedUrl({ url: encoded, keyPairId: KEY, privateKey: pem(rsa.privateKey), dateLessThan: in1h.toISOString() }),
    );
  });

  it('a legacy APKA key pair id and a domain given as a URL are accepted', () => {
    const s = createCloudFrontSigner({
      keyPairId: 'APKAEIBAERJR2EXAMPLE',
      privateKey: parseCloudFrontPrivateKey(pem(rsa.privateKey)),
      domain: `https://${DOMAIN.toUpperCase()}/`,
    });
    const link = s.signUrl({ url: `https://${DOMAIN}/x`, expiresAt: in1h, now: NOW });
    expect(new URL(link.url).searchParams.get('Key-Pair-Id')).toBe('APKAEIBAERJR2EXAMPLE');
  });

  it('util.inspect and template strings show only the key type', () => {
    const key = parseCloudFrontPrivateKey(pem(ec.privateKey, 'sec1'));
    expect(inspect(key)).toBe('[CloudFront ECDSA P-256 private key]');
    expect(`${String(key)}`).not.toMatch(/BEGIN|MII/);
    expect(inspect({ config: { privateKey: key } }, { depth: 5 })).not.toMatch(/BEGIN|MII|KeyObject/);
  });
});

describe('CloudFront signed cookies: custom policy with a start time equals the SDK', () => {
  it('cookies for a start time verify and match getSignedCookies with the same policy', () => {
    const start = new Date(NOW.getTime() + 3_600_000);
    const end = new Date(NOW.getTime() + 7_200_000);
    const c = signer().signCookies({ url: `https://${DOMAIN}/live/*`, expiresAt: end, startAt: start, now: NOW });
    const policy = fromB64(c.cookies['CloudFront-Policy']!).toString();
    expect(JSON.parse(policy).Statement[0].Condition.DateGreaterThan).toEqual({
      'AWS:EpochTime': start.getTime() / 1000,
    });
    expect(verify('sha1', Buffer.from(policy), rsa.publicKey, fromB64(c.cookies['CloudFront-Signature']!))).toBe(true);
    const sdk = getSignedCookies({
      url: `https://${DOMAIN}/live/*`,
      keyPairId: 'K2JCJMDEHXQW5F',
      privateKey: pem(rsa.privateKey),
      policy,
    });
    expect(c.cookies).toEqual(Object.fromEntries(Object.entries(sdk).map(([k, v]) => [k, String(v)])));
    expect(c.resource).toBe(`https://${DOMAIN}/live/*`);
    expect(formatSetCookieLines(c, { domain: DOMAIN, path: '/live/' }).every((l) => l.includes('; Path=/live/;'))).toBe(
      true,
    );
    expect(c.warnings.map((w) => w.code)).toEqual(['START_IN_FUTURE']);
  });
});

describe('CloudFront signed cookies', () => {
  it('canned cookies verify and format as Set-Cookie lines and a Cookie header', () => {
    const c = signer().signCookies({ url: `https://${DOMAIN}/a.mp4`, expiresAt: in1h, now: NOW });
    expect(Object.keys(c.cookies)).toEqual(['CloudFront-Expires', 'CloudFront-Key-Pair-Id', 'CloudFront-Signature']);
    const policy = `{"Statement":[{"Resource":"https://${DOMAIN}/a.mp4","Condition":{"DateLessThan":{"AWS:EpochTime":${c.cookies['CloudFront-Expires']}}}}]}`;
    expect(verify('sha1', Buffer.from(policy), rsa.publicKey, fromB64(c.cookies['CloudFront-Signature']!))).toBe(true);
    const sdk = getSignedCookies({
      url: `https://${DOMAIN}/a.mp4`,
      keyPairId: 'K2JCJMDEHXQW5F',
      privateKey: pem(rsa.privateKey),
      dateLessThan: in1h.toISOString(),
    });
    expect(c.cookies).toEqual(Object.fromEntries(Object.entries(sdk).map(([k, v]) => [k, String(v)])));
    const lines = formatSetCookieLines(c, { domain: DOMAIN });
    expect(lines[0]).toMatch(
      /^Set-Cookie: CloudFront-Expires=\d+; Domain=d111111abcdef8\.cloudfront\.net; Path=\/; Expires=.* GMT; Secure; HttpOnly; SameSite=Lax$/,
    );
    expect(formatCookieHeader(c)).toMatch(
      /^Cookie: CloudFront-Expires=\d+; CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F; CloudFront-Signature=[\w~-]+$/,
    );
  });

  it('a wildcard pattern gives custom-policy cookies whose policy verifies', () => {
    const c = signer({ hash: 'sha256' }).signCookies({
      url: `https://${DOMAIN}/course/*`,
      expiresAt: in1h,
      now: NOW,
      ipAddress: '198.51.100.0/24',
    });
    const policy = fromB64(c.cookies['CloudFront-Policy']!).toString();
    expect(JSON.parse(policy).Statement[0]).toEqual({
      Resource: `https://${DOMAIN}/course/*`,
      Condition: {
        DateLessThan: { 'AWS:EpochTime': in1h.getTime() / 1000 },
        IpAddress: { 'AWS:SourceIp': '198.51.100.0/24' },
      },
    });
    expect(verify('sha256', Buffer.from(policy), rsa.publicKey, fromB64(c.cookies['CloudFront-Signature']!))).toBe(
      true,
    );
    expect(c.cookies['CloudFront-Hash-Algorithm']).toBe('SHA256');
  });
});

let rsa4096Key: KeyObject | undefined;
const rsa4096 = () => ({ privateKey: (rsa4096Key ??= generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey) });
/** A self-signed certificate made by openssl (a certificate is what people often paste by mistake). */
function certificatePem(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cf-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'k.pem'),
      '-out',
      join(dir, 'c.pem'),
      '-subj',
      '/CN=signet-test',
      '-days',
      '1',
    ],
    { stdio: 'ignore' },
  );
  return readFileSync(join(dir, 'c.pem'), 'utf8');
}

describe('bad input never yields a link', () => {
  const expectCode = (fn: () => unknown, code: CoreErrorCode) => {
    let err: unknown;
    try {
      fn();
    } catch (e) {
      err = e;
    }
    expect(isSignetError(err, code), `expected ${code}, got ${String(err)}`).toBe(true);
    return err as Error;
  };
  it.each<[string, () => unknown, CoreErrorCode]>([
    [
      'a public key',
      () => parseCloudFrontPrivateKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      'KEY_NOT_PRIVATE',
    ],
    [
      'an encrypted PEM without passphrase',
      () => parseCloudFrontPrivateKey(pem(rsa.privateKey, 'pkcs8', 'pw')),
      'KEY_ENCRYPTED',
    ],
    [
      'a wrong passphrase',
      () => parseCloudFrontPrivateKey(pem(rsa.privateKey, 'pkcs8', 'pw'), 'nope'),
      'KEY_PASSPHRASE_WRONG',
    ],
    [
      'an RSA-1024 key',
      () => parseCloudFrontPrivateKey(pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey)),
      'KEY_UNSUPPORTED',
    ],
    [
      'an Ed25519 key',
      () => parseCloudFrontPrivateKey(pem(generateKeyPairSync('ed25519').privateKey)),
      'KEY_UNSUPPORTED',
    ],
    [
      'a P-384 key',
      () => parseCloudFrontPrivateKey(pem(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey)),
      'KEY_UNSUPPORTED',
    ],
    ['garbage', () => parseCloudFrontPrivateKey('hello'), 'KEY_MALFORMED'],
    [
      'a truncated PEM',
      () => parseCloudFrontPrivateKey(pem(rsa.privateKey).slice(0, 200) + '\n-----END PRIVATE KEY-----'),
      'KEY_MALFORMED',
    ],
    [
      'a malformed CIDR',
      () => signer().signUrl({ url: `https://${DOMAIN}/x`, expiresAt: in1h, now: NOW, ipAddress: '300.1.1.1/24' }),
      'CIDR_INVALID',
    ],
    [
      'an IPv6 address',
      () => signer().signUrl({ url: `https://${DOMAIN}/x`, expiresAt: in1h, now: NOW, ipAddress: '2001:db8::1' }),
      'CIDR_INVALID',
    ],
    [
      'a URL outside the distribution',
      () => signer({ domain: DOMAIN }).signUrl({ url: 'https://evil.example.com/x', expiresAt: in1h, now: NOW }),
      'URL_OUTSIDE_DISTRIBUTION',
    ],
    [
      'a URL over 8192 bytes',
      () => signer().signUrl({ url: `https://${DOMAIN}/${'a'.repeat(8200)}`, expiresAt: in1h, now: NOW }),
      'URL_TOO_LONG',
    ],
    ['a non-URL', () => signer().signUrl({ url: 'reports/q3.pdf', expiresAt: in1h, now: NOW }), 'URL_INVALID'],
    [
      'a resource that does not cover the URL',
      () =>
        signer().signUrl({
          url: `https://${DOMAIN}/a/x`,
          resource: `https://${DOMAIN}/b/*`,
          expiresAt: in1h,
          now: NOW,
        }),
      'RESOURCE_INVALID',
    ],
    [
      'an expiry in the past',
      () => signer().signUrl({ url: `https://${DOMAIN}/x`, expiresAt: new Date(NOW.getTime() - 1000), now: NOW }),
      'EXPIRY_IN_PAST',
    ],
    [
      'a start after the expiry',
      () =>
        signer().signUrl({
          url: `https://${DOMAIN}/x`,
          expiresAt: in1h,
          startAt: new Date(in1h.getTime() + 1000),
          now: NOW,
        }),
      'OPTION_INVALID',
    ],
    ['a certificate', () => parseCloudFrontPrivateKey(certificatePem()), 'KEY_NOT_PRIVATE'],
    [
      'an EC public key',
      () => parseCloudFrontPrivateKey(ec.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
      'KEY_NOT_PRIVATE',
    ],
    [
      'an encrypted PKCS#1 PEM without passphrase',
      () => parseCloudFrontPrivateKey(pem(rsa.privateKey, 'pkcs1', 'pw')),
      'KEY_ENCRYPTED',
    ],
    ['an RSA-4096 key', () => parseCloudFrontPrivateKey(pem(rsa4096().privateKey)), 'KEY_UNSUPPORTED'],
    [
      'a CIDR prefix over 32',
      () => signer().signUrl({ url: `https://${DOMAIN}/x`, expiresAt: in1h, now: NOW, ipAddress: '10.0.0.0/33' }),
      'CIDR_INVALID',
    ],
    [
      'a three-octet address',
      () => signer().signUrl({ url: `https://${DOMAIN}/x`, expiresAt: in1h, now: NOW, ipAddress: '10.0.0/8' }),
      'CIDR_INVALID',
    ],
    [
      'an address with a leading zero',
      () => signer().signUrl({ url: `https://${DOMAIN}/x`, expiresAt: in1h, now: NOW, ipAddress: '010.0.0.1' }),
      'CIDR_INVALID',
    ],
    [
      'a zero expiry',
      () => signer().signUrl({ url: `https://${DOMAIN}/x`, expiresAt: NOW, now: NOW }),
      'EXPIRY_IN_PAST',
    ],
    [
      'an expiry under a second away',
      () => signer().signUrl({ url: `https://${DOMAIN}/x`, expiresAt: new Date(NOW.getTime() + 400), now: NOW }),
      'EXPIRY_TOO_SHORT',
    ],
    [
      'a resource outside the distribution',
      () =>
        signer({ domain: DOMAIN }).signUrl({
          url: `https://${DOMAIN}/x`,
          resource: 'https://other.cloudfront.net/*',
          expiresAt: in1h,
          now: NOW,
        }),
      'URL_OUTSIDE_DISTRIBUTION',
    ],
    [
      'a URL with a fragment',
      () => signer().signUrl({ url: `https://${DOMAIN}/x#top`, expiresAt: in1h, now: NOW }),
      'URL_INVALID',
    ],
    [
      'an unknown hash',
      () =>
        createCloudFrontSigner({
          keyPairId: 'K2JCJMDEHXQW5F',
          privateKey: parseCloudFrontPrivateKey(pem(rsa.privateKey)),
          hash: 'md5' as never,
        }),
      'HASH_UNSUPPORTED',
    ],
    [
      'a key not made by parseCloudFrontPrivateKey',
      () => createCloudFrontSigner({ keyPairId: 'K2JCJMDEHXQW5F', privateKey: { type: 'rsa', bits: 2048 } }),
      'KEY_MALFORMED',
    ],
    [
      'a malformed key pair id',
      () => createCloudFrontSigner({ keyPairId: 'k-1', privateKey: parseCloudFrontPrivateKey(pem(rsa.privateKey)) }),
      'KEY_PAIR_ID_INVALID',
    ],
  ])(
    'refuses %s',
    (_what, fn, code) => {
      const err = expectCode(fn, code);
      expect(err.message).not.toMatch(/MII[A-Za-z0-9+/]{16}/);
    },
    // Generating the RSA-4096 key takes seconds on a loaded 2-core machine (it timed out in CI).
    30_000,
  );

  it('allows CloudFront links longer than 7 days (no SigV4 cap)', () => {
    const link = signer().signUrl({
      url: `https://${DOMAIN}/x`,
      expiresAt: new Date(NOW.getTime() + 90 * 86_400_000),
      now: NOW,
    });
    expect(verifyUrl(link.url, rsa.publicKey).ok).toBe(true);
  });
});
