// The profile signer with the resolver: what a pasted reference carries reaches the link.
// The SecretStore is a stand-in holding a generated key (the keychain is tested elsewhere).
import { generateKeyPairSync } from 'node:crypto';
import { parseCloudFrontPrivateKey, parseObjectRef, parseProfile } from '@signet/core';
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../secrets/index.js';
import { createProfileSigner } from './profile-signer.js';

const now = new Date('2026-11-22T10:00:00Z');
const expiresAt = new Date('2026-11-22T11:00:00Z');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const secrets = {
  getCloudFrontKey: async () =>
    parseCloudFrontPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
  getAwsCredentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
} as unknown as SecretStore;

const cdn = parseProfile({
  id: 'cdn',
  bucket: 'site',
  link: { kind: 'cloudfront', domain: 'd1.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' },
});

describe('createProfileSigner with a reference', () => {
  it('CloudFront: the pasted URL keeps its own query inside the signature; ./.. warned; * not a wildcard', async () => {
    const signer = createProfileSigner(cdn, secrets, {});
    const ref = parseObjectRef('https://d1.cloudfront.net/img/a.png?w=640', {
      cloudFrontDomains: ['d1.cloudfront.net'],
    });
    if (ref.kind !== 'cloudfront') throw new Error(ref.kind);
    const link = await signer.sign({ key: 'img/a.png', expiresAt, now, options: {}, ref });
    const url = new URL(link.url);
    expect(url.searchParams.get('w')).toBe('640');
    expect(url.searchParams.get('Signature')).toBeTruthy();
    const dots = await signer.sign({ key: 'a/../b.png', expiresAt, now, options: {} });
    expect(dots.warnings.map((w) => w.code)).toContain('KEY_DOT_SEGMENTS');
    const star = await signer.sign({ key: 'a*b.png', expiresAt, now, options: {} });
    expect(star.url).toContain('/a%2Ab.png?Expires=');
    expect(new URL(star.url).searchParams.get('Policy')).toBeNull();
  });

  it('CloudFront: the download name and content type reach the link (they were dropped without a word)', async () => {
    const signer = createProfileSigner(cdn, secrets, {});
    const link = await signer.sign({
      key: 'r.pdf',
      expiresAt,
      now,
      options: { downloadName: '50% off.pdf', contentType: 'application/pdf' },
    });
    const q = new URL(link.url).searchParams;
    expect(q.get('response-content-disposition')).toBe(
      `attachment; filename="50% off.pdf"; filename*=UTF-8''50%25%20off.pdf`,
    );
    expect(q.get('response-content-type')).toBe('application/pdf');
    expect(link.url.indexOf('response-content-type')).toBeLessThan(link.url.indexOf('Expires='));
  });

  it('S3: a versionId is signed; a CloudFront profile signs a versioned link for S3', async () => {
    const signer = createProfileSigner(cdn, secrets, {});
    const link = await signer.sign({ key: 'k', expiresAt, now, options: { versionId: 'v1' } });
    const url = new URL(link.url);
    expect(url.host).toBe('site.s3.amazonaws.com');
    expect(url.searchParams.get('versionId')).toBe('v1');
  });

  it('an IP endpoint is path-style even when the profile says virtual-hosted', async () => {
    const ip = parseProfile({ id: 'ip', bucket: 'bkt', endpoint: 'http://10.0.0.5:7480', forcePathStyle: false });
    const link = await createProfileSigner(ip, secrets, {}).sign({ key: 'k', expiresAt, now, options: {} });
    expect(link.url).toMatch(/^http:\/\/10\.0\.0\.5:7480\/bkt\/k\?/);
  });
});
