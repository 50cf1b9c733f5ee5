// checkLink against a real SigV4-checking S3 server (Ceph RGW): every class RGW can produce.
// RGW does not check a presigned URL's signing time (a link dated hours ahead works), so the
// RequestTimeTooSkewed / "not valid yet" answers and CloudFront's are unit-tested with canned
// responses (check-link.test.ts); clock skew IS produced here from RGW's Date header.
import {
  CreateBucketCommand,
  HeadObjectCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Presigner, type S3PresignRequest } from '@signet/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { checkLink } from './check-link.js';

describe('checkLink against RGW', () => {
  const bucket = uniqueBucket('check');
  let admin: S3Client;
  const sign = async (
    req: Partial<S3PresignRequest> & { key: string },
    o: { secret?: string; accessKeyId?: string; expiresIn?: number } = {},
  ) => {
    const s3 = testS3();
    const now = req.now ?? new Date();
    const presigner = createS3Presigner({
      credentials: { accessKeyId: o.accessKeyId ?? s3.accessKeyId, secretAccessKey: o.secret ?? s3.secretAccessKey },
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    return presigner.presign({ bucket, now, expiresAt: new Date(now.getTime() + (o.expiresIn ?? 300) * 1000), ...req });
  };
  beforeAll(async () => {
    admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'here.txt', Body: 'hello' }));
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'empty.txt', Body: '' }));
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'private/denied.txt', Body: 'x' }));
    await admin.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: ['s3:GetObject', 's3:PutObject'],
              Resource: `arn:aws:s3:::${bucket}/private/*`,
            },
          ],
        }),
      }),
    );
  });

  it.each([
    ['a working link', () => sign({ key: 'here.txt' }), 'ok', /works/],
    [
      'an empty object (the range cannot be served, the signature is fine)',
      () => sign({ key: 'empty.txt' }),
      'ok',
      /works/,
    ],
    [
      'a wrong secret key',
      () => sign({ key: 'here.txt' }, { secret: 'not-the-secret' }),
      'signature-mismatch',
      /secret key does not match/,
    ],
    [
      'an access key the server does not know',
      () => sign({ key: 'here.txt' }, { accessKeyId: 'AKIAUNKNOWNKEY000000' }),
      'signature-mismatch',
      /does not know the access key/,
    ],
    [
      'an expired link',
      () => sign({ key: 'here.txt', now: new Date(Date.now() - 120_000) }, { expiresIn: 60 }),
      'expired',
      /has expired\. Make a new one/,
    ],
    ['a missing key', () => sign({ key: 'nope.txt' }), 'no-such-key', /no object at that key/],
    [
      'a missing bucket',
      () => sign({ key: 'x.txt', bucket: uniqueBucket('missing') }),
      'no-such-bucket',
      /bucket does not exist/,
    ],
    ['a bucket policy Deny', () => sign({ key: 'private/denied.txt' }), 'access-denied', /bucket policy/],
  ])('%s → %s', async (_what, make, status, message) => {
    const r = await checkLink((await make()).url);
    expect(r.status, r.message).toBe(status);
    expect(r.ok).toBe(status === 'ok');
    expect(r.message).toMatch(message);
    expect(Math.abs(r.clockSkewMs!)).toBeLessThan(60_000); // RGW's Date header was read
  });

  it('a link changed after signing (another key) → signature mismatch', async () => {
    const { url } = await sign({ key: 'here.txt' });
    expect((await checkLink(url.replace('/here.txt', '/empty.txt'))).status).toBe('signature-mismatch');
  });

  it("this computer's clock 1 h behind: the link it signs has already ended by RGW's clock → clock skew, measured", async () => {
    const local = new Date(Date.now() - 3600_000);
    const r = await checkLink((await sign({ key: 'here.txt', now: local })).url, { now: local });
    expect(r.status, r.message).toBe('clock-skew');
    expect(r.clockSkewMs! / 60_000).toBeCloseTo(60, 0);
    expect(r.message).toMatch(/60 min behind the server/);
  });

  it('finding: RGW accepts a presigned link dated 2 h in the future (it checks only the expiry)', async () => {
    expect(
      (await checkLink((await sign({ key: 'here.txt', now: new Date(Date.now() + 2 * 3600_000) })).url)).status,
    ).toBe('ok');
  });

  it('PUT links are checked without uploading anything (Expect: 100-continue)', async () => {
    const put = await sign({ key: 'upload/new.txt', method: 'PUT' });
    expect(await checkLink(put.url, { method: 'PUT' })).toMatchObject({ status: 'ok', ok: true, httpStatus: 100 });
    await expect(admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'upload/new.txt' }))).rejects.toMatchObject({
      name: 'NotFound',
    });
    const typed = await sign({ key: 'upload/typed.txt', method: 'PUT', contentType: 'text/plain' });
    expect(typed.headers).toEqual({ 'Content-Type': 'text/plain' });
    expect((await checkLink(typed.url, { method: 'PUT' })).ok).toBe(false); // cannot check without the signed header
    expect(await checkLink(typed.url, { method: 'PUT', headers: typed.headers! })).toMatchObject({ status: 'ok' });
    expect(
      (await checkLink((await sign({ key: 'upload/x', method: 'PUT' }, { secret: 'wrong' })).url, { method: 'PUT' }))
        .status,
    ).toBe('signature-mismatch');
    expect(
      (
        await checkLink(
          (await sign({ key: 'upload/x', method: 'PUT', now: new Date(Date.now() - 120_000) }, { expiresIn: 60 })).url,
          { method: 'PUT' },
        )
      ).status,
    ).toBe('expired');
    expect(
      (
        await checkLink((await sign({ key: 'x', method: 'PUT', bucket: uniqueBucket('missing') })).url, {
          method: 'PUT',
        })
      ).status,
    ).toBe('no-such-bucket');
    expect(
      (await checkLink((await sign({ key: 'private/up.txt', method: 'PUT' })).url, { method: 'PUT' })).status,
    ).toBe('access-denied');
    await expect(admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'upload/typed.txt' }))).rejects.toMatchObject({
      name: 'NotFound',
    });
  });
});
