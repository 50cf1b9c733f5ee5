// POST policies against a real SigV4-checking S3 server (Ceph RGW): an upload within the
// limits is stored; one over the size, outside the key prefix, of another content type, with a
// tampered policy or after the expiry is refused by the server itself.
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { createS3PostPolicy, type S3PostPolicy, type S3PostPolicyRequest } from './create-s3-post-policy.js';

describe('POST policies against RGW', () => {
  const bucket = uniqueBucket('post');
  const sign = (r: Omit<S3PostPolicyRequest, 'bucket' | 'expiresAt'> & { expiresAt?: Date }) => {
    const s3 = testS3();
    return createS3PostPolicy(
      { credentials: s3, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true },
      { bucket, expiresAt: new Date(Date.now() + 300_000), ...r },
    );
  };
  /** POSTs the form as a browser would: the signed fields, what the uploader sets, the file last. */
  const upload = async (p: S3PostPolicy, file: { name: string; bytes: number }, extra: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...p.fields, ...extra })) form.append(k, v);
    form.append('file', new Blob([Buffer.alloc(file.bytes, 7)]), file.name);
    const res = await fetch(p.url, { method: 'POST', body: form });
    return { status: res.status, body: await res.text() };
  };
  const keys = async (prefix: string) =>
    ((await testS3Client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map(
      (o) => o.Key,
    );

  beforeAll(async () => {
    await testS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('within the limits: stored under the prefix with the file name and the content type sent', async () => {
    const p = sign({ target: { prefix: 'inbox/' }, maxBytes: 50 * 1024, contentType: 'image/*' });
    const r = await upload(p, { name: 'cat.png', bytes: 50 * 1024 }, { 'Content-Type': 'image/png' });
    expect(r.status, r.body).toBe(204);
    expect(await keys('inbox/')).toEqual(['inbox/cat.png']);
    const got = await testS3Client().send(new GetObjectCommand({ Bucket: bucket, Key: 'inbox/cat.png' }));
    expect(got.ContentType).toBe('image/png');
    expect(got.ContentLength).toBe(50 * 1024);
  });

  it('one byte over the size limit: refused (EntityTooLarge), nothing stored', async () => {
    const p = sign({ target: { prefix: 'big/' }, maxBytes: 1000 });
    const r = await upload(p, { name: 'a.bin', bytes: 1001 });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/EntityTooLarge/);
    expect(await keys('big/')).toEqual([]);
    expect((await upload(p, { name: 'a.bin', bytes: 1000 })).status).toBe(204);
  });

  it('a key outside the prefix: refused (403), nothing stored', async () => {
    const p = sign({ target: { prefix: 'only-here/' } });
    const r = await upload(p, { name: 'x.txt', bytes: 3 }, { key: 'elsewhere/x.txt' });
    expect(r.status, r.body).toBe(403);
    expect(await keys('elsewhere/')).toEqual([]);
    const sneaky = await upload(p, { name: 'x.txt', bytes: 3 }, { key: 'only-her/x.txt' });
    expect(sneaky.status).toBe(403);
    expect((await upload(p, { name: 'x.txt', bytes: 3 }, { key: 'only-here/sub/x.txt' })).status).toBe(204);
  });

  it('another content type than the policy allows: refused (403)', async () => {
    const family = sign({ target: { prefix: 'img/' }, contentType: 'image/*' });
    expect((await upload(family, { name: 'a.html', bytes: 3 }, { 'Content-Type': 'text/html' })).status).toBe(403);
    expect((await upload(family, { name: 'a.png', bytes: 3 })).status).toBe(403); // none sent
    const exact = sign({ target: { key: 'docs/one.pdf' }, contentType: 'application/pdf' });
    expect((await upload(exact, { name: 'x', bytes: 3 }, { 'Content-Type': 'application/zip' })).status).toBe(403);
    expect((await upload(exact, { name: 'x', bytes: 3 })).status).toBe(204);
    expect(await keys('docs/')).toEqual(['docs/one.pdf']);
  });

  it('one exact key: another key is refused', async () => {
    const p = sign({ target: { key: 'exact/report.pdf' } });
    expect((await upload(p, { name: 'r', bytes: 3 }, { key: 'exact/other.pdf' })).status).toBe(403);
  });

  it('a tampered policy (a larger limit written in) and an expired policy: refused (403)', async () => {
    const p = sign({ target: { prefix: 't/' }, maxBytes: 10 });
    const policy = JSON.parse(Buffer.from(p.fields.Policy!, 'base64').toString()) as { conditions: unknown[] };
    policy.conditions = policy.conditions.map((c) =>
      Array.isArray(c) && c[0] === 'content-length-range' ? ['content-length-range', 0, 10_000] : c,
    );
    const tampered = { ...p, fields: { ...p.fields, Policy: Buffer.from(JSON.stringify(policy)).toString('base64') } };
    expect((await upload(tampered, { name: 'a', bytes: 100 })).status).toBe(403);

    const soon = sign({ target: { prefix: 'late/' }, expiresAt: new Date(Date.now() + 1000) });
    await new Promise((r) => setTimeout(r, 2100));
    expect((await upload(soon, { name: 'a', bytes: 3 })).status).toBe(403);
    expect(await keys('late/')).toEqual([]);
  });
});
