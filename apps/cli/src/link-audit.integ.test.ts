// Found by trying issue 10 as a new user, through the built CLI against RGW:
//   - a default Signet profile covers a bucket, and `signet link s3://bucket/dir/ --folder-marker`
//     asks for the marker object: the profile must sign it (it went to the AWS chain and failed
//     with "No AWS credentials found");
//   - AWS_PROFILE names a profile without keys while AWS_ACCESS_KEY_ID is set: one sentence that
//     says so (it printed the SDK's 9-line warning, then "Set AWS_ACCESS_KEY_ID…" although it was);
//   - --endpoint on a service whose host names its region (B2) signs for that region, not AWS_REGION;
//   - `profile add --endpoint <B2/Wasabi host>` without --region saves that region (it saved
//     us-east-1, so the profile's uploads and test signed for another region than its links).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, uniqueBucket } from '../../../scripts/test-support/s3.js';
import {
  addRgwProfile,
  buildCli,
  cliWithBucket,
  runSignet,
  sealedCliEnv,
} from '../../../scripts/test-support/signet-cli.js';

describe('signet link: what a new user tried (issue 10 audit)', () => {
  const bucket = uniqueBucket('audit');
  const home = mkdtempSync(join(tmpdir(), 'signet-audit-cli-'));
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = await cliWithBucket(home, bucket, { endpoint: false, objects: { 'dir/': 'the marker' } });
  });

  it('--folder-marker on a bucket the default Signet profile covers: the profile signs, the link serves the marker', async () => {
    const add = runSignet(env, [
      'profile',
      'add',
      'lab',
      '--bucket',
      bucket,
      '--endpoint',
      testS3().endpoint,
      '--default-chain',
      '--default',
    ]);
    expect(add.code, add.err).toBe(0);
    // The AWS chain alone knows no endpoint: only the profile can make this link work.
    const r = runSignet(env, ['link', `s3://${bucket}/dir/`, '--folder-marker', '--expires', '5m']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('signed with Signet profile "lab"');
    expect(await (await fetch(r.out.trim())).text()).toBe('the marker');
  });

  it('AWS_PROFILE without keys while keys are in the environment: one sentence, no SDK warning', () => {
    const config = join(home, 'aws-config');
    writeFileSync(config, '[profile nokeys]\nregion = eu-north-1\n');
    const r = runSignet(env, ['link', `s3://${bucket}/a.txt`], {
      env: { AWS_PROFILE: 'nokeys', AWS_CONFIG_FILE: config, SIGNET_HOME: join(home, 'empty') },
    });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/AWS_PROFILE is "nokeys".*Unset AWS_PROFILE/);
  });

  it('profile add with a B2 or Wasabi endpoint and no --region takes the region from the host', () => {
    const cases: [string, string, string[]][] = [
      ['b2', 'https://s3.us-west-004.backblazeb2.com', []],
      ['wasabi', 'https://s3.eu-central-1.wasabisys.com', []],
      ['asked', 'https://s3.us-west-004.backblazeb2.com', ['--region', 'us-east-005']],
    ];
    for (const [id, endpoint, extra] of cases) {
      const add = runSignet(env, [
        'profile',
        'add',
        id,
        '--bucket',
        'media-bucket',
        '--endpoint',
        endpoint,
        '--default-chain',
        ...extra,
      ]);
      expect(add.code, add.err).toBe(0);
    }
    const region = (id: string) =>
      (JSON.parse(runSignet(env, ['profile', 'show', id]).out) as { profile: { region: string } }).profile.region;
    expect([region('b2'), region('wasabi'), region('asked')]).toEqual(['us-west-004', 'eu-central-1', 'us-east-005']);
  });

  it('bulk: a warning names the line it is about (in 10,000 lines "the object key has a .." alone says nothing)', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `s3://${bucket}/f${i}.txt`);
    lines[6_999] = `s3://${bucket}/a/../b.txt`;
    const r = runSignet(env, ['link', '-'], { input: lines.join('\n'), env: { SIGNET_HOME: join(home, 'empty') } });
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(10_000);
    expect(r.err).toMatch(/^signet: line 7000: warning: The object key has a "\." or "\.\." folder/m);
  });

  it('--endpoint on Backblaze B2 signs for the region in its host, whatever AWS_REGION says', () => {
    const r = runSignet(
      env,
      ['link', 's3://media-bucket/a.txt', '--endpoint', 'https://s3.us-west-004.backblazeb2.com'],
      {
        env: { AWS_REGION: 'eu-north-1', SIGNET_HOME: join(home, 'empty') },
      },
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^https:\/\/s3\.us-west-004\.backblazeb2\.com\/media-bucket\/a\.txt\?/);
    expect(r.out).toContain('%2Fus-west-004%2Fs3%2Faws4_request');
  });
});

describe('signet link --profile: a profile name that does not fit is a command-line mistake (exit 2)', () => {
  const home = mkdtempSync(join(tmpdir(), 'signet-audit-profile-'));
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    buildCli();
    env = sealedCliEnv(home, { endpoint: false });
    addRgwProfile((args) => runSignet(env, args), 'ceph', 'photos');
  });

  it('an AWS URL with --profile naming a custom-endpoint profile: exit 2, says which server each is on', () => {
    const r = runSignet(env, ['link', 'https://photos.s3.amazonaws.com/a.jpg', '--profile', 'ceph']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(/Profile "ceph" talks to .*, but the object is on AWS S3\. Use a profile for that server\./);
  });

  it('--profile naming no profile: exit 2 and the profiles there are', () => {
    const r = runSignet(env, ['link', 's3://photos/a.jpg', '--profile', 'nope']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toContain('There is no profile "nope". Profiles: ceph.');
  });

  it('several references with --profile naming no profile: still exit 2 (the flag is wrong for every line)', () => {
    const r = runSignet(env, ['link', 's3://photos/a.jpg', 's3://photos/b.jpg', '--profile', 'nope']);
    expect([r.code, r.out]).toEqual([2, '']);
  });
});
