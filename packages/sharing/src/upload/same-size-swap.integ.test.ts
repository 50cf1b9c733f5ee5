// Attack test for issue 11 item 10 against RGW: what is uploaded must be the file that was
// checked. Between the check and the upload another file of the same size and the same mtime
// is renamed over the path (as a co-user of a shared folder, or a sync tool, can do). Size and
// mtime cannot tell them apart; the file's device and inode, taken from the opened handle, can.
// The swap happens at two hook points: after collectFiles (share start) and at the first
// progress report, which uploadFile sends after its own check and before sendFile opens the file.
import { mkdtempSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import type { SharingService } from '../api.js';
import { createSharingService } from '../service.js';
import { collectFiles } from './collect-files.js';
import { uploadFile } from './upload-file.js';

const MTIME = 1_700_000_000; // whole seconds, so both files carry exactly the same mtime

/** Puts a same-size, same-mtime file with other bytes at `path` by rename (a new inode). */
function swapSameSize(path: string, bytes: string): void {
  const impostor = `${path}.swap`;
  writeFileSync(impostor, bytes);
  utimesSync(impostor, MTIME, MTIME);
  renameSync(impostor, path);
}

function original(dir: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, 'the invoice you checked');
  utimesSync(path, MTIME, MTIME);
  return path;
}

const EVIL = 'pay the attacker, now!!'; // same length as the original text

describe('a same-size swap between check and upload is refused (RGW)', () => {
  const bucket = uniqueBucket('swap');
  const home = mkdtempSync(join(tmpdir(), 'signet-home-'));
  const work = mkdtempSync(join(tmpdir(), 'signet-swap-'));
  const profileId = `sw${Date.now().toString(36)}`;
  let service: SharingService;
  let admin: S3Client;
  const objects = async () =>
    ((await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key);

  beforeAll(async () => {
    const s3 = testS3();
    admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    service = createSharingService({ paths: { configDir: home, dataDir: home } });
    await service.saveProfile({
      id: profileId,
      bucket,
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      keyTemplate: '{uuid}/{name}',
    });
    await service.setAwsSecret(profileId, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  });

  it('swapped at the first progress report (after the check, before the open): FILE_CHANGED, no object, no link', async () => {
    expect(EVIL.length).toBe('the invoice you checked'.length);
    const path = original(work, 'invoice.txt');
    let swapped = false;
    const share = service.share({
      paths: [path],
      expires: '1h',
      source: 'cli',
      onProgress: () => {
        if (swapped) return;
        swapped = true;
        swapSameSize(path, EVIL);
      },
    });
    await expect(share).rejects.toMatchObject({ code: 'FILE_CHANGED' });
    expect(swapped).toBe(true);
    expect(statSync(path).size).toBe(EVIL.length);
    expect(await objects()).toEqual([]);
    expect(await service.listLinks()).toEqual([]);
  });

  it('swapped between collectFiles and uploadFile: refused before a byte is sent', async () => {
    const path = original(work, 'invoice2.txt');
    const [checked] = (await collectFiles([path])).files;
    swapSameSize(path, EVIL);
    await expect(
      uploadFile({
        client: testS3Client(),
        bucket,
        key: 'direct/invoice2.txt',
        filePath: path,
        expected: checked!,
      }),
    ).rejects.toMatchObject({ code: 'FILE_CHANGED' });
    expect(await objects()).toEqual([]);
  });
});
