// Faults and guarantees of the share path against RGW and the real keychain: never overwrite,
// a file changing during upload, no permission, the wrong region, names with unusual
// characters, and importing a CloudFront key.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import type { SharingService } from './api.js';
import { createSharingService } from './service.js';
import { createS3Client, uploadFile } from './upload/index.js';

describe('share faults', () => {
  const bucket = uniqueBucket('faults');
  const home = mkdtempSync(join(tmpdir(), 'signet-faults-'));
  let service: SharingService;
  let admin: S3Client;
  beforeAll(async () => {
    const s3 = testS3();
    admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    service = createSharingService({
      paths: { configDir: home, dataDir: home },
      upload: { partSize: 5 * 1024 * 1024, queueSize: 1 },
    });
    // a template without {uuid}: the same file name maps to the same key
    await service.saveProfile({
      id: 'fixed',
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      keyTemplate: 'inbox/{name}',
    });
    await service.setAwsSecret('fixed', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  });
  const file = (name: string, body: string | Buffer) => {
    const p = join(mkdtempSync(join(home, 'f-')), name);
    writeFileSync(p, body);
    return p;
  };

  it('never overwrites an existing object: a taken key moves to "name (2).ext"', async () => {
    const first = await service.share({ paths: [file('same name.txt', 'first')], profileId: 'fixed', source: 'cli' });
    const second = await service.share({ paths: [file('same name.txt', 'second')], profileId: 'fixed', source: 'cli' });
    expect(first.links[0]!.key).toBe('inbox/same name.txt');
    expect(second.links[0]!.key).toBe('inbox/same name (2).txt');
    expect(await (await fetch(first.links[0]!.url)).text()).toBe('first');
    expect(await (await fetch(second.links[0]!.url)).text()).toBe('second');
  });

  it('a writer that takes the key between the existence check and the PUT is not overwritten (If-None-Match on RGW)', async () => {
    const s3 = testS3();
    const client = createS3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true }, s3);
    // Another writer creates the object right after our HeadObject said the key was free.
    let raced = false;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args).catch(async (e: unknown) => {
          if (context.commandName === 'HeadObjectCommand' && !raced) {
            raced = true;
            await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'race/report.pdf', Body: 'theirs' }));
          }
          throw e;
        });
        return out;
      },
      { step: 'initialize', name: 'raceAfterHead' },
    );
    const put = await uploadFile({ client, bucket, key: 'race/report.pdf', filePath: file('report.pdf', 'ours') });
    expect(raced).toBe(true);
    expect(put.key).toBe('race/report (2).pdf');
    const body = async (Key: string) =>
      (await admin.send(new GetObjectCommand({ Bucket: bucket, Key }))).Body!.transformToString();
    expect(await body('race/report.pdf')).toBe('theirs');
    expect(await body('race/report (2).pdf')).toBe('ours');
    await expect(
      uploadFile({ client, bucket, key: 'race/report.pdf', filePath: file('report.pdf', 'x'), ifExists: 'fail' }),
    ).rejects.toMatchObject({ code: 'OBJECT_EXISTS' });
  });

  it('keeps names with spaces, unicode, emoji and reserved characters, in keys and downloads', async () => {
    const name = "Ünïcødé 😀 a+b&c=d;e,f'g [1] {2} ~$@ 100%.txt";
    const { links } = await service.share({
      paths: [file(name, 'unicode')],
      profileId: 'fixed',
      source: 'cli',
      check: true,
    });
    expect(links[0]!.key).toBe(`inbox/${name}`);
    expect(links[0]!.check?.ok).toBe(true);
    expect(await (await fetch(links[0]!.url)).text()).toBe('unicode');
  });

  it('RGW does not enforce the region (a profile with another region still works there); AWS refuses it', async () => {
    // Documented RGW difference: it accepts any region in the credential scope, so the wrong
    // region cannot be produced here. The AWS answer (301 + x-amz-bucket-region) is tested below.
    const s3 = testS3();
    await service.saveProfile({
      id: 'far',
      bucket,
      region: 'ap-southeast-2',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      keyTemplate: 'far/{uuid}/{name}',
    });
    await service.setAwsSecret('far', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const { links } = await service.share({
      paths: [file('far.txt', 'far')],
      profileId: 'far',
      source: 'cli',
      check: true,
    });
    expect(links[0]!.check?.ok).toBe(true);
  });

  it('a bucket in another region (AWS answers 301 with x-amz-bucket-region) says which region to set', async () => {
    // A stand-in for S3 answering like AWS does for a HEAD in the wrong region; RGW cannot.
    const server = createServer((req, res) => {
      res.writeHead(301, { 'x-amz-bucket-region': 'eu-central-1', 'content-length': '0' });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = createS3Client(
        { region: 'us-east-1', endpoint, forcePathStyle: true },
        { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40) },
      );
      await expect(
        uploadFile({ client, bucket: 'elsewhere', key: 'k.txt', filePath: file('k.txt', 'k') }),
      ).rejects.toMatchObject({
        code: 'UPLOAD_FAILED',
        message: expect.stringMatching(/in region eu-central-1.*Set the profile's region to eu-central-1/),
      });
    } finally {
      server.close();
    }
  });

  it('a file that changes while it uploads gives FILE_CHANGED and no link', async () => {
    const p = file('growing.log', Buffer.alloc(12 * 1024 * 1024, 1));
    let touched = false;
    const err = await service
      .share({
        paths: [p],
        profileId: 'fixed',
        source: 'cli',
        onProgress: () => {
          if (!touched) {
            touched = true;
            appendFileSync(p, 'more');
          }
        },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FILE_CHANGED' });
    expect(await service.listLinks({ search: 'growing.log' })).toHaveLength(0);
    // the mixed old/new upload was deleted again
    expect(
      (await admin.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'inbox/growing' }))).KeyCount ?? 0,
    ).toBe(0);
  });

  it('no permission to write is reported in words before any link is made', async () => {
    const s3 = testS3();
    const locked = uniqueBucket('noperm');
    await admin.send(new CreateBucketCommand({ Bucket: locked }));
    await admin.send(
      new PutBucketPolicyCommand({
        Bucket: locked,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: ['s3:PutObject', 's3:GetObject'],
              Resource: `arn:aws:s3:::${locked}/*`,
            },
          ],
        }),
      }),
    );
    await service.saveProfile({
      id: 'noperm',
      bucket: locked,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret('noperm', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const err = (await service
      .share({ paths: [file('x.txt', 'x')], profileId: 'noperm', source: 'cli' })
      .catch((e: unknown) => e)) as { code: string; message: string };
    expect(err.code).toBe('ACCESS_DENIED');
    expect(err.message).toMatch(/refused access.*(IAM|bucket policy)/);
    expect(await service.listLinks({ search: 'noperm' })).toHaveLength(0);
  });

  it('a wrong secret or an unknown access key is named as such (not "Unknown"), in share and in the profile test', async () => {
    const s3 = testS3();
    await service.saveProfile({
      id: 'badsecret',
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret('badsecret', { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret-at-all' });
    const wrong = (await service
      .share({ paths: [file('w.txt', 'w')], profileId: 'badsecret', source: 'cli' })
      .catch((e: unknown) => e)) as { code: string; message: string };
    expect([wrong.code, wrong.message]).toEqual([
      'CREDENTIALS_REJECTED',
      expect.stringMatching(/secret access key does not match the access key id/),
    ]);
    expect(await service.testProfile('badsecret')).toMatchObject({
      ok: false,
      status: 'signature-mismatch',
      message: expect.stringMatching(/secret access key does not match/),
    });
    await service.saveProfile({ id: 'badkey', bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
    await service.setAwsSecret('badkey', { accessKeyId: 'AKIAUNKNOWNUNKNOWN12', secretAccessKey: s3.secretAccessKey });
    const unknown = (await service
      .share({ paths: [file('u.txt', 'u')], profileId: 'badkey', source: 'cli' })
      .catch((e: unknown) => e)) as { code: string; message: string };
    expect([unknown.code, unknown.message]).toEqual([
      'CREDENTIALS_REJECTED',
      expect.stringMatching(/does not know this access key id/),
    ]);
    expect(JSON.stringify([wrong.message, unknown.message])).not.toMatch(/Unknown|not-the-secret/);
  });

  it('credentials that may write but not read or list (a common IAM policy) still share, and still never overwrite', async () => {
    const s3 = testS3();
    const writeOnly = uniqueBucket('wonly');
    await admin.send(new CreateBucketCommand({ Bucket: writeOnly }));
    await admin.send(
      new PutBucketPolicyCommand({
        Bucket: writeOnly,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Deny', Principal: '*', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::${writeOnly}/*` },
            { Effect: 'Deny', Principal: '*', Action: ['s3:ListBucket'], Resource: `arn:aws:s3:::${writeOnly}` },
          ],
        }),
      }),
    );
    await service.saveProfile({
      id: 'wonly',
      bucket: writeOnly,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      keyTemplate: 'drop/{name}',
    });
    await service.setAwsSecret('wonly', { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const first = await service.share({ paths: [file('note.txt', 'first')], profileId: 'wonly', source: 'cli' });
    const second = await service.share({ paths: [file('note.txt', 'second')], profileId: 'wonly', source: 'cli' });
    // The existence check cannot see the key; the PUT's If-None-Match refuses the taken key.
    expect([first.links[0]!.key, second.links[0]!.key]).toEqual(['drop/note.txt', 'drop/note (2).txt']);
    await admin.send(
      new PutBucketPolicyCommand({
        Bucket: writeOnly,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::${writeOnly}/*` },
          ],
        }),
      }),
    );
    expect(await (await fetch(first.links[0]!.url)).text()).toBe('first');
  });

  it('imports a CloudFront key: validated, stored in the keychain, the file left alone; links then sign', async () => {
    const s3 = testS3();
    await service.saveProfile({
      id: 'faults-cdn',
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      link: { kind: 'cloudfront', domain: 'd111111abcdef8.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' },
    });
    const pub = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    await expect(service.importCloudFrontKey('faults-cdn', file('pub.pem', pub))).rejects.toMatchObject({
      code: 'KEY_NOT_PRIVATE',
    });
    expect((await service.getProfile('faults-cdn')).hasCloudFrontKey).toBe(false);
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const pemPath = file('private_key.pem', pem);
    const r = await service.importCloudFrontKey('faults-cdn', pemPath);
    expect(r.message).toMatch(/RSA-2048 key is now in your keychain.*you can delete it now/);
    expect(readFileSync(pemPath, 'utf8')).toBe(pem);
    expect(
      execFileSync('secret-tool', ['lookup', 'service', 'Signet', 'username', 'profile:faults-cdn:cloudfront-key'])
        .toString()
        .trim(),
    ).toBe(pem.trim());
    const link = await service.link({
      ref: 'https://d111111abcdef8.cloudfront.net/videos/a b.mp4',
      source: 'extension',
      expires: '30d',
    });
    expect(link.kind).toBe('cloudfront');
    expect(link.key).toBe('videos/a b.mp4');
    expect(link.url).toMatch(
      /^https:\/\/d111111abcdef8\.cloudfront\.net\/videos\/a%20b\.mp4\?Expires=\d+&Key-Pair-Id=K2JCJMDEHXQW5F&Signature=/,
    );
    expect(readFileSync(join(home, 'profiles.json'), 'utf8')).not.toContain('PRIVATE KEY');
  });
});
