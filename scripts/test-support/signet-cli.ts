// Runs the built `signet` bundle as a user runs it (a child process), for the CLI integration
// tests. The environment is sealed: its own HOME and SIGNET_HOME, the test keychain's D-Bus,
// the local S3 server's keys, and no AWS config or instance metadata to find. Also the set-up
// the suites share: a bucket to work in, a profile on the local S3 server or for CloudFront.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import { testS3, testS3Client, type TestS3 } from './s3.js';

export const cliDir = fileURLToPath(new URL('../../apps/cli/', import.meta.url));
export const signetBin = join(cliDir, 'dist', 'signet.mjs');

/** Rebuilds the bundle, so the tests run what the sources say. */
export function buildCli(): void {
  execFileSync(process.execPath, [join(cliDir, 'build.mjs')]);
}

/** AWS keys that sign nothing real, for suites that reach no S3 server (CloudFront, refusals). */
export const exampleKeys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret', region: 'us-east-1' };

interface SealOptions {
  /** AWS_ENDPOINT_URL_S3 set to the local S3 server (default true). */
  endpoint?: boolean;
  /** The test keychain's D-Bus address passed on (default true). */
  keychain?: boolean;
  /** These keys instead of the local S3 server's. */
  keys?: Omit<TestS3, 'endpoint'>;
}

/** The environment of a sealed CLI run in `home` (see SealOptions for what can differ). */
export function sealedCliEnv(
  home: string,
  { endpoint = true, keychain = true, keys }: SealOptions = {},
): NodeJS.ProcessEnv {
  const s3 = keys ?? testS3();
  return {
    PATH: process.env.PATH,
    HOME: home,
    SIGNET_HOME: join(home, 'signet'),
    ...(keychain ? { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS } : {}),
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_REGION: s3.region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    ...(endpoint ? { AWS_ENDPOINT_URL_S3: testS3().endpoint } : {}),
  };
}

/**
 * The usual start of a CLI suite: rebuilds the bundle (unless `build: false`), creates `bucket`
 * on the local S3 server with `objects` (key → body) in it, and returns `sealedCliEnv(home, opts)`.
 */
export async function cliWithBucket(
  home: string,
  bucket: string,
  { build = true, objects = {}, ...opts }: { build?: boolean; objects?: Record<string, string> } & SealOptions = {},
): Promise<NodeJS.ProcessEnv> {
  if (build) buildCli();
  const env = sealedCliEnv(home, opts);
  const client = testS3Client();
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [Key, Body] of Object.entries(objects)) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key, Body }));
  }
  return env;
}

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * `signet …args` with `env` (plus `opts.env`), stdin from `opts.input`, in `opts.cwd`; `opts.bin`
 * runs another bundle than dist/signet.mjs.
 */
export function runSignet(
  env: NodeJS.ProcessEnv,
  args: string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string; bin?: string } = {},
): CliRun {
  const r = spawnSync(process.execPath, [opts.bin ?? signetBin, ...args], {
    env: { ...env, ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `run(args)`, and the test fails (with what the CLI said) unless it exits 0. */
export function expectOk(run: (args: string[]) => CliRun, args: string[]): CliRun {
  const r = run(args);
  expect(r.code, r.err).toBe(0);
  return r;
}

/** `signet profile add <id>` for `bucket` on the local S3 server (path style), credentials not yet said. */
export function rgwProfileArgs(id: string, bucket: string): string[] {
  return ['profile', 'add', id, '--bucket', bucket, '--endpoint', testS3().endpoint, '--path-style'];
}

/**
 * `signet profile add <id>` for `bucket` on the local S3 server (path style, the default AWS
 * chain), plus the `extra` flags; the test fails unless it exits 0.
 */
export function addRgwProfile(
  run: (args: string[]) => CliRun,
  id: string,
  bucket: string,
  extra: string[] = [],
): CliRun {
  return expectOk(run, [...rgwProfileArgs(id, bucket), '--default-chain', ...extra]);
}

/** Writes a new 2048-bit RSA private key (PKCS#1 PEM), as CloudFront key pairs use, to `path`. */
export function writeRsaKey(path: string): void {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(path, privateKey.export({ type: 'pkcs1', format: 'pem' }));
}

/**
 * `signet profile add <id>` for CloudFront links through `domain` (bucket media-bucket, key pair
 * K2JCJMDEHXQW5F, the default AWS chain), plus the `extra` flags, then `signet key import` of a
 * new key written to `pem`; the test fails unless both exit 0.
 */
export function addCloudFrontProfile(
  run: (args: string[]) => CliRun,
  id: string,
  { domain, pem, extra = [] }: { domain: string; pem: string; extra?: string[] },
): void {
  expectOk(run, [
    'profile',
    'add',
    id,
    '--bucket',
    'media-bucket',
    '--cloudfront-domain',
    domain,
    '--key-pair-id',
    'K2JCJMDEHXQW5F',
    '--default-chain',
    ...extra,
  ]);
  writeRsaKey(pem);
  expectOk(run, ['key', 'import', pem, '--profile', id]);
}
