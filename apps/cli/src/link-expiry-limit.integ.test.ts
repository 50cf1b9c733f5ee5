// Issue 11 item 13 in `signet link --profile`: `-e 999999w` ends past the year 9999, whose ISO
// form (+021192-…) the CLI handed to the sharing engine, which refused it as "neither a duration
// nor a date-time" — an error about a string the user never typed. It must say what the limit is
// (EXPIRY_TOO_LONG) and exit 2, like any other bad value. Built CLI as a child process, profiles
// and the CloudFront key in the test keychain; nothing is signed, so no server is needed.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const bin = join(cliDir, 'dist', 'signet.mjs');

describe('signet link --profile: expiries past the year 9999', () => {
  const home = mkdtempSync(join(tmpdir(), 'signet-link-expiry-'));
  const cdn = `cdn${Date.now().toString(36)}`;
  const plain = `s3p${Date.now().toString(36)}`;
  let env: NodeJS.ProcessEnv;
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  const ok = (args: string[]) => {
    const r = run(args);
    expect(r.status, r.stderr).toBe(0);
  };

  beforeAll(() => {
    execFileSync(process.execPath, [join(cliDir, 'build.mjs')]);
    env = {
      PATH: process.env.PATH,
      HOME: home,
      SIGNET_HOME: join(home, 'signet'),
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    };
    ok(
      [
        'profile',
        'add',
        cdn,
        '--bucket',
        'media-bucket',
        '--cloudfront-domain',
        'd111111abcdef8.cloudfront.net',
      ].concat(['--key-pair-id', 'K2JCJMDEHXQW5F', '--default-chain']),
    );
    const pem = join(home, 'cf.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(pem, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    ok(['key', 'import', pem, '--profile', cdn]);
    ok(['profile', 'add', plain, '--bucket', 'plain-bucket', '--default-chain']);
  }, 60_000);

  afterAll(() => {
    run(['profile', 'remove', cdn]);
    run(['profile', 'remove', plain]);
    rmSync(home, { recursive: true, force: true });
  });

  it.each(['999999w', '9999999w'])('a CloudFront profile and -e %s: the 10-year limit, exit 2', (e) => {
    const r = run(['link', 's3://media-bucket/report.pdf', '--profile', cdn, '-e', e]);
    expect(r.stderr).toMatch(/CloudFront links from Signet live at most 10 years/);
    expect(r.stderr).not.toMatch(/neither a duration nor a date-time|\+0\d{5}-/);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });

  it('an S3 profile and -e 999999w: the 7-day limit, exit 2', () => {
    const r = run(['link', 's3://plain-bucket/report.pdf', '--profile', plain, '-e', '999999w']);
    expect(r.stderr).toMatch(/S3 presigned links live at most 7 days/);
    expect(r.status).toBe(2);
  });

  it('within the limit the CloudFront link is made', () => {
    const r = run(['link', 's3://media-bucket/report.pdf', '--profile', cdn, '-e', '520w']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^https:\/\/d111111abcdef8\.cloudfront\.net\/report\.pdf\?/);
  });
});
