// `signet link` without --profile, through the built CLI against RGW: region and endpoint come
// from the AWS configuration as the AWS CLI reads it (AWS_PROFILE, ~/.aws/config with its
// services section), an unknown AWS_PROFILE is one sentence, a Signet profile that covers the
// bucket signs (and says so), and a pasted link to an old version still serves the old bytes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import { addRgwProfile, buildCli, runSignet } from '../../../scripts/test-support/signet-cli.js';

describe('signet link with the AWS configuration', () => {
  const bucket = uniqueBucket('awscfg');
  const covered = uniqueBucket('covered');
  const home = mkdtempSync(join(tmpdir(), 'signet-awscfg-cli-'));
  let env: NodeJS.ProcessEnv;
  let oldVersion: string;

  const signet = (args: string[], extra: NodeJS.ProcessEnv = {}) => runSignet(env, args, { env: extra });

  beforeAll(async () => {
    buildCli();
    const s3 = testS3();
    mkdirSync(join(home, '.aws'));
    writeFileSync(
      join(home, '.aws', 'config'),
      [
        '[default]',
        'region = us-west-2',
        '',
        '[profile lab]',
        'region = eu-west-3',
        'services = lab-s3',
        '',
        '[services lab-s3]',
        's3 =',
        `  endpoint_url = ${s3.endpoint}`,
        '',
      ].join('\n'),
    );
    // Credentials as the AWS CLI keeps them: per profile, in ~/.aws/credentials.
    const keys = `aws_access_key_id = ${s3.accessKeyId}\naws_secret_access_key = ${s3.secretAccessKey}\n`;
    writeFileSync(join(home, '.aws', 'credentials'), `[default]\n${keys}\n[lab]\n${keys}`);
    env = {
      PATH: process.env.PATH,
      HOME: home,
      SIGNET_HOME: join(home, 'signet'),
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const admin = testS3Client();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    await admin.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const v1 = await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes.txt', Body: 'version one' }));
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes.txt', Body: 'version two' }));
    oldVersion = v1.VersionId!;
    await admin.send(new CreateBucketCommand({ Bucket: covered }));
    await admin.send(new PutObjectCommand({ Bucket: covered, Key: 'a.txt', Body: 'from the profile' }));
  });

  it('AWS_PROFILE: region from the profile, endpoint from its services section; the link works', async () => {
    const r = signet(['link', `s3://${bucket}/notes.txt`, '--expires', '5m'], { AWS_PROFILE: 'lab' });
    expect(r.code, r.err).toBe(0);
    const url = new URL(r.out.trim());
    expect(url.origin).toBe(new URL(testS3().endpoint).origin);
    expect(url.pathname).toBe(`/${bucket}/notes.txt`);
    expect(url.searchParams.get('X-Amz-Credential')).toContain('/eu-west-3/s3/aws4_request');
    expect(await (await fetch(url)).text()).toBe('version two');
  });

  it('the default profile gives the region; AWS_REGION wins over it', () => {
    const d = signet(['link', `s3://${bucket}/x`, '--signing-date', '2026-11-22T10:00:00Z']);
    expect(d.code, d.err).toBe(0);
    expect(d.out).toContain('%2Fus-west-2%2Fs3%2F');
    expect(d.out).toMatch(/^https:\/\/[^/]+\.s3\.us-west-2\.amazonaws\.com\//);
    const e = signet(['link', `s3://${bucket}/x`, '--signing-date', '2026-11-22T10:00:00Z'], {
      AWS_REGION: 'ap-south-1',
    });
    expect(e.out).toContain('%2Fap-south-1%2Fs3%2F');
  });

  it('an unknown AWS_PROFILE is one clear sentence', () => {
    const r = signet(['link', `s3://${bucket}/notes.txt`], { AWS_PROFILE: 'lba' });
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/AWS_PROFILE is "lba", but .* have no such profile \(they have: default, lab\)/);
  });

  it('a pasted link to an old version, re-signed, still returns the old bytes', async () => {
    const pasted = `${testS3().endpoint}/${bucket}/notes.txt?versionId=${encodeURIComponent(oldVersion)}&X-Amz-Signature=00`;
    const r = signet(['link', pasted, '--expires', '5m'], { AWS_PROFILE: 'lab' });
    expect(r.code, r.err).toBe(0);
    expect(await (await fetch(r.out.trim())).text()).toBe('version one');
  });

  it('a Signet profile that covers the bucket signs without --profile, and says which', async () => {
    const keys = { AWS_ACCESS_KEY_ID: testS3().accessKeyId, AWS_SECRET_ACCESS_KEY: testS3().secretAccessKey };
    addRgwProfile((args) => signet(args, keys), 'lab-profile', covered, ['--default']);
    // AWS config points nowhere useful: only the profile knows where `covered` is.
    const r = signet(['link', `s3://${covered}/a.txt`, '--expires', '5m'], {
      ...keys,
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('signed with Signet profile "lab-profile"');
    expect(await (await fetch(r.out.trim())).text()).toBe('from the profile');
    const listed = signet(['links', '--json'], keys);
    expect(listed.out).toContain('a.txt');
    // A bucket no profile covers still goes the stateless way (AWS config of profile lab).
    const other = signet(['link', `s3://${bucket}/notes.txt`], { AWS_PROFILE: 'lab' });
    expect(other.code, other.err).toBe(0);
    expect(other.err).not.toContain('Signet profile');
  });
});
