// Issue 11 item 11, links to EXISTING objects: a key that already contains U+202E (uploaded by
// someone else, or named by a page through the extension) used to be signed with no warning, and
// the browser saved the download as "invoice‮txt.exe", shown reversed as "invoiceexe.txt". Against
// RGW: the link works, carries a warning, and the download name it serves has no bidi control.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { hasBidiControls } from '@signet/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import type { SharingService } from '../api.js';
import { createSharingService } from '../service.js';

describe('a link to an existing key with bidi controls (RGW)', () => {
  const bucket = uniqueBucket('bidi');
  const key = 'inbox/invoice\u202Etxt.exe';
  let service: SharingService;

  beforeAll(async () => {
    const s3 = testS3();
    await testS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    await testS3Client().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'MZ not really' }));
    const home = mkdtempSync(join(tmpdir(), 'signet-bidi-'));
    service = createSharingService({ paths: { configDir: home, dataDir: home } });
    await service.saveProfile(
      { id: 'bidi', bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true },
      { aws: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } },
    );
  });

  it('works, warns, and serves a download name without the override', async () => {
    const link = await service.link({ ref: `s3://${bucket}/${key}`, profileId: 'bidi', source: 'cli' });
    const warning = link.warnings.find((w) => w.code === 'NAME_BIDI_REPLACED');
    expect(warning?.message).toMatch(/U\+202E/);
    expect(hasBidiControls(warning!.message)).toBe(false); // the warning itself must not read reversed
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('MZ not really');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="invoice_txt\.exe"/);
    expect(hasBidiControls(decodeURIComponent(disposition))).toBe(false);
    // renewing keeps the clean name (it is recorded with the link's options)
    const renewed = await service.renewLink(link.id, '1h', 'cli');
    const again = await fetch(renewed.url);
    expect(again.headers.get('content-disposition')).toBe(disposition);
  });

  it('a download name the user gave is kept, when it has no bidi control', async () => {
    const link = await service.link({
      ref: `s3://${bucket}/${key}`,
      profileId: 'bidi',
      source: 'cli',
      options: { downloadName: 'invoice.exe' },
    });
    const res = await fetch(link.url);
    expect(res.headers.get('content-disposition')).toMatch(/filename="invoice\.exe"/);
    expect(link.warnings.map((w) => w.code)).toContain('NAME_BIDI_REPLACED');
  });

  it('a name without bidi controls gets no warning and no forced download name', async () => {
    await testS3Client().send(new PutObjectCommand({ Bucket: bucket, Key: 'plain.txt', Body: 'x' }));
    const link = await service.link({ ref: `s3://${bucket}/plain.txt`, profileId: 'bidi', source: 'cli' });
    expect(link.warnings.map((w) => w.code)).not.toContain('NAME_BIDI_REPLACED');
    expect(link.url).not.toContain('response-content-disposition');
  });
});
