// Runs the built `signet` bundle as a user runs it (a child process), for the CLI integration
// tests. The environment is sealed: its own HOME and SIGNET_HOME, the test keychain's D-Bus,
// the local S3 server's keys, and no AWS config or instance metadata to find.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testS3 } from './s3.js';

export const cliDir = fileURLToPath(new URL('../../apps/cli/', import.meta.url));
export const signetBin = join(cliDir, 'dist', 'signet.mjs');

/** Rebuilds the bundle, so the tests run what the sources say. */
export function buildCli(): void {
  execFileSync(process.execPath, [join(cliDir, 'build.mjs')]);
}

/** The environment of a sealed CLI run with the local S3 server's keys (and endpoint, unless `endpoint: false`). */
export function sealedCliEnv(home: string, { endpoint = true }: { endpoint?: boolean } = {}): NodeJS.ProcessEnv {
  const s3 = testS3();
  return {
    PATH: process.env.PATH,
    HOME: home,
    SIGNET_HOME: join(home, 'signet'),
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_REGION: s3.region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    ...(endpoint ? { AWS_ENDPOINT_URL_S3: s3.endpoint } : {}),
  };
}

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** `signet …args` with `env` (plus `opts.env`), stdin from `opts.input`, in `opts.cwd`. */
export function runSignet(
  env: NodeJS.ProcessEnv,
  args: string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): CliRun {
  const r = spawnSync(process.execPath, [signetBin, ...args], {
    env: { ...env, ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
