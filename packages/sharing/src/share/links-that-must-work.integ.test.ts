// Links that must work, against RGW (real SigV4 and versioning), through the sharing engine:
// - a pasted link to an OLD version of an object, re-signed, still returns the old bytes
//   (versionId used to be dropped, so the new link served the current version);
// - a profile on an IP endpoint with virtual-hosted addressing configured: its link, its upload
//   and its test all go path-style (the link used to be http://bucket.127.0.0.1:…, no URL at
//   all, while the SDK uploaded path-style and the test passed).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import type { SharingService } from '../api.js';
import { createSharingService } from '../service.js';

describe('links that must work (RGW)', () => {
  const versioned = uniqueBucket('versioned');
  const ipBucket = uniqueBucket('ipep');
  const home = mkdtempSync(join(tmpdir(), 'signet-links-'));
  let service: SharingService;
  let admin: S3Client;
  let oldVersion: string;

  beforeAll(async () => {
    const s3 = testS3();
    admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: versioned }));
    await admin.send(
      new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const v1 = await admin.send(new PutObjectCommand({ Bucket: versioned, Key: 'report.txt', Body: 'OLD bytes' }));
    await admin.send(new PutObjectCommand({ Bucket: versioned, Key: 'report.txt', Body: 'NEW bytes' }));
    expect(v1.VersionId).toBeTruthy();
    oldVersion = v1.VersionId!;
    await admin.send(new CreateBucketCommand({ Bucket: ipBucket }));
    await admin.send(new PutObjectCommand({ Bucket: ipBucket, Key: 'dir/', Body: 'folder marker' }));

    service = createSharingService({ paths: { configDir: home, dataDir: home } });
    const secret = { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
    await service.saveProfile({
      id: 'versions',
      bucket: versioned,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret('versions', secret);
    // Virtual-hosted asked for, on an IP endpoint: impossible, so path-style everywhere.
    await service.saveProfile({
      id: 'ip',
      bucket: ipBucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: false,
    });
    await service.setAwsSecret('ip', secret);
  });

  it('a pasted link with versionId, re-signed, returns the OLD bytes; without it, the current ones', async () => {
    const pasted = `${testS3().endpoint}/${versioned}/report.txt?versionId=${encodeURIComponent(oldVersion)}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=60&X-Amz-Signature=00`;
    const old = await service.link({ ref: pasted, expires: '5m', source: 'cli' });
    expect(new URL(old.url).searchParams.get('versionId')).toBe(oldVersion);
    expect(await (await fetch(old.url)).text()).toBe('OLD bytes');
    // Renewed (a new expiry, from the history record): still the old version.
    const renewed = await service.renewLink(old.id, '10m');
    expect(await (await fetch(renewed.url)).text()).toBe('OLD bytes');
    const current = await service.link({ ref: `s3://${versioned}/report.txt`, expires: '5m', source: 'cli' });
    expect(await (await fetch(current.url)).text()).toBe('NEW bytes');
    // A download name of its own still keeps the version.
    const named = await service.link({
      ref: pasted,
      expires: '5m',
      source: 'cli',
      options: { downloadName: 'v1.txt' },
    });
    const res = await fetch(named.url);
    expect(await res.text()).toBe('OLD bytes');
    expect(res.headers.get('content-disposition')).toContain('v1.txt');
  });

  it('a folder-marker object (key ending in /) is signed when asked for explicitly, refused otherwise', async () => {
    await expect(service.link({ ref: `s3://${ipBucket}/dir/`, source: 'cli' })).rejects.toMatchObject({
      code: 'NOT_AN_OBJECT',
    });
    const marker = await service.link({ ref: `s3://${ipBucket}/dir/`, source: 'cli', folderMarker: true });
    expect(marker.key).toBe('dir/');
    expect(await (await fetch(marker.url)).text()).toBe('folder marker');
  });

  it('an IP-endpoint profile configured virtual-hosted: test, upload and link all succeed path-style', async () => {
    const tested = await service.testProfile('ip');
    expect(tested, JSON.stringify(tested)).toMatchObject({ ok: true });
    const dir = mkdtempSync(join(tmpdir(), 'signet-ip-'));
    const file = join(dir, 'hello.txt');
    writeFileSync(file, 'path-style works');
    const { links } = await service.share({
      paths: [file],
      profileId: 'ip',
      expires: '5m',
      source: 'cli',
      check: true,
    });
    const url = new URL(links[0]!.url);
    expect(url.host).toBe(new URL(testS3().endpoint).host);
    expect(url.pathname.startsWith(`/${ipBucket}/`), url.href).toBe(true);
    expect(links[0]!.check?.status).toBe('ok');
    expect(await (await fetch(url)).text()).toBe('path-style works');
    // Linking the uploaded object again by its s3:// reference gives the same addressing.
    const again = await service.link({ ref: `s3://${ipBucket}/${links[0]!.key}`, expires: '5m', source: 'cli' });
    expect(new URL(again.url).host).toBe(url.host);
    expect(await (await fetch(again.url)).text()).toBe('path-style works');
  });
});
