// saveProfile(input, secrets) against the real keychain (gnome-keyring via scripts/with-keyring.sh):
// the secret is stored first, the profile saved next, and a failed save puts the keychain back as
// it was (no key for a profile that does not exist, the old key for one that does). No secret ever
// reaches a file. The save is made to fail for real: a damaged profiles.json (CONFIG_CORRUPT).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretStore } from '../secrets/index.js';
import { createSharingService } from '../service.js';

const keychain = `SignetTest-${randomBytes(4).toString('hex')}`;
const filesContaining = (dir: string, needle: string) =>
  spawnSync('grep', ['-rlF', '--', needle, dir], { encoding: 'utf8' }).stdout.trim();
const rsaPem = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'signet-save-'));
  const secrets = new SecretStore({ service: keychain });
  const service = createSharingService({ paths: { configDir: home, dataDir: home }, secrets });
  return { home, secrets, service };
}
const secret = () => ({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: `s3cr3t-${randomBytes(12).toString('hex')}`,
});
const ids: string[] = [];
const newId = () => {
  const id = `save-${randomBytes(4).toString('hex')}`;
  ids.push(id);
  return id;
};

afterAll(async () => {
  const s = new SecretStore({ service: keychain });
  for (const id of ids) await s.deleteProfileSecrets(id);
});

describe('saveProfile(input, secrets) on the real keychain', () => {
  it('stores the key and the profile; the key is in the keychain and in no file', async () => {
    const { home, secrets, service } = setup();
    const id = newId();
    const aws = secret();
    const saved = await service.saveProfile({ id, bucket: 'reports' }, { aws });
    expect(saved).toMatchObject({ profile: { id }, hasAwsSecret: true });
    expect((await secrets.getAwsCredentials(id))?.secretAccessKey).toBe(aws.secretAccessKey);
    expect(filesContaining(home, aws.secretAccessKey)).toBe('');
  });

  it('a new profile whose save fails leaves no key behind', async () => {
    const { home, secrets, service } = setup();
    const id = newId();
    const aws = secret();
    writeFileSync(join(home, 'profiles.json'), '{ not json');
    await expect(service.saveProfile({ id, bucket: 'reports' }, { aws })).rejects.toMatchObject({
      code: 'CONFIG_CORRUPT',
    });
    expect(await secrets.hasAwsSecret(id)).toBe(false);
    expect(filesContaining(home, aws.secretAccessKey)).toBe('');
  });

  it('an existing profile whose update fails keeps its old key (and its CloudFront key)', async () => {
    const { home, secrets, service } = setup();
    const id = newId();
    const old = secret();
    const pemPath = join(home, 'cf.pem');
    writeFileSync(pemPath, rsaPem());
    const link = { kind: 'cloudfront', domain: 'd111111abcdef8.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' };
    await service.saveProfile({ id, bucket: 'reports', link }, { aws: old, cloudFront: { pemPath } });
    const oldKey = (await secrets.getCloudFrontKey(id))?.type;
    expect(oldKey).toBe('rsa');

    const good = readFileSync(join(home, 'profiles.json'), 'utf8');
    writeFileSync(join(home, 'profiles.json'), '{ not json');
    const newer = secret();
    writeFileSync(
      pemPath,
      generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    await expect(
      service.saveProfile({ id, bucket: 'other', link }, { aws: newer, cloudFront: { pemPath } }),
    ).rejects.toMatchObject({ code: 'CONFIG_CORRUPT' });
    expect((await secrets.getAwsCredentials(id))?.secretAccessKey).toBe(old.secretAccessKey);
    expect((await secrets.getCloudFrontKey(id))?.type).toBe('rsa');
    writeFileSync(join(home, 'profiles.json'), good);
    expect((await service.getProfile(id)).profile.bucket).toBe('reports');
    expect(filesContaining(home, newer.secretAccessKey)).toBe('');
  });

  it('an invalid profile or an unusable key stores nothing', async () => {
    const { secrets, service, home } = setup();
    const id = newId();
    await expect(service.saveProfile({ id, bucket: 'Not A Bucket' }, { aws: secret() })).rejects.toMatchObject({
      code: 'PROFILE_INVALID',
    });
    expect(await secrets.hasAwsSecret(id)).toBe(false);
    const pemPath = join(home, 'bad.pem');
    writeFileSync(pemPath, 'not a key');
    const link = { kind: 'cloudfront', domain: 'd111111abcdef8.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' };
    await expect(
      service.saveProfile({ id, bucket: 'reports', link }, { aws: secret(), cloudFront: { pemPath } }),
    ).rejects.toMatchObject({ code: 'KEY_MALFORMED' });
    expect(await secrets.hasAwsSecret(id)).toBe(false);
    await expect(service.getProfile(id)).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });

  it('refuses a key the profile would not use, with what to do', async () => {
    const { service } = setup();
    const id = newId();
    await expect(
      service.saveProfile({ id, bucket: 'reports', credentials: { source: 'default-chain' } }, { aws: secret() }),
    ).rejects.toMatchObject({ code: 'SECRET_INVALID', message: expect.stringMatching(/keychain/) });
  });
});
