// The public half of a loaded key, and "same public key" across PEM formatting: what the
// doctor compares against the key group (generated keys, never committed ones).
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCloudFrontPrivateKey } from './parse-private-key.js';
import { cloudFrontPublicKeyPem, samePublicKey } from './public-key-pem.js';

const pair = (type: 'ec' | 'rsa') =>
  type === 'ec'
    ? generateKeyPairSync('ec', {
        namedCurve: 'prime256v1',
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      })
    : generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      });

describe('cloudFrontPublicKeyPem / samePublicKey', () => {
  it.each(['ec', 'rsa'] as const)('%s: the derived public key is the generated one, in SPKI PEM', (type) => {
    const { publicKey, privateKey } = pair(type);
    const derived = cloudFrontPublicKeyPem(parseCloudFrontPrivateKey(privateKey));
    expect(derived).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(samePublicKey(derived, publicKey)).toBe(true);
  });
  it('line breaks and surrounding space do not matter; another key, or garbage, is not the same', () => {
    const a = pair('ec');
    const b = pair('ec');
    expect(samePublicKey(`  ${a.publicKey.replace(/\n/g, '\r\n')}  `, a.publicKey)).toBe(true);
    expect(samePublicKey(a.publicKey, b.publicKey)).toBe(false);
    expect(samePublicKey('not a key', 'not a key')).toBe(false);
  });
});
