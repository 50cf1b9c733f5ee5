import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSignetError } from '../errors.js';
import { createS3Presigner } from './create-s3-presigner.js';
import { uriEncodePath } from './uri-encode.js';

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const NOW = new Date('2013-05-24T00:00:00Z');
const inSeconds = (s: number, from = NOW) => new Date(from.getTime() + s * 1000);

describe('createS3Presigner', () => {
  it("reproduces AWS's documented presigned URL example exactly, with no other parameters", () => {
    const link = createS3Presigner({ credentials, region: 'us-east-1' }).presignSync({
      bucket: 'examplebucket',
      key: 'test.txt',
      expiresAt: inSeconds(86_400),
      now: NOW,
    });
    expect(link.url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
    const params = [...new URL(link.url).searchParams.keys()];
    expect(params).not.toContain('x-id');
    expect(params).not.toContain('x-amz-checksum-mode');
    expect(params).not.toContain('X-Amz-Content-Sha256');
  });

  it('signs exactly what the smithy SigV4 reference signer signs, for any key, method and options', async () => {
    const keyChars = fc.constantFrom(...'aZ09 -_.~/+&=?#%!*\'()[]{}$@,;:"é漢😀'.split(/(?:)/u));
    await fc.assert(
      fc.asyncProperty(
        fc.array(keyChars, { minLength: 1, maxLength: 40 }).map((a) => a.join('')),
        fc.constantFrom<'GET' | 'PUT'>('GET', 'PUT'),
        fc.integer({ min: 1, max: 604_800 }),
        fc.option(fc.constantFrom('report.pdf', 'Größe "final".pdf', '日本.txt'), { nil: undefined }),
        fc.option(fc.constantFrom('application/pdf', 'text/plain; charset=utf-8'), { nil: undefined }),
        fc.option(fc.constantFrom('FQoGZXIvYXdzEJr//token+with/slashes=='), { nil: undefined }),
        fc.boolean(),
        async (key, method, expiresIn, downloadName, contentType, sessionToken, pathStyle) => {
          const creds = { ...credentials, sessionToken };
          const presigner = createS3Presigner({ credentials: creds, region: 'eu-west-1', forcePathStyle: pathStyle });
          const mine = presigner.presignSync({
            bucket: 'my-bucket',
            key,
            method,
            expiresAt: inSeconds(expiresIn),
            now: NOW,
            downloadName: method === 'GET' ? downloadName : undefined,
            contentType,
          });
          const url = new URL(mine.url);
          const query: Record<string, string> = {};
          for (const [k, v] of url.searchParams) if (!k.startsWith('X-Amz-')) query[k] = v;
          const headers: Record<string, string> = { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
          if (method === 'PUT' && contentType) headers['content-type'] = contentType;
          const reference = new SignatureV4({
            credentials: creds,
            region: 'eu-west-1',
            service: 's3',
            sha256: Hash.bind(null, 'sha256'),
            uriEscapePath: false,
          });
          const signed = await reference.presign(
            new HttpRequest({
              method,
              protocol: 'https:',
              hostname: url.host,
              path: (pathStyle ? '/my-bucket' : '') + '/' + uriEncodePath(key),
              query,
              headers,
            }),
            {
              signingDate: NOW,
              expiresIn,
              unhoistableHeaders: new Set(['x-amz-content-sha256']),
              unsignableHeaders: new Set(['x-amz-content-sha256']),
            },
          );
          expect(url.searchParams.get('X-Amz-Signature')).toBe(signed.query?.['X-Amz-Signature']);
          expect(url.searchParams.get('X-Amz-Expires')).toBe(String(expiresIn));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('signs the content type of an upload link and tells the caller to send it', () => {
    const link = createS3Presigner({ credentials, region: 'us-east-1' }).presignSync({
      bucket: 'b-1x',
      key: 'in/x.pdf',
      method: 'PUT',
      contentType: 'application/pdf',
      expiresAt: inSeconds(60),
      now: NOW,
    });
    expect(new URL(link.url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host');
    expect(link.headers).toEqual({ 'Content-Type': 'application/pdf' });
  });

  it('uses path-style on custom endpoints and for dotted bucket names', () => {
    const rgw = createS3Presigner({
      credentials,
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:7480',
      forcePathStyle: true,
    });
    expect(rgw.presignSync({ bucket: 'bkt', key: 'a b', expiresAt: inSeconds(60), now: NOW }).url).toMatch(
      /^http:\/\/127\.0\.0\.1:7480\/bkt\/a%20b\?/,
    );
    const dotted = createS3Presigner({ credentials, region: 'eu-west-1' });
    expect(dotted.presignSync({ bucket: 'my.bucket', key: 'k', expiresAt: inSeconds(60), now: NOW }).url).toMatch(
      /^https:\/\/s3\.eu-west-1\.amazonaws\.com\/my\.bucket\/k\?/,
    );
  });

  it('reports the effective expiry and warns when temporary credentials expire first', () => {
    const expiration = inSeconds(3600);
    const link = createS3Presigner({
      credentials: { ...credentials, sessionToken: 'tok', expiration },
      region: 'us-east-1',
    }).presignSync({
      bucket: 'bkt',
      key: 'k',
      expiresAt: inSeconds(86_400),
      now: NOW,
    });
    expect(link.expiresAt).toEqual(inSeconds(86_400));
    expect(link.effectiveExpiresAt).toEqual(expiration);
    expect(link.warnings.map((w) => w.code)).toEqual(['CREDENTIALS_EXPIRE_FIRST']);
    expect(link.warnings[0]?.message).toMatch(/temporary credentials/);
    expect(new URL(link.url).searchParams.get('X-Amz-Security-Token')).toBe('tok');
  });

  it.each([
    ['a bad bucket name', { bucket: 'Bad_Bucket' }, 'BUCKET_INVALID'],
    ['an empty key', { key: '' }, 'KEY_INVALID'],
    ['a key over 1024 bytes', { key: 'é'.repeat(513) }, 'KEY_INVALID'],
    ['an expiry in the past', { expiresAt: inSeconds(-1) }, 'EXPIRY_IN_PAST'],
    ['a zero expiry', { expiresAt: NOW }, 'EXPIRY_IN_PAST'],
    ['an expiry over 7 days', { expiresAt: inSeconds(604_801) }, 'EXPIRY_TOO_LONG'],
    ['a bad content type', { contentType: 'pdf' }, 'OPTION_INVALID'],
    ['a download name on a PUT', { method: 'PUT' as const, downloadName: 'x.pdf' }, 'OPTION_INVALID'],
    ['an unknown method', { method: 'DELETE' as never }, 'METHOD_INVALID'],
  ])('never signs %s', (_what, patch, code) => {
    const p = createS3Presigner({ credentials, region: 'us-east-1' });
    let err: unknown;
    try {
      p.presignSync({ bucket: 'bkt', key: 'k', expiresAt: inSeconds(60), now: NOW, ...patch });
    } catch (e) {
      err = e;
    }
    expect(isSignetError(err, code as never)).toBe(true);
    expect((err as Error).message).not.toContain(credentials.secretAccessKey);
  });

  it('suggests CloudFront when an S3 link would live longer than 7 days', () => {
    const p = createS3Presigner({ credentials, region: 'us-east-1' });
    expect(() => p.presignSync({ bucket: 'bkt', key: 'k', expiresAt: inSeconds(30 * 86_400), now: NOW })).toThrow(
      /CloudFront/,
    );
  });

  it('rejects bad configuration before signing anything', () => {
    expect(() =>
      createS3Presigner({ credentials: { accessKeyId: '', secretAccessKey: 'x' }, region: 'us-east-1' }),
    ).toThrow(/No AWS credentials/);
    expect(() => createS3Presigner({ credentials, region: 'EU West' })).toThrow(/region/);
    expect(() => createS3Presigner({ credentials, region: 'us-east-1', endpoint: 'ftp://x' })).toThrow(
      /https:\/\/ or http:\/\//,
    );
    expect(() => createS3Presigner({ credentials, region: 'us-east-1', endpoint: 'not a url' })).toThrow(
      /not an endpoint URL/,
    );
  });
});
