// CloudFront signed URLs carry the download name and content type as S3 links do
// (response-content-disposition / response-content-type, which `signet cloudfront setup`
// forwards to the origin): inside what is signed, with filename* for names that need it (a `%`
// too: Chromium percent-decodes %XX in a plain filename=). Before, these options were dropped
// without a word and the browser saved the object under its key.
import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCloudFrontSigner, parseCloudFrontPrivateKey } from './index.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signer = createCloudFrontSigner({
  keyPairId: 'K2JCJMDEHXQW5F',
  privateKey: parseCloudFrontPrivateKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
});
const now = new Date('2026-11-22T12:00:00Z');
const expiresAt = new Date('2026-11-22T13:00:00Z');
const epoch = expiresAt.getTime() / 1000;

/** The URL without the signing parameters, and whether the canned policy over it verifies. */
function signedResource(url: string): { resource: string; verifies: boolean } {
  const resource = url.replace(/[?&]Expires=.*$/, '');
  const policy = `{"Statement":[{"Resource":"${resource}","Condition":{"DateLessThan":{"AWS:EpochTime":${epoch}}}}]}`;
  const sig = new URL(url).searchParams.get('Signature')!;
  const raw = Buffer.from(sig.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');
  return { resource, verifies: verify('sha1', Buffer.from(policy), rsa.publicKey, raw) };
}

describe('CloudFront signed URL: download name and content type', () => {
  it('a download name with % becomes response-content-disposition with filename*, inside the signature', () => {
    const link = signer.signUrl({
      url: 'https://d111111abcdef8.cloudfront.net/x.pdf',
      expiresAt,
      now,
      downloadName: '100%25 report.pdf',
    });
    const disposition = new URL(link.url).searchParams.get('response-content-disposition');
    expect(disposition).toBe(`attachment; filename="100%25 report.pdf"; filename*=UTF-8''100%2525%20report.pdf`);
    const { resource, verifies } = signedResource(link.url);
    expect(resource).toContain('response-content-disposition=');
    expect(verifies).toBe(true);
  });

  it('--inline and a content type are signed too, after the URL’s own query (?w=640 kept)', () => {
    const link = signer.signUrl({
      url: 'https://d111111abcdef8.cloudfront.net/img.jpg?w=640',
      expiresAt,
      now,
      inline: true,
      contentType: 'image/jpeg',
    });
    const q = new URL(link.url).searchParams;
    expect(q.get('w')).toBe('640');
    expect(q.get('response-content-disposition')).toBe('inline');
    expect(q.get('response-content-type')).toBe('image/jpeg');
    expect(signedResource(link.url).verifies).toBe(true);
  });

  it('the option replaces the pasted link’s own response-content-disposition (one, not two)', () => {
    const link = signer.signUrl({
      url: 'https://d111111abcdef8.cloudfront.net/x.pdf?response-content-disposition=attachment%3B%20filename%3D%22old.pdf%22',
      expiresAt,
      now,
      downloadName: 'new.pdf',
    });
    const q = new URL(link.url).searchParams;
    expect(q.getAll('response-content-disposition')).toEqual(['attachment; filename="new.pdf"']);
    expect(signedResource(link.url).verifies).toBe(true);
  });

  it('no options: the URL is signed as given (no empty parameters)', () => {
    const link = signer.signUrl({ url: 'https://d111111abcdef8.cloudfront.net/x.pdf', expiresAt, now });
    expect(link.url).toMatch(/^https:\/\/d111111abcdef8\.cloudfront\.net\/x\.pdf\?Expires=/);
  });
});
