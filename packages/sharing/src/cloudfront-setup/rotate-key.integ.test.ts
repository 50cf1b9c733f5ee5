// Key rotation and retirement end to end. Which server each part talks to:
//   CloudFront + STS → moto_server, behind scripts/test-support/moto-key-groups.ts for the two
//   operations moto 5.2 lacks (UpdateKeyGroup, DeleteKeyGroup — answered in AWS's documented
//   shape there; everything else is moto's own answer); bucket → RGW; keys → the real keychain;
//   links → the real sharing service and its history file.
// The last test runs against plain moto: there UpdateKeyGroup fails for real, and the rotation
// must roll back.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFrontClient, GetKeyGroupCommand, ListPublicKeysCommand } from '@aws-sdk/client-cloudfront';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { cloudFrontPublicKeyPem, samePublicKey } from '@signet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyGroupFront, type KeyGroupFront } from '../../../../scripts/test-support/moto-key-groups.js';
import { startMoto, type RunningMoto } from '../../../../scripts/test-support/moto.js';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { createCloudFrontTools, type CloudFrontTools } from '../cloudfront-tools.js';
import { LinkHistory } from '../history/index.js';
import { ProfileStore } from '../profiles/index.js';
import { SecretStore } from '../secrets/index.js';
import { createSharingService } from '../service.js';
import type { SharingService } from '../api.js';

describe('cloudfront rotate-key / retire-key (moto + documented key-group answers; RGW; real keychain)', () => {
  let moto: RunningMoto;
  let front: KeyGroupFront;
  let cf: CloudFrontClient;
  let tools: CloudFrontTools;
  let service: SharingService;
  let profiles: ProfileStore;
  let secrets: SecretStore;
  let history: LinkHistory;
  const home = mkdtempSync(join(tmpdir(), 'signet-rotate-'));
  const bucket = uniqueBucket('rot');
  const id = `rot${randomBytes(3).toString('hex')}`;
  let now = new Date();
  let groupId = '';

  const groupItems = async () =>
    (await cf.send(new GetKeyGroupCommand({ Id: groupId }))).KeyGroup!.KeyGroupConfig!.Items!;
  const keyOf = (url: string) => new URL(url).searchParams.get('Key-Pair-Id');

  beforeAll(async () => {
    moto = await startMoto();
    front = await startKeyGroupFront(moto.endpoint);
    cf = new CloudFrontClient({
      endpoint: front.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    profiles = new ProfileStore(home);
    secrets = new SecretStore({ service: `signet-rotate-test-${randomBytes(4).toString('hex')}` });
    history = new LinkHistory(home, secrets);
    const env = { ...front.env };
    tools = createCloudFrontTools({ profiles, secrets, history, env, now: () => now });
    service = createSharingService({ paths: { configDir: home, dataDir: home }, secrets, env });
    const s3 = testS3();
    await testS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    await profiles.save({ id, bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
    await secrets.setAwsSecret(id, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const r = await tools.setupCloudFront({ bucket, profileId: id, create: true });
    expect(r.ok, r.message).toBe(true);
    const p = await profiles.get(id);
    if (p.link.kind !== 'cloudfront') throw new Error('not a CloudFront profile');
    const { findDistributionByDomain } = await import('./cloudfront-lookup.js');
    const dist = await findDistributionByDomain(cf, p.link.domain);
    groupId = dist!.config.DefaultCacheBehavior!.TrustedKeyGroups!.Items![0]!;
  });
  afterAll(async () => {
    await front?.close();
    await moto?.stop();
  });

  it('rotate: the new key joins the group and signs new links; old links live until the old key is retired', async () => {
    const oldLinks = [
      await service.link({ ref: `s3://${bucket}/a.txt`, profileId: id, source: 'cli', expires: '10d' }),
      await service.link({ ref: `s3://${bucket}/b.txt`, profileId: id, source: 'cli', expires: '10d' }),
    ];
    const oldKey = keyOf(oldLinks[0]!.url)!;
    expect(await groupItems()).toEqual([oldKey]);

    const r = await tools.rotateCloudFrontKey({ profileId: id, retireAfter: '7d' });
    console.log(`--- rotate-key\n${r.message}`);
    expect(r.oldKeyId).toBe(oldKey);
    expect(await groupItems()).toEqual([oldKey, r.newKeyId]);
    const p = await profiles.get(id);
    expect(p.link.kind === 'cloudfront' && p.link.keyPairId).toBe(r.newKeyId);
    // The keychain's key is the private half of the new public key.
    const pending = JSON.parse(readFileSync(join(home, 'cloudfront-retirements.json'), 'utf8')) as {
      pending: { keyId: string; retireAfter: string }[];
    };
    expect(pending.pending.map((p) => p.keyId)).toEqual([oldKey]);
    const { readPublicKey } = await import('./cloudfront-lookup.js');
    const stored = await readPublicKey(cf, r.newKeyId);
    expect(samePublicKey(stored!.encodedKey, cloudFrontPublicKeyPem((await secrets.getCloudFrontKey(id))!))).toBe(true);

    // New links carry the new key; nothing is revoked yet.
    const fresh = await service.link({ ref: `s3://${bucket}/c.txt`, profileId: id, source: 'cli', expires: '3d' });
    expect(keyOf(fresh.url)).toBe(r.newKeyId);
    expect((await service.listLinks({ filter: 'all' })).filter((l) => l.revokedAt)).toEqual([]);

    // The doctor sees the new key in the group and the old one waiting.
    const report = await tools.doctor(id);
    expect(report.checks.find((c) => c.id === 'signing-key')?.status).toBe('ok');
    expect(report.checks.find((c) => c.id === 'key-rotation')?.detail).toMatch(
      new RegExp(`^${oldKey} \\(replaced by ${r.newKeyId}; may go from .*\\) is still in the key group`),
    );

    // Not due yet: retire-key waits.
    const early = await tools.retireCloudFrontKey({ profileId: id });
    expect(early.retired).toEqual([]);
    expect(early.waiting.map((w) => w.keyId)).toEqual([oldKey]);
    expect(await groupItems()).toEqual([oldKey, r.newKeyId]);

    // Eight days later it is due: the old key leaves, its two links are marked, the new one is not.
    now = new Date(Date.now() + 8 * 86_400_000);
    const due = await tools.retireCloudFrontKey({ profileId: id });
    console.log(`--- retire-key\n${due.message}`);
    now = new Date();
    expect(due.retired).toEqual([oldKey]);
    expect(await groupItems()).toEqual([r.newKeyId]);
    // The two 10-day links the old key signed are marked killed; the new key's link is not.
    const all = await history.list({ filter: 'all' }, new Date());
    const revoked = all
      .filter((l) => l.revokedAt)
      .map((l) => l.id)
      .sort();
    expect(revoked).toEqual(oldLinks.map((l) => l.id).sort());
    expect(due.linksKilled).toBe(2);
    expect((await history.get(fresh.id)).revokedAt).toBeUndefined();
    expect(all.find((l) => l.id === oldLinks[0]!.id)?.revocation).toMatch(/was retired from key group/);
  });

  it('a bad --retire-after is refused before anything is made', async () => {
    const keys = (await cf.send(new ListPublicKeysCommand({}))).PublicKeyList?.Items?.length;
    await expect(tools.rotateCloudFrontKey({ profileId: id, retireAfter: 'next week' })).rejects.toThrow(
      /--retire-after takes a duration such as 7d/,
    );
    expect((await cf.send(new ListPublicKeysCommand({}))).PublicKeyList?.Items?.length).toBe(keys);
  });

  it('rotate --retire-now: the old key leaves at once and the history marks the links it killed', async () => {
    const before = await service.link({ ref: `s3://${bucket}/d.txt`, profileId: id, source: 'cli', expires: '1d' });
    const oldKey = keyOf(before.url)!;
    const r = await tools.rotateCloudFrontKey({ profileId: id, retireNow: true });
    expect(r.retired).toEqual([oldKey]);
    expect(await groupItems()).toEqual([r.newKeyId]);
    const killed = (await history.list({ filter: 'all' })).filter((l) => l.revokedAt);
    expect(killed.map((l) => l.id)).toContain(before.id);
    expect(killed.every((l) => /was retired from key group/.test(l.revocation ?? ''))).toBe(true);
    expect(r.linksKilled).toBeGreaterThanOrEqual(1);
    const after = await service.link({ ref: `s3://${bucket}/e.txt`, profileId: id, source: 'cli', expires: '1d' });
    expect(keyOf(after.url)).toBe(r.newKeyId);
    expect((await history.get(after.id)).revokedAt).toBeUndefined();
  });

  it('plain moto (no UpdateKeyGroup): the rotation fails at that call and rolls back', async () => {
    const plain = createCloudFrontTools({ profiles, secrets, history, env: { ...moto.env }, now: () => new Date() });
    const b2 = uniqueBucket('rot2');
    const id2 = `${id}b`;
    const s3 = testS3();
    await testS3Client().send(new CreateBucketCommand({ Bucket: b2 }));
    await profiles.save({ id: id2, bucket: b2, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
    await secrets.setAwsSecret(id2, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    expect((await plain.setupCloudFront({ bucket: b2, profileId: id2, create: true })).ok).toBe(true);
    const profileBefore = await profiles.get(id2);
    const keyBefore = cloudFrontPublicKeyPem((await secrets.getCloudFrontKey(id2))!);
    const keysBefore = (await cf.send(new ListPublicKeysCommand({}))).PublicKeyList?.Items?.map((k) => k.Id).sort();
    await expect(plain.rotateCloudFrontKey({ profileId: id2 })).rejects.toThrow(
      /Key rotation stopped at "Add it to key group.*the profile still signs with its old key/s,
    );
    expect(await profiles.get(id2)).toEqual(profileBefore);
    expect(cloudFrontPublicKeyPem((await secrets.getCloudFrontKey(id2))!)).toBe(keyBefore);
    expect((await cf.send(new ListPublicKeysCommand({}))).PublicKeyList?.Items?.map((k) => k.Id).sort()).toEqual(
      keysBefore,
    );
  });
});
