// Keys with '.' or '..' folders: WHATWG URL parsing (browsers, fetch) resolves them — even as
// %2E%2E — so the request reaches another path and the signature fails. Signet still signs the
// right path and warns; a client that sends the path as is gets the object.
import { request } from 'node:http';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { createS3Presigner, type S3Presigner } from './create-s3-presigner.js';

/** GET with the path exactly as written (what curl --path-as-is does). */
function getAsIs(url: string): Promise<{ status: number; body: string }> {
  const m = /^http:\/\/([^/:]+):(\d+)(\/[^?]*)(\?.*)$/.exec(url)!;
  return new Promise((resolve, reject) => {
    const req = request({ host: m[1], port: Number(m[2]), path: m[3]! + m[4]!, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('keys with dot segments against RGW', () => {
  const bucket = uniqueBucket('dots');
  let presigner: S3Presigner;
  let client: S3Client;

  beforeAll(async () => {
    const s3 = testS3();
    client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: s3,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    presigner = createS3Presigner({ credentials: s3, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
  });

  it.each(['a/../b.txt', './c.txt', 'd/./e.txt'])(
    '%s: signed correctly, warned about, and served to a client that keeps the path',
    async (key) => {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `body of ${key}` }));
      const link = presigner.presignSync({ bucket, key, expiresAt: new Date(Date.now() + 300_000) });
      expect(link.warnings.map((w) => w.code)).toContain('KEY_DOT_SEGMENTS');
      expect(await getAsIs(link.url)).toEqual({ status: 200, body: `body of ${key}` });
      expect((await fetch(link.url)).status).not.toBe(200);
    },
  );

  it('plain keys carry no such warning', () => {
    expect(
      presigner.presignSync({ bucket, key: 'a..b/c.d', expiresAt: new Date(Date.now() + 60_000) }).warnings,
    ).toEqual([]);
  });
});
