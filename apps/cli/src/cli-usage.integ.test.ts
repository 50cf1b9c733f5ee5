// The CLI as a tool you install and script against: on PATH after set-up, relative paths from
// where the user stands with `pnpm -s signet`, exit code 2 for every usage error and bad value,
// the `aws s3 presign` spellings (--endpoint-url, --expires-in), and messages that say which
// file or which id they are about. Runs the built bundle; links are fetched from the local RGW.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3, uniqueBucket } from '../../../scripts/test-support/s3.js';
import {
  addRgwProfile,
  cliDir,
  cliWithBucket,
  runSignet,
  signetBin,
  writeRsaKey,
} from '../../../scripts/test-support/signet-cli.js';

const repoRoot = join(cliDir, '..', '..');

describe('signet as an installed tool', () => {
  const bucket = uniqueBucket('usage');
  const home = mkdtempSync(join(tmpdir(), 'signet-usage-'));
  const pem = join(home, 'cf.pem');
  let env: NodeJS.ProcessEnv;
  const signet = (args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) =>
    runSignet(env, args, { cwd: home, ...opts });

  beforeAll(async () => {
    env = await cliWithBucket(home, bucket, { endpoint: false, objects: { 'a.txt': 'alpha' } });
    writeRsaKey(pem);
    addRgwProfile(signet, 'rgw', bucket, ['--key-template', 'u/{uuid}/{name}']);
  });

  const cf = ['https://d111111abcdef8.cloudfront.net/x', '--key-pair-id', 'K2JCJMDEHXQW5F', '--private-key'];
  it.each([
    ['-e 8d on an S3 link', ['link', 's3://b-1/x', '-e', '8d'], /at most 7 days.*CloudFront/],
    ['an invalid bucket name', ['link', 's3://Bad_Bucket/x'], /not a valid S3 bucket name/],
    ['a bad --ip', ['link', ...cf, 'PEM', '--ip', '999.1.1.1'], /999\.1\.1\.1/],
    ['--ip on an S3 link', ['link', 's3://b-1/x', '--ip', '203.0.113.7'], /apply to CloudFront links/],
    ['a folder instead of an object', ['link', 's3://b-1/folder/'], /bucket or folder, not an object/],
    ['no command', [], /Usage: signet/],
    ['profile without a sub-command', ['profile'], /Usage: signet profile/],
    ['links url with a too-short id', ['links', 'url', 'ab'], /"ab" is too short.*at least 6 characters/],
    ['--expires-in that is not a number of seconds', ['link', 's3://b-1/x', '--expires-in', '1h'], /--expires-in/],
    ['--expires and --expires-in together', ['link', 's3://b-1/x', '-e', '1h', '--expires-in', '60'], /not both/],
    [
      '--endpoint and --endpoint-url together',
      ['link', 's3://b-1/x', '--endpoint', 'http://a', '--endpoint-url', 'http://b'],
      /not both/,
    ],
  ])('%s: exit 2 with a sentence on stderr, nothing on stdout', (_, args, message) => {
    const r = signet(args.map((a) => (a === 'PEM' ? pem : a)));
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.mjs:\d+/);
    expect(r.out).toBe('');
  });

  it('--help and --version still exit 0 on stdout', () => {
    for (const args of [['--help'], ['link', '--help'], ['profile', '--help'], ['--version']]) {
      const r = signet(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).not.toBe('');
    }
  });

  it('--endpoint-url and --expires-in (seconds), as aws s3 presign spells them, make a working link', async () => {
    const r = signet(['link', `s3://${bucket}/a.txt`, '--endpoint-url', testS3().endpoint, '--expires-in', '90']);
    expect(r.code, r.err).toBe(0);
    expect(new URL(r.out.trim()).searchParams.get('X-Amz-Expires')).toBe('90');
    expect(await (await fetch(r.out.trim())).text()).toBe('alpha');
  });

  it('PUT with a content type typed with extra spaces: the header printed for the uploader is the one RGW accepts', async () => {
    const r = signet([
      'link',
      `s3://${bucket}/up/typed.txt`,
      '--method',
      'PUT',
      '--content-type',
      'text/plain;  charset=utf-8',
      '--endpoint-url',
      testS3().endpoint,
    ]);
    expect(r.code, r.err).toBe(0);
    const header = /must send Content-Type: (.+) with the upload/.exec(r.err)?.[1];
    expect(header).toBe('text/plain; charset=utf-8');
    const put = await fetch(r.out.trim(), { method: 'PUT', body: 'typed', headers: { 'Content-Type': header! } });
    expect(put.status, await put.text()).toBe(200);
  });

  it('share: --download-name with several files is refused; --check names the file of each verdict', () => {
    const dir = join(home, 'two');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.txt'), '1');
    writeFileSync(join(dir, 'two.txt'), '2');
    const named = signet([
      'share',
      join(dir, 'one.txt'),
      join(dir, 'two.txt'),
      '-p',
      'rgw',
      '--download-name',
      'x.txt',
    ]);
    expect(named.code).toBe(2);
    expect(named.err).toMatch(/--download-name names one file/);
    const folder = signet(['share', dir, '-p', 'rgw', '--download-name', 'x.txt']);
    expect(folder.code).toBe(2);
    const checked = signet(['share', dir, '-p', 'rgw', '--check']);
    expect(checked.code, checked.err).toBe(0);
    const verdicts = checked.err.split('\n').filter((l) => l.includes('check'));
    expect(verdicts).toHaveLength(2);
    expect(verdicts.some((l) => /one\.txt.*check ok/.test(l))).toBe(true);
    expect(verdicts.some((l) => /two\.txt.*check ok/.test(l))).toBe(true);
  });

  it('setup puts signet on PATH (npm links the checkout), and running it twice changes nothing', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'signet-prefix-'));
    const run = () =>
      spawnSync('bash', [join(repoRoot, 'scripts', 'link-cli.sh')], {
        env: { ...process.env, NPM_CONFIG_PREFIX: prefix, PATH: `${join(prefix, 'bin')}:${process.env.PATH}` },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(realpathSync(join(prefix, 'bin', 'signet'))).toBe(realpathSync(signetBin));
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/already on PATH/);
    // Found by name on PATH, as a user's shell finds it.
    const v = spawnSync('bash', ['-c', 'command -v signet && signet --version'], {
      env: { ...env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}` },
      encoding: 'utf8',
    });
    expect(v.stdout.split('\n')[0]).toBe(join(prefix, 'bin', 'signet'));
    expect(v.stdout.split('\n')[1]).toBe('0.1.0');
    expect(readlinkSync(join(prefix, 'bin', 'signet'))).toContain('signet.mjs');
    rmSync(prefix, { recursive: true, force: true });
  });

  describe('pnpm -s signet from a folder inside the repository', () => {
    // pnpm runs root scripts in the repository root; INIT_CWD says where the user stood.
    const here = mkdtempSync(join(repoRoot, 'node_modules', '.signet-init-cwd-'));
    afterAll(() => rmSync(here, { recursive: true, force: true }));

    it('resolves a relative --private-key from where the user stands', () => {
      writeFileSync(join(here, 'mine.pem'), execFileSync('cat', [pem]));
      const r = spawnSync(
        'pnpm',
        [
          '-s',
          'signet',
          'link',
          'https://d111111abcdef8.cloudfront.net/x',
          '--key-pair-id',
          'K2JCJMDEHXQW5F',
          '--private-key',
          'mine.pem',
        ],
        { cwd: here, env: { ...env, PATH: process.env.PATH }, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^https:\/\/d111111abcdef8\.cloudfront\.net\/x\?Expires=/);
    });
  });
});
