// Presigned links against a real S3 server that checks SigV4 (Ceph RGW, started by the
// integ tier's global setup). Every link is fetched for real; tampering must be refused.
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { createS3Presigner, type S3Presigner } from './create-s3-presigner.js';

const later = (s: number) => new Date(Date.now() + s * 1000);

describe('presigned S3 links against RGW', () => {
  const bucket = uniqueBucket('presign');
  let client: S3Client;
  let presigner: S3Presigner;

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

  const put = (key: string, body: Buffer | string) =>
    client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

  it('GET links return the exact bytes for generated keys (spaces, unicode, emoji, reserved characters, long keys)', async () => {
    const piece = fc.constantFrom(...' aZ9-_.~+&=?#%!*\'()[]{}$@,;:"éß漢字😀/'.split(/(?:)/u));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // '.'/'..' folders are rewritten by fetch itself: dot-segments.integ.test.ts covers them.
          fc
            .array(piece, { minLength: 1, maxLength: 60 })
            .map((a) => a.join(''))
            .filter((k) => !/(^|\/)\.\.?(\/|$)/.test(k)),
          fc.constant('long/' + 'ü'.repeat(400) + '.bin'),
          fc.constant('x/' + '😀'.repeat(255) + 'ab'), // exactly 1024 bytes, the S3 limit
          fc.constant('double//slash/ file+plus.txt'),
        ),
        fc.uint8Array({ minLength: 0, maxLength: 256 }),
        async (key, bytes) => {
          const body = Buffer.from(bytes);
          await put(key, body);
          const link = presigner.presignSync({ bucket, key, expiresAt: later(300) });
          const res = await fetch(link.url);
          expect(res.status, `${key} → ${res.status}`).toBe(200);
          expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a tampered signature, path or expiry, another key, and another method (403)', async () => {
    await put('a.txt', 'A');
    await put('b.txt', 'B');
    const { url } = presigner.presignSync({ bucket, key: 'a.txt', expiresAt: later(300) });
    expect((await fetch(url)).status).toBe(200);
    const sig = new URL(url).searchParams.get('X-Amz-Signature')!;
    const flipped = sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
    expect((await fetch(url.replace(sig, flipped))).status).toBe(403);
    expect((await fetch(url.replace('/a.txt?', '/b.txt?'))).status).toBe(403);
    expect((await fetch(url.replace('X-Amz-Expires=300', 'X-Amz-Expires=301'))).status).toBe(403);
    expect((await fetch(url, { method: 'PUT', body: 'overwrite' })).status).toBe(403);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(403);
  });

  it('refuses a link after it expired', async () => {
    await put('old.txt', 'x');
    const signedAt = new Date(Date.now() - 120_000);
    const { url } = presigner.presignSync({
      bucket,
      key: 'old.txt',
      now: signedAt,
      expiresAt: new Date(signedAt.getTime() + 60_000),
    });
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('AccessDenied');
  });

  it('PUT links upload, with the content type signed when given', async () => {
    const plain = presigner.presignSync({ bucket, key: 'up/plain.bin', method: 'PUT', expiresAt: later(300) });
    expect((await fetch(plain.url, { method: 'PUT', body: 'hello' })).status).toBe(200);
    const got = await fetch(presigner.presignSync({ bucket, key: 'up/plain.bin', expiresAt: later(60) }).url);
    expect(await got.text()).toBe('hello');

    const typed = presigner.presignSync({
      bucket,
      key: 'up/doc.pdf',
      method: 'PUT',
      contentType: 'application/pdf',
      expiresAt: later(300),
    });
    expect(
      (await fetch(typed.url, { method: 'PUT', body: '%PDF', headers: { 'Content-Type': 'text/plain' } })).status,
    ).toBe(403);
    expect((await fetch(typed.url, { method: 'PUT', body: '%PDF', headers: typed.headers })).status).toBe(200);
    const head = await fetch(presigner.presignSync({ bucket, key: 'up/doc.pdf', expiresAt: later(60) }).url);
    expect(head.headers.get('content-type')).toBe('application/pdf');
  });

  it('download name, inline and content-type overrides arrive as response headers and are covered by the signature', async () => {
    await put('r/report.bin', 'data');
    const link = presigner.presignSync({
      bucket,
      key: 'r/report.bin',
      downloadName: 'Größe Bericht.pdf',
      contentType: 'application/pdf',
      expiresAt: later(300),
    });
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toBe(`attachment; filename="Gro_e Bericht.pdf"; filename*=UTF-8''Gr%C3%B6%C3%9Fe%20Bericht.pdf`);
    const inline = await fetch(
      presigner.presignSync({ bucket, key: 'r/report.bin', inline: true, downloadName: 'r.txt', expiresAt: later(300) })
        .url,
    );
    expect(inline.headers.get('content-disposition')).toBe('inline; filename="r.txt"');
    // changing the override without re-signing is refused
    expect((await fetch(link.url.replace('application%2Fpdf', 'text%2Fhtml'))).status).toBe(403);
  });
});
