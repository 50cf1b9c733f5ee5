// signWorkingLink against the real sharing service, the real keychain and RGW: the bridge says a
// link works only after fetching it, and records only links that work. Each failure the check can
// find is produced for real: a missing key, a bucket RGW does not have, a wrong secret.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import type { SharingService } from '../api.js';
import { createSharingService } from '../service.js';
import { signWorkingLink } from './sign-working-link.js';

describe('signWorkingLink (RGW + keychain)', () => {
  const bucket = uniqueBucket('working');
  const home = mkdtempSync(join(tmpdir(), 'signet-working-'));
  const id = `w${Date.now().toString(36)}`;
  let service: SharingService;
  const keys = async () => (await service.listLinks({ filter: 'all' })).map((l) => `${l.profileId}:${l.key}`).sort();

  beforeAll(async () => {
    const s3 = testS3();
    const admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const key of ['dossiers/été 2026.txt', 'twins/a', 'twins/a b'])
      await admin.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
    service = createSharingService({ paths: { configDir: home, dataDir: home } });
    const endpoint = { region: s3.region, endpoint: s3.endpoint, forcePathStyle: true };
    await service.saveProfile({ id, name: 'Team Ceph', bucket, ...endpoint });
    await service.setAwsSecret(id, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    await service.saveProfile({ id: `${id}-gone`, bucket: uniqueBucket('gone'), ...endpoint });
    await service.setAwsSecret(`${id}-gone`, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    await service.saveProfile({ id: `${id}-wrong`, bucket, ...endpoint });
    await service.setAwsSecret(`${id}-wrong`, { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret' });
  });

  it('answers a working link with the profile name and records it once', async () => {
    const out = await signWorkingLink(service, { ref: `s3://${bucket}/twins/a`, profileId: id });
    expect(out).toMatchObject({ ok: true, profileName: 'Team Ceph', result: { key: 'twins/a', check: { ok: true } } });
    expect(await keys()).toEqual([`${id}:twins/a`]);
  });

  it('a missing key is NO_SUCH_OBJECT and nothing is recorded', async () => {
    const out = await signWorkingLink(service, { ref: `s3://${bucket}/nope.txt`, profileId: id });
    expect(out).toEqual({
      ok: false,
      error: {
        code: 'NO_SUCH_OBJECT',
        message: `No such object: nothing is stored at s3://${bucket}/nope.txt. Check the name (case, spaces, folders).`,
      },
    });
    expect(await keys()).toEqual([`${id}:twins/a`]);
  });

  it('a bucket the server does not have is NO_SUCH_OBJECT too, naming the profile', async () => {
    const gone = (await service.getProfile(`${id}-gone`)).profile.bucket;
    const out = await signWorkingLink(service, { ref: `s3://${gone}/k.txt`, profileId: `${id}-gone` });
    expect(out).toMatchObject({ ok: false, error: { code: 'NO_SUCH_OBJECT' } });
    expect(!out.ok && out.error.message).toBe(
      `No such bucket: ${gone} does not exist on the server of profile "${id}-gone".`,
    );
  });

  it('a link the server refuses (wrong secret) is LINK_BROKEN in words, not recorded', async () => {
    const out = await signWorkingLink(service, { ref: `s3://${bucket}/twins/a`, profileId: `${id}-wrong` });
    expect(out).toMatchObject({ ok: false, error: { code: 'LINK_BROKEN' } });
    expect(!out.ok && out.error.message).toMatch(/does not work: The server rejected the signature/);
    expect(await keys()).toEqual([`${id}:twins/a`]);
  });

  it('of the readings of a sentence, signs the one that exists and records only it', async () => {
    const out = await signWorkingLink(service, {
      ref: `s3://${bucket}/dossiers/été`,
      candidates: [`s3://${bucket}/dossiers/été 2026.txt`, `s3://${bucket}/dossiers/été 2026.txt est`],
      profileId: id,
    });
    expect(out).toMatchObject({ ok: true, result: { key: 'dossiers/été 2026.txt' } });
    expect(await keys()).toEqual([`${id}:dossiers/été 2026.txt`, `${id}:twins/a`]);
  });

  it('refuses readings that name two existing objects, listing them', async () => {
    const out = await signWorkingLink(service, {
      ref: `s3://${bucket}/twins/a`,
      candidates: [`s3://${bucket}/twins/a b`],
      profileId: id,
    });
    expect(out).toMatchObject({
      ok: false,
      error: { code: 'AMBIGUOUS_REFERENCE', candidates: [`s3://${bucket}/twins/a`, `s3://${bucket}/twins/a b`] },
    });
  });

  it('attack: a candidate naming another bucket the same credentials can read is never signed', async () => {
    // The profile's key can read every bucket of this RGW user; only its own bucket is covered.
    const other = uniqueBucket('other');
    await testS3Client().send(new CreateBucketCommand({ Bucket: other }));
    await testS3Client().send(new PutObjectCommand({ Bucket: other, Key: 'secret.txt', Body: 'no' }));
    const before = await keys();
    const out = await signWorkingLink(service, {
      ref: `s3://${bucket}/nothing-here`,
      candidates: [`s3://${other}/secret.txt`, `${testS3().endpoint}/${other}/secret.txt`],
      profileId: id,
    });
    expect(out).toMatchObject({ ok: false, error: { code: 'NO_SUCH_OBJECT' } });
    expect(JSON.stringify(out)).not.toContain('X-Amz-Signature');
    expect(await keys()).toEqual(before);
  });

  it('when no reading exists, says so for the first one', async () => {
    const out = await signWorkingLink(service, {
      ref: `s3://${bucket}/dossiers/hiver`,
      candidates: [`s3://${bucket}/dossiers/hiver 2026.txt`],
      profileId: id,
    });
    expect(out).toMatchObject({ ok: false, error: { code: 'NO_SUCH_OBJECT' } });
    expect(!out.ok && out.error.message).toContain(`s3://${bucket}/dossiers/hiver.`);
    expect(await keys()).toEqual([`${id}:dossiers/été 2026.txt`, `${id}:twins/a`]);
  });
});
