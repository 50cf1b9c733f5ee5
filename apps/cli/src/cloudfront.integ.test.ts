// `signet cloudfront setup`, `signet doctor` and `signet cloudfront rotate-key` as a user runs
// them: the built bundle in a child process. CloudFront + STS → moto_server (started here,
// reached through AWS_ENDPOINT_URL_CLOUDFRONT / AWS_ENDPOINT_URL_STS); the bucket → RGW; the
// key → the real keychain (scripts/with-keyring.sh).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type RunningMoto } from '../../../scripts/test-support/moto.js';
import { testS3, uniqueBucket } from '../../../scripts/test-support/s3.js';
import { addRgwProfile, cliWithBucket, runSignet } from '../../../scripts/test-support/signet-cli.js';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
// Its own bundle (build.mjs takes an output folder): the other CLI suites rebuild dist/ while
// this one runs. Under node_modules/.cache so @napi-rs/keyring resolves and no tool sees it.
mkdirSync(join(cliDir, 'node_modules', '.cache'), { recursive: true });
const outdir = mkdtempSync(join(cliDir, 'node_modules', '.cache', 'signet-cf-test-'));
const bin = join(outdir, 'signet.mjs');

describe('signet cloudfront / doctor CLI (moto + RGW + keychain)', () => {
  const home = mkdtempSync(join(tmpdir(), 'signet-cfcli-'));
  const bucket = uniqueBucket('cfcli');
  let moto: RunningMoto;
  let env: NodeJS.ProcessEnv;
  const printed: string[] = [];
  function signet(args: string[]) {
    const r = runSignet(env, args, { bin });
    printed.push(r.out, r.err);
    return r;
  }

  beforeAll(async () => {
    execFileSync(process.execPath, [join(cliDir, 'build.mjs'), outdir]);
    moto = await startMoto();
    // Built above, into its own folder: no build here.
    env = { ...(await cliWithBucket(home, bucket, { endpoint: false, build: false })), ...moto.env };
    addRgwProfile(signet, 'cdn', bucket, ['--region', testS3().region]);
  });
  afterAll(async () => {
    await moto?.stop();
    rmSync(outdir, { recursive: true, force: true });
    expect(printed.filter((t) => t.includes('PRIVATE KEY') || t.includes(testS3().secretAccessKey))).toEqual([]);
    // The private key went to the keychain only: no file under HOME (profiles, history,
    // retirements) holds it.
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    const withKey = files(home).filter((f) => /PRIVATE KEY|BEGIN EC|BEGIN RSA/.test(readFileSync(f, 'latin1')));
    expect(files(home).length).toBeGreaterThan(0);
    expect(withKey).toEqual([]);
  });

  it('--dry-run prints the plan and exits 0; --create with --distribution is a usage error', () => {
    const r = signet(['cloudfront', 'setup', '--bucket', bucket, '--profile', 'cdn', '--create', '--dry-run']);
    console.log(`$ signet cloudfront setup --bucket ${bucket} --profile cdn --create --dry-run\n${r.out}${r.err}`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1\. Generate a new ECDSA P-256 key pair/m);
    expect(r.out).toContain('cloudfront:CreateDistribution');
    expect(r.err).toMatch(/Dry run: nothing was changed/);
    const bad = signet(['cloudfront', 'setup', '--bucket', bucket, '--create', '--distribution', 'E1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--create or --distribution/);
  });

  it('setup --create --wait, then doctor (text and --json), then a CloudFront link and a rotation', () => {
    const r = signet(['cloudfront', 'setup', '--bucket', bucket, '--profile', 'cdn', '--create', '--wait']);
    console.log(`$ signet cloudfront setup --bucket ${bucket} --profile cdn --create --wait\n${r.out}${r.err}`);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /now makes CloudFront links through \S+\.cloudfront\.net signed with key \w+\..*is deployed/s,
    );

    const doc = signet(['doctor', '--profile', 'cdn']);
    console.log(`$ signet doctor --profile cdn\n${doc.out}`);
    // moto drops the origin's OriginAccessControlId, so "Origin access" is the one problem: exit 1.
    expect(doc.code).toBe(1);
    expect(doc.out).toMatch(/ok +Signing key in the key group: .*the public half of the private key in the keychain/);
    expect(doc.out).toMatch(/PROBLEM +Origin access/);
    const json = JSON.parse(signet(['doctor', '--profile', 'cdn', '--json']).out) as { checks: { id: string }[] };
    expect(json.checks.map((c) => c.id)).toContain('download-names');

    const link = signet(['link', `s3://${bucket}/report.pdf`, '-p', 'cdn']);
    expect(link.code, link.err).toBe(0);
    const url = new URL(link.out.trim().split('\n').pop()!);
    expect(url.hostname).toMatch(/\.cloudfront\.net$/);
    expect(url.searchParams.get('Key-Pair-Id')).toMatch(/^[A-Z0-9]+$/);

    // Plain moto has no UpdateKeyGroup: the rotation fails at that call, rolls back, exits 1.
    const rot = signet(['cloudfront', 'rotate-key', '--profile', 'cdn']);
    expect(rot.code).toBe(1);
    expect(rot.err).toMatch(/Key rotation stopped at "Add it to key group/);
    const again = signet(['link', `s3://${bucket}/report.pdf`, '-p', 'cdn']);
    expect(new URL(again.out.trim().split('\n').pop()!).searchParams.get('Key-Pair-Id')).toBe(
      url.searchParams.get('Key-Pair-Id'),
    );
  });
});
