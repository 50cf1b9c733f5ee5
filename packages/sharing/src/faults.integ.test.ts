// Faults and guarantees of the share path against RGW and the real keychain: never overwrite,
// a file changing during upload, no permission, and importing a CloudFront key.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutBucketPolicyCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import type { SharingService } from './api.js';
import { createSharingService } from './service.js';

describe('share faults', () => {
  const bucket = uniqueBucket('faults');
  const home = mkdtempSync(join(tmpdir(), 'signet-faults-'));
  let service: SharingService;
  let admin: S3Client;
  beforeAll(async () => {
    const s3 = testS3();
    admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    service = createSharingService({ paths: { configDir: home, dataDir: home }, upload: { partSize: 5 * 1024 * 1024, queueSize: 1 } });
    // a template without {uuid}: the same file name maps to the same key
    await service.saveProfile({ id: 'fixed', bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, keyTemplate: 'inbox/{name}' });
    await service.setAwsSecret('fixed', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  });
  const file = (name: string, body: string | Buffer) => {
    const p = join(mkdtempSync(join(home, 'f-')), name);
    writeFileSync(p, body);
    return p;
  };

  it('never overwrites an existing object', async () => {
    const first = await service.share({ paths: [file('same name.txt', 'first')], profileId: 'fixed', source: 'cli' });
    await expect(service.share({ paths: [file('same name.txt', 'second')], profileId: 'fixed', source: 'cli' })).rejects.toMatchObject({ code: 'OBJECT_EXISTS' });
    expect(await (await fetch(first.links[0]!.url)).text()).toBe('first');
  });

  it('a file that changes while it uploads gives FILE_CHANGED and no link', async () => {
    const p = file('growing.log', Buffer.alloc(12 * 1024 * 1024, 1));
    let touched = false;
    const err = await service
      .share({ paths: [p], profileId: 'fixed', source: 'cli', onProgress: () => { if (!touched) { touched = true; appendFileSync(p, 'more'); } } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FILE_CHANGED' });
    expect((await service.listLinks({ search: 'growing.log' }))).toHaveLength(0);
  });

  it('no permission to write is reported in words before any link is made', async () => {
    const s3 = testS3();
    const locked = uniqueBucket('noperm');
    await admin.send(new CreateBucketCommand({ Bucket: locked }));
    await admin.send(new PutBucketPolicyCommand({ Bucket: locked, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: ['s3:PutObject', 's3:GetObject'], Resource: `arn:aws:s3:::${locked}/*` }] }) }));
    await service.saveProfile({ id: 'noperm', bucket: locked, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
    await service.setAwsSecret('noperm', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const err = (await service.share({ paths: [file('x.txt', 'x')], profileId: 'noperm', source: 'cli' }).catch((e: unknown) => e)) as { code: string; message: string };
    expect(err.code).toBe('ACCESS_DENIED');
    expect(err.message).toMatch(/refused access.*(IAM|bucket policy)/);
    expect(await service.listLinks({ search: 'noperm' })).toHaveLength(0);
  });

  it('imports a CloudFront key: validated, stored in the keychain, the file left alone; links then sign', async () => {
    const s3 = testS3();
    await service.saveProfile({ id: 'cdn', bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, link: { kind: 'cloudfront', domain: 'd111111abcdef8.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' } });
    const pub = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await expect(service.importCloudFrontKey('cdn', file('pub.pem', pub))).rejects.toMatchObject({ code: 'KEY_NOT_PRIVATE' });
    expect((await service.getProfile('cdn')).hasCloudFrontKey).toBe(false);
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pemPath = file('private_key.pem', pem);
    const r = await service.importCloudFrontKey('cdn', pemPath);
    expect(r.message).toMatch(/RSA-2048 key is now in your keychain.*you can delete it now/);
    expect(readFileSync(pemPath, 'utf8')).toBe(pem);
    expect(execFileSync('secret-tool', ['lookup', 'service', 'Signet', 'username', 'profile:cdn:cloudfront-key']).toString().trim()).toBe(pem.trim());
    const link = await service.link({ ref: 'https://d111111abcdef8.cloudfront.net/videos/a b.mp4', source: 'extension', expires: '30d' });
    expect(link.kind).toBe('cloudfront');
    expect(link.key).toBe('videos/a b.mp4');
    expect(link.url).toMatch(/^https:\/\/d111111abcdef8\.cloudfront\.net\/videos\/a%20b\.mp4\?Expires=\d+&Key-Pair-Id=K2JCJMDEHXQW5F&Signature=/);
    expect(readFileSync(join(home, 'profiles.json'), 'utf8')).not.toContain('PRIVATE KEY');
  });
});
