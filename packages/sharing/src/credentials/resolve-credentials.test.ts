// Credential sources against real AWS config files in a temp dir (AWS_CONFIG_FILE /
// AWS_SHARED_CREDENTIALS_FILE) and env variables; the AWS SDK providers run for real.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProfile, type AwsCredentials } from '@signet/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveCredentials, type AwsSecretSource } from './resolve-credentials.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const saved = { ...process.env };
const home = mkdtempSync(join(tmpdir(), 'signet-aws-'));
const config = join(home, 'config');
const credentials = join(home, 'credentials');

beforeAll(() => {
  // The SDK's chain also reads process.env: keep the runner's own AWS settings out, and never
  // wait for an EC2 metadata endpoint that is not there.
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.HOME = home;
  const processScript = join(home, 'cred-process.mjs');
  writeFileSync(
    processScript,
    `console.log(JSON.stringify({ Version: 1, AccessKeyId: 'ASIAPROCESS', SecretAccessKey: 'proc-secret', SessionToken: 'proc-token', Expiration: '2030-01-01T06:00:00Z' }));`,
  );
  writeFileSync(
    credentials,
    [
      '[static]',
      'aws_access_key_id = AKIASTATIC',
      'aws_secret_access_key = static-secret-value',
      '',
      '[halfway]',
      'aws_access_key_id = AKIAHALF',
      '',
    ].join('\n'),
  );
  writeFileSync(
    config,
    [
      '[profile temp]',
      `credential_process = ${process.execPath} ${processScript}`,
      '',
      '[profile sso-dev]',
      'sso_session = corp',
      'sso_account_id = 111122223333',
      'sso_role_name = Dev',
      'region = eu-west-1',
      '',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = eu-west-1',
      'sso_registration_scopes = sso:account:access',
      '',
      '[profile region-only]',
      'region = eu-north-1',
      '',
      '[profile from-env]',
      `credential_process = ${process.execPath} ${processScript}`,
      '',
    ].join('\n'),
  );
  // an SSO session whose token expired (what `aws sso login` leaves behind a day later)
  const cache = join(home, '.aws', 'sso', 'cache');
  mkdirSync(cache, { recursive: true });
  writeFileSync(
    join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`),
    JSON.stringify({
      accessToken: 'sso-access-token',
      expiresAt: '2020-01-01T00:00:00Z',
      region: 'eu-west-1',
      startUrl: 'https://corp.awsapps.com/start',
    }),
  );
});
afterAll(() => {
  process.env = saved;
});

const files = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
const profile = (credentials: unknown) =>
  parseProfile({ id: 'p', bucket: 'reports', region: 'eu-west-1', credentials });
const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => new Error('resolved'),
    (e: unknown) => e as Error,
  );
const vault = (c: AwsCredentials | null): AwsSecretSource => ({ getAwsCredentials: async () => c });

describe('resolveCredentials', () => {
  it('keychain: the stored key, with its expiry; none stored or expired → what to do', async () => {
    const c = {
      accessKeyId: 'AKIAKEY',
      secretAccessKey: 's',
      sessionToken: 't',
      expiration: new Date('2030-01-01T01:00:00Z'),
    };
    expect(await resolveCredentials(profile({ source: 'keychain' }), vault(c), {}, NOW)).toEqual(c);
    await expect(resolveCredentials(profile({ source: 'keychain' }), vault(null), {}, NOW)).rejects.toMatchObject({
      code: 'CREDENTIALS_MISSING',
      message: expect.stringMatching(/signet profile set-secret p/),
    });
    await expect(
      resolveCredentials(
        profile({ source: 'keychain' }),
        vault({ ...c, expiration: new Date('2029-12-31T23:00:00Z') }),
        {},
        NOW,
      ),
    ).rejects.toMatchObject({
      code: 'CREDENTIALS_EXPIRED',
      message: expect.stringMatching(/expired at 2029-12-31T23:00:00.000Z.*set-secret/),
    });
  });

  it('an AWS shared-config profile: static keys, or temporary ones whose expiration comes back', async () => {
    expect(
      await resolveCredentials(profile({ source: 'aws-profile', awsProfile: 'static' }), undefined, files, NOW),
    ).toEqual({ accessKeyId: 'AKIASTATIC', secretAccessKey: 'static-secret-value' });
    expect(
      await resolveCredentials(profile({ source: 'aws-profile', awsProfile: 'temp' }), undefined, files, NOW),
    ).toEqual({
      accessKeyId: 'ASIAPROCESS',
      secretAccessKey: 'proc-secret',
      sessionToken: 'proc-token',
      expiration: new Date('2030-01-01T06:00:00Z'),
    });
    // the same temporary credentials at a later time: refused, with the command that refreshes them
    await expect(
      resolveCredentials(
        profile({ source: 'aws-profile', awsProfile: 'temp' }),
        undefined,
        files,
        new Date('2030-01-02T00:00:00Z'),
      ),
    ).rejects.toMatchObject({
      code: 'CREDENTIALS_EXPIRED',
      message: expect.stringMatching(/aws sso login --profile temp/),
    });
  });

  it('an SSO profile whose session expired, a missing profile, an incomplete one: what to run, no values quoted', async () => {
    const sso = await failure(
      resolveCredentials(profile({ source: 'aws-profile', awsProfile: 'sso-dev' }), undefined, files, NOW),
    );
    expect(sso).toMatchObject({
      code: 'CREDENTIALS_MISSING',
      message: expect.stringMatching(/SSO session of profile "sso-dev" has expired.*aws sso login --profile sso-dev/),
    });
    const missing = await failure(
      resolveCredentials(profile({ source: 'aws-profile', awsProfile: 'nope' }), undefined, files, NOW),
    );
    expect(missing.message).toMatch(/no usable AWS profile "nope".*aws configure list-profiles/);
    const half = await failure(
      resolveCredentials(profile({ source: 'aws-profile', awsProfile: 'halfway' }), undefined, files, NOW),
    );
    expect(half).toMatchObject({ code: 'CREDENTIALS_MISSING' });
    for (const e of [sso, missing, half]) {
      expect(`${e.message} ${(e.cause as Error).message}`).not.toMatch(/sso-access-token|static-secret-value|AKIAHALF/);
    }
  });

  it('the default chain: env keys with AWS_SESSION_TOKEN and AWS_CREDENTIAL_EXPIRATION', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: 'ASIAENV',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
      AWS_SESSION_TOKEN: 'env-token',
      AWS_CREDENTIAL_EXPIRATION: '2030-01-01T02:00:00Z',
    };
    expect(await resolveCredentials(undefined, undefined, env, NOW)).toEqual({
      accessKeyId: 'ASIAENV',
      secretAccessKey: 'env-secret',
      sessionToken: 'env-token',
      expiration: new Date('2030-01-01T02:00:00Z'),
    });
    expect(await resolveCredentials(profile({ source: 'default-chain' }), undefined, env, NOW)).toMatchObject({
      accessKeyId: 'ASIAENV',
    });
    await expect(
      resolveCredentials(undefined, undefined, { ...env, AWS_CREDENTIAL_EXPIRATION: 'soon' }, NOW),
    ).rejects.toMatchObject({ message: expect.stringMatching(/AWS_CREDENTIAL_EXPIRATION is not a date-time/) });
    await expect(
      resolveCredentials(undefined, undefined, { ...env, AWS_CREDENTIAL_EXPIRATION: '2029-01-01T00:00:00Z' }, NOW),
    ).rejects.toMatchObject({ code: 'CREDENTIALS_EXPIRED' });
  });

  it('the default chain: AWS_PROFILE and the shared files, as the JS SDK does; nothing anywhere → what to configure', async () => {
    expect(
      await resolveCredentials(
        undefined,
        undefined,
        { ...files, AWS_PROFILE: 'static', AWS_ACCESS_KEY_ID: 'IGNORED', AWS_SECRET_ACCESS_KEY: 'x' },
        NOW,
      ),
    ).toMatchObject({ accessKeyId: 'AKIASTATIC' });
    expect(await resolveCredentials(undefined, undefined, { ...files, AWS_PROFILE: 'from-env' }, NOW)).toMatchObject({
      accessKeyId: 'ASIAPROCESS',
      expiration: new Date('2030-01-01T06:00:00Z'),
    });
    const none = { AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none') };
    await expect(resolveCredentials(undefined, undefined, none, NOW)).rejects.toMatchObject({
      code: 'CREDENTIALS_MISSING',
      message: expect.stringMatching(/No AWS credentials found/),
    });
  });

  it('AWS_PROFILE without keys while keys are in the environment: one sentence naming both, no raw SDK warning', async () => {
    // The SDK's chain reads the keys from process.env itself, so they must be there too.
    const env = {
      ...files,
      AWS_PROFILE: 'region-only',
      AWS_ACCESS_KEY_ID: 'AKIAENV',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    Object.assign(process.env, env);
    try {
      const err = await failure(resolveCredentials(undefined, undefined, env, NOW));
      expect(err.message).toMatch(/AWS_PROFILE is "region-only".*AWS_ACCESS_KEY_ID.*Unset AWS_PROFILE/);
      expect(err.message).not.toContain('env-secret');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
      warn.mockRestore();
    }
  });
});
