// Issue 11 item 13 at the bridge: an approved extension asked a live `signet serve` for a
// CloudFront link with `expires: "9999999w"` (valid by the protocol's grammar) and Signet minted
// a link expiring in the year 193,806, whose expiresAt the protocol cannot carry back. The built
// CLI runs as a child process with a CloudFront profile and a generated key in the test keychain;
// the request goes over the real framed protocol. It must be refused (EXPIRY_TOO_LONG) before
// anything is signed.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParamsOf } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type LiveServe } from '../../../scripts/test-support/live-serve.js';

const cliDir = fileURLToPath(new URL('..', import.meta.url));
const bin = join(cliDir, 'dist', 'signet.mjs');
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const DOMAIN = 'd111111abcdef8.cloudfront.net';

describe('signet serve: CloudFront expiry has an upper bound', () => {
  const home = mkdtempSync(join(tmpdir(), 'signet-serve-expiry-'));
  const socketPath = join(home, 'run', 'bridge.sock');
  let env: NodeJS.ProcessEnv;
  let serve: LiveServe | undefined;

  const signet = (args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [join(cliDir, 'build.mjs')]);
    env = {
      PATH: process.env.PATH,
      HOME: home,
      SIGNET_HOME: join(home, 'signet'),
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-used-for-cloudfront',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(home, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
    };
    const profile = `cdn${Date.now().toString(36)}`;
    signet([
      'profile',
      'add',
      profile,
      '--bucket',
      'media-bucket',
      '--cloudfront-domain',
      DOMAIN,
      '--key-pair-id',
      'K2JCJMDEHXQW5F',
      '--default-chain',
      '--default',
    ]);
    const pem = join(home, 'cf.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(pem, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    signet(['key', 'import', pem, '--profile', profile]);
    signet(['bridge', 'approve', ORIGIN]);
    serve = await startServe(env, socketPath, ORIGIN);
  }, 60_000);

  afterAll(() => {
    serve?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  const ask = (params: ParamsOf<'link'>) => serve!.askLink(params);

  it.each(['9999999w', '9999-12-31T23:59:59Z'])(
    'a link with expires %s is refused with EXPIRY_TOO_LONG and the limit in words',
    async (expires) => {
      const r = await ask({ ref: `https://${DOMAIN}/video.mp4`, expires });
      expect(r, JSON.stringify(r)).toMatchObject({
        ok: false,
        // The protocol's code for a bad value, with the desktop's own code kept alongside.
        error: {
          code: 'BAD_REQUEST',
          desktopCode: 'EXPIRY_TOO_LONG',
          message: expect.stringMatching(/at most 10 years/),
        },
      });
      expect(JSON.stringify(r)).not.toContain('Signature=');
    },
  );
});
