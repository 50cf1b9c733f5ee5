// SIGNET_DEBUG=1 is for bug reports: its stack traces must point at the TypeScript sources
// (through the bundle's source maps), not at line 71,734 of one bundled file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/signet.mjs', import.meta.url));

function run(args: string[], debug: boolean) {
  const home = mkdtempSync(join(tmpdir(), 'signet-debug-'));
  return spawnSync(process.execPath, [bin, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      SIGNET_HOME: join(home, 'signet'),
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...(debug ? { SIGNET_DEBUG: '1' } : {}),
    },
    encoding: 'utf8',
  });
}

describe('SIGNET_DEBUG=1', () => {
  it('prints the code and a stack that names the TypeScript source files', () => {
    const r = run(['link', 'arn:aws:s3:::'], true);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/\[REF_UNSUPPORTED\]/);
    expect(r.stderr).toMatch(/packages\/core\/src\/refs\/[\w-]+\.ts:\d+/);
  });

  it('without it, a user sees one sentence and no stack', () => {
    const r = run(['link', 'arn:aws:s3:::'], false);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat \w/);
  });
});
