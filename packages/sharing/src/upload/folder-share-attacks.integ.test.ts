// Attack test for issue 11 item 9 against a real S3 server (RGW) and the real keychain: a folder
// someone is asked to share ("send me the project folder") carries symlinks out of it — to
// ~/.ssh, to a credentials file under a harmless name. Sharing the folder must upload only what
// is in it, list the links it did not follow and the hidden entries it left out, and make no
// object for them.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import type { SharingService } from '../api.js';
import { createSharingService } from '../service.js';

describe('a folder share never leaves the folder (RGW)', () => {
  const bucket = uniqueBucket('folder-attack');
  const home = mkdtempSync(join(tmpdir(), 'signet-home-'));
  const profileId = `fa${Date.now().toString(36)}`;
  let service: SharingService;
  let admin: S3Client;

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

  it('symlinks to ~/.ssh and to a credentials file are not followed; hidden entries are named', async () => {
    const victimHome = mkdtempSync(join(tmpdir(), 'signet-victim-'));
    mkdirSync(join(victimHome, '.ssh'));
    writeFileSync(join(victimHome, '.ssh', 'id_ed25519'), '-----BEGIN OPENSSH PRIVATE KEY----- test');
    mkdirSync(join(victimHome, '.aws'));
    writeFileSync(join(victimHome, '.aws', 'credentials'), '[default]\naws_secret_access_key = test');
    const proj = join(victimHome, 'project');
    mkdirSync(join(proj, 'docs'), { recursive: true });
    writeFileSync(join(proj, 'README.md'), '# project');
    writeFileSync(join(proj, 'docs', 'guide.md'), 'guide');
    writeFileSync(join(proj, '.env'), 'TOKEN=1');
    symlinkSync(join(victimHome, '.ssh'), join(proj, 'keys')); // a folder outside
    symlinkSync(join(victimHome, '.aws', 'credentials'), join(proj, 'notes.txt')); // a plain name
    symlinkSync(join(proj, 'docs', 'guide.md'), join(proj, 'guide-link.md')); // inside: fine
    symlinkSync('.env', join(proj, 'settings')); // inside, but to a hidden file: still hidden

    const result = await service.share({ paths: [proj], expires: '1h', source: 'cli' });

    const keys = (await admin.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map((o) => o.Key) ?? [];
    const names = keys.map((k) => k!.replace(/^[^/]+\//, '')).sort();
    expect(names).toEqual(['project/README.md', 'project/docs/guide.md', 'project/guide-link.md']);
    expect(result.links.map((l) => l.key.replace(/^[^/]+\//, '')).sort()).toEqual(names);
    expect(result.skipped).toEqual([
      { path: join(proj, '.env'), reason: 'hidden' },
      { path: join(proj, 'keys'), reason: 'link-outside', target: join(victimHome, '.ssh') },
      { path: join(proj, 'notes.txt'), reason: 'link-outside', target: join(victimHome, '.aws', 'credentials') },
      { path: join(proj, 'settings'), reason: 'hidden', target: join(proj, '.env') },
    ]);
  });
});
