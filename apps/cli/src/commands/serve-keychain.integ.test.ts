// Issue 11 item 8 with the real keychain (gnome-keyring) and a real S3 server (RGW), in a D-Bus
// session of its own (locking it must not disturb the shared test keyring of other tests):
//  - a running `signet serve` notices when the keychain is locked after it signed once (its
//    cached signer kept signing before), and works again once it is unlocked;
//  - `signet profile remove` removes the profile's `link:<id>` keychain items (URLs of links that
//    carry the profile's session token) and says so.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { buildRelayHello, buildRequest, encodeFrame, FrameDecoder } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { buildCli, rgwProfileArgs, runSignet, signetBin } from '../../../../scripts/test-support/signet-cli.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
/** SIGNET_TEST_BIN runs another bundle (e.g. one built from an older commit, to see these fail). */
const bin = process.env.SIGNET_TEST_BIN ?? signetBin;
const PASSWORD = 'item8-pass';
const bucket = uniqueBucket('kc');
let base: string;
let env: NodeJS.ProcessEnv;
let session: ChildProcess;
let serve: ChildProcess | undefined;
let socketPath: string;

const signet = (args: string[], extra: NodeJS.ProcessEnv = {}) => runSignet(env, args, { env: extra, bin });
/** `signet profile add <id>` on RGW with the server's keys; the secret (and any `extra`) is kept in the keychain. */
const addKeyedProfile = (id: string, extra: NodeJS.ProcessEnv = {}) => {
  const s3 = testS3();
  return signet([...rgwProfileArgs(id, bucket), '--region', s3.region, '--access-key-id', s3.accessKeyId], {
    SIGNET_AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    ...extra,
  });
};
const lockKeychain = () =>
  execFileSync(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets',
      '--method',
      'org.freedesktop.Secret.Service.Lock',
      "['/org/freedesktop/secrets/collection/login']",
    ],
    { env },
  );
const unlockKeychain = () =>
  spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--replace'], { env, input: PASSWORD });
/** Keychain account names Signet holds (secret-tool search prints `attribute.username = …`). */
const accounts = () =>
  [
    ...spawnSync('secret-tool', ['search', '--all', 'service', 'Signet'], { env, encoding: 'utf8' }).stderr.matchAll(
      /attribute\.username = (.+)/g,
    ),
    ...spawnSync('secret-tool', ['search', '--all', 'service', 'Signet'], { env, encoding: 'utf8' }).stdout.matchAll(
      /attribute\.username = (.+)/g,
    ),
  ].map((m) => m[1]!.trim());

beforeAll(async () => {
  if (!process.env.SIGNET_TEST_BIN) buildCli();
  base = mkdtempSync(join(tmpdir(), 'signet-item8-'));
  for (const d of ['home', 'data', 'run']) mkdirSync(join(base, d), { mode: 0o700 });
  env = {
    PATH: process.env.PATH,
    HOME: join(base, 'home'),
    SIGNET_HOME: join(base, 'home', 'signet'),
    XDG_DATA_HOME: join(base, 'data'),
    XDG_RUNTIME_DIR: join(base, 'run'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(base, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(base, 'none'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  // A private session bus with its own unlocked gnome-keyring; the shell writes the bus address.
  session = spawn(
    'dbus-run-session',
    [
      '--',
      'bash',
      '-c',
      `printf %s '${PASSWORD}' | gnome-keyring-daemon --unlock --components=secrets --replace >/dev/null 2>&1; echo "$DBUS_SESSION_BUS_ADDRESS" > '${base}/bus'; exec sleep 600`,
    ],
    { env, stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 100 && !existsSync(join(base, 'bus')); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300));
  env.DBUS_SESSION_BUS_ADDRESS = readFileSync(join(base, 'bus'), 'utf8').trim();

  const client = testS3Client();
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'q3.txt', Body: 'quarterly' }));
  const work = addKeyedProfile('work');
  expect(work.code, work.err).toBe(0);
  const approved = signet(['bridge', 'approve', ORIGIN]);
  expect(approved.code, approved.err).toBe(0);
  socketPath = join(base, 'sock', 'bridge.sock');
}, 60_000);

afterAll(() => {
  serve?.kill('SIGTERM');
  if (session?.pid) {
    try {
      process.kill(-session.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(base, { recursive: true, force: true });
});

async function startServe(): Promise<void> {
  serve = spawn(process.execPath, [bin, 'serve', '--socket', socketPath], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    serve!.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Press Ctrl-C')) resolve();
    });
    serve!.once('exit', (code) => reject(new Error(`signet serve exited ${code}`)));
  });
}

/** One link request through the bridge socket, as the native host sends it. */
async function askLink(id: string): Promise<Record<string, unknown>> {
  const s = connect(socketPath);
  await new Promise<void>((r, j) => s.once('connect', r).once('error', j));
  const decoder = new FrameDecoder(1 << 20);
  const reply = new Promise<Record<string, unknown>>((resolve) =>
    s.on('data', (c: Buffer) => {
      for (const f of decoder.push(c)) if (f.ok) resolve(f.message as Record<string, unknown>);
    }),
  );
  s.write(encodeFrame(buildRelayHello(ORIGIN), 1 << 16));
  s.write(encodeFrame(buildRequest('link', id, { ref: `s3://${bucket}/q3.txt`, expires: '1h' }), 1 << 16));
  const r = await reply;
  s.destroy();
  return r;
}

describe('keychain and the running bridge (own gnome-keyring session)', () => {
  it('a running signet serve refuses to sign once the keychain is locked, and signs again once unlocked', async () => {
    await startServe();
    expect(await askLink('before')).toMatchObject({ id: 'before', ok: true });
    lockKeychain();
    await new Promise((r) => setTimeout(r, 1100)); // past the once-a-second keychain probe
    expect(await askLink('locked')).toMatchObject({
      id: 'locked',
      ok: false,
      error: { code: 'DESKTOP_ERROR', desktopCode: 'KEYCHAIN_LOCKED', message: expect.stringMatching(/locked/i) },
    });
    unlockKeychain();
    await new Promise((r) => setTimeout(r, 300));
    expect(await askLink('unlocked')).toMatchObject({ id: 'unlocked', ok: true });
  }, 60_000);

  it('profile remove also removes the link:<id> items of links made with its session token, and says so', () => {
    const added = addKeyedProfile('temp', { SIGNET_AWS_SESSION_TOKEN: 'item8-session-token' });
    expect(added.code, added.err).toBe(0);
    const link = signet(['link', '-p', 'temp', `s3://${bucket}/q3.txt`, '--expires', '1h']);
    expect(link.code, link.err).toBe(0);
    expect(link.out).toContain('X-Amz-Security-Token=item8-session-token');
    const linkItems = () => accounts().filter((a) => a.startsWith('link:'));
    expect(linkItems()).toHaveLength(1);
    const removed = signet(['profile', 'remove', 'temp']);
    expect(removed.code, removed.err).toBe(0);
    expect(removed.err).toMatch(
      /The URLs of 1 link made with its temporary credentials were removed from the keychain/,
    );
    expect(linkItems()).toEqual([]);
    expect(accounts()).toContain('profile:work:aws'); // the other profile's secret is untouched
  }, 60_000);
});
