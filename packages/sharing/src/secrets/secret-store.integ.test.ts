// SecretStore against a real Secret Service (gnome-keyring on a private D-Bus, from
// scripts/with-keyring.sh): every secret kind round-trips; the secret is provably in the Secret
// Service (secret-tool) and in no file; a locked, missing, provider-less or frozen keychain
// gives a clear error and writes nothing anywhere. Lock / no-bus / frozen cases each run in a
// child process with its own private D-Bus and keyring, so they never disturb other tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../api.js';
import { LinkHistory } from '../history/index.js';
import { ProfileStore } from '../profiles/index.js';
import { SecretStore } from './secret-store.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '../../../..');
const service = `SignetTest-${randomBytes(4).toString('hex')}`;
const lookup = (account: string, svc = service) =>
  spawnSync('secret-tool', ['lookup', 'service', svc, 'username', account], { encoding: 'utf8' }).stdout;
/** Every file under `dir` containing `needle` (grep -r: binary files included). */
const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => new Error('resolved'),
    (e: unknown) => e as Error,
  );
const filesContaining = (dir: string, needle: string) =>
  spawnSync('grep', ['-rlF', '--', needle, dir], { encoding: 'utf8' }).stdout.trim();

const rsaPem = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ecEncryptedPem = (passphrase: string) =>
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    .toString();

describe('SecretStore on the real Secret Service', () => {
  it('round-trips every secret kind; has*/delete; the values are in the Secret Service (secret-tool)', async () => {
    const s = new SecretStore({ service });
    const secret = `aws-secret-${randomBytes(8).toString('hex')}`;
    expect(await s.getAwsCredentials('work')).toBeNull();
    expect(await s.hasAwsSecret('work')).toBe(false);
    await s.setAwsSecret('work', { accessKeyId: 'AKIAWORK', secretAccessKey: secret });
    expect(await s.getAwsCredentials('work')).toEqual({ accessKeyId: 'AKIAWORK', secretAccessKey: secret });
    expect(JSON.parse(lookup('profile:work:aws'))).toEqual({ accessKeyId: 'AKIAWORK', secretAccessKey: secret });
    // temporary credentials: session token and expiry come back as given
    const token = `IQoJb3JpZ2luX2VjE${'x'.repeat(900)}`;
    await s.setAwsSecret('sts', {
      accessKeyId: 'ASIASTS',
      secretAccessKey: 'sts-secret',
      sessionToken: token,
      expiration: '2030-01-01T01:00:00+01:00',
    });
    expect(await s.getAwsCredentials('sts')).toEqual({
      accessKeyId: 'ASIASTS',
      secretAccessKey: 'sts-secret',
      sessionToken: token,
      expiration: new Date('2030-01-01T00:00:00Z'),
    });
    // CloudFront keys: RSA-2048, and an encrypted ECDSA P-256 key with its passphrase
    const rsa = rsaPem();
    expect(await s.setCloudFrontKey('cdn', rsa)).toMatchObject({ type: 'rsa', bits: 2048 });
    expect(await s.getCloudFrontKey('cdn')).toMatchObject({ type: 'rsa', bits: 2048 });
    expect(lookup('profile:cdn:cloudfront-key')).toBe(rsa.trim());
    const ec = ecEncryptedPem('pass phrase 1');
    await s.setCloudFrontKey('cdn-ec', ec, 'pass phrase 1');
    expect(await s.getCloudFrontKey('cdn-ec')).toMatchObject({ type: 'ec', bits: 256 });
    expect(lookup('profile:cdn-ec:cloudfront-passphrase')).toBe('pass phrase 1');
    // replacing an encrypted key by a plain one drops the stale passphrase
    await s.setCloudFrontKey('cdn-ec', rsa);
    expect(lookup('profile:cdn-ec:cloudfront-passphrase')).toBe('');
    expect(await s.hasCloudFrontKey('cdn-ec')).toBe(true);
    // link secrets (URLs with a session token)
    const url = `https://b.s3.amazonaws.com/k?X-Amz-Security-Token=${token}&X-Amz-Signature=abc`;
    await s.setLinkSecret('link-1', url);
    expect(await s.getLinkSecret('link-1')).toBe(url);
    expect(lookup('link:link-1')).toBe(url);
    await s.deleteLinkSecret('link-1');
    expect(await s.getLinkSecret('link-1')).toBeNull();
    await s.deleteLinkSecret('link-1'); // deleting twice is fine
    await s.deleteProfileSecrets('cdn-ec');
    expect(await s.hasCloudFrontKey('cdn-ec')).toBe(false);
    await s.deleteProfileSecrets('never-existed');
  });

  it('refuses what cannot work before storing anything: a public key, a wrong passphrase, a bad access key id', async () => {
    const s = new SecretStore({ service });
    const pub = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    await expect(s.setCloudFrontKey('bad', pub)).rejects.toMatchObject({ code: 'KEY_NOT_PRIVATE' });
    await expect(s.setCloudFrontKey('bad', ecEncryptedPem('right'), 'wrong')).rejects.toMatchObject({
      code: 'KEY_PASSPHRASE_WRONG',
    });
    const err = await failure(s.setAwsSecret('bad', { accessKeyId: 'has space', secretAccessKey: 'do-not-echo-me' }));
    expect(err).toMatchObject({ code: 'SECRET_INVALID', message: expect.stringMatching(/access key id looks wrong/) });
    expect(err.message).not.toContain('do-not-echo-me');
    expect(await s.hasCloudFrontKey('bad')).toBe(false);
    expect(await s.hasAwsSecret('bad')).toBe(false);
  });

  it('a damaged keychain item is reported without quoting it', async () => {
    execFileSync('secret-tool', ['store', '--label=damaged', 'service', service, 'username', 'profile:dmg:aws'], {
      input: '{"accessKeyId":"AKIA","secretAccessKey":"half-a-secret',
    });
    const err = await failure(new SecretStore({ service }).getAwsCredentials('dmg'));
    expect(err).toMatchObject({
      code: 'SECRET_INVALID',
      message: expect.stringMatching(/stored for profile "dmg" in the keychain are damaged\. Enter them again/),
    });
    expect(err.message).not.toContain('half-a-secret');
  });

  it('secrets are in no file: not in the config / data folder (profiles, history), nor in plain text in the keyring files', async () => {
    const home = mkdtempSync(join(tmpdir(), 'signet-home-'));
    const s = new SecretStore({ service });
    const awsSecret = `plain-aws-${randomBytes(12).toString('hex')}`;
    const token = `plain-token-${randomBytes(12).toString('hex')}`;
    const pem = rsaPem();
    const pemBody = pem.split('\n')[5]!; // a line from the middle of the key
    await new ProfileStore(home).save({
      id: 'work',
      bucket: 'reports',
      region: 'eu-west-1',
      link: { kind: 'cloudfront', domain: 'd111111abcdef8.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' },
    });
    await s.setAwsSecret('work', { accessKeyId: 'ASIAWORK', secretAccessKey: awsSecret, sessionToken: token });
    await s.setCloudFrontKey('work', pem);
    const end = new Date(Date.now() + 3600_000).toISOString();
    const record: LinkRecord = {
      id: 'l1',
      createdAt: new Date().toISOString(),
      source: 'cli',
      profileId: 'work',
      kind: 's3',
      method: 'GET',
      bucket: 'reports',
      key: 'a.pdf',
      options: {},
      expiresAt: end,
      effectiveExpiresAt: end,
      warnings: [],
    };
    const history = new LinkHistory(home, s);
    await history.append(
      record,
      `https://reports.s3.amazonaws.com/a.pdf?X-Amz-Security-Token=${token}&X-Amz-Signature=abc`,
    );
    expect(await history.getUrl('l1')).toContain(token); // retrievable, from the keychain
    for (const needle of [awsSecret, token, pemBody]) {
      expect(filesContaining(home, needle), needle).toBe('');
      // the keyring's own files (XDG_DATA_HOME/keyrings) are encrypted: no plain secret there either
      if (process.env.XDG_DATA_HOME) expect(filesContaining(process.env.XDG_DATA_HOME, needle)).toBe('');
    }
    expect(lookup('profile:work:aws')).toContain(awsSecret);
    expect(lookup('link:l1')).toContain(token);
  });
});

/**
 * Runs a TypeScript snippet in a child with its own D-Bus session. `keyring`: a gnome-keyring
 * unlocked with `password`; 'none': a bus with no services at all; 'no-bus': no D-Bus reachable.
 * The child prints what it finds; the parent checks it.
 */
function runIsolated(
  code: string,
  mode: 'keyring' | 'none' | 'no-bus',
  password = 'iso-pass',
): { stdout: string; stderr: string; home: string; data: string } {
  const base = mkdtempSync(join(tmpdir(), 'signet-iso-'));
  const [home, data, runtime] = ['home', 'data', 'run'].map((d) => join(base, d)) as [string, string, string];
  for (const d of [home, data, runtime]) mkdirSync(d, { mode: 0o700 });
  const script = join(base, 'child.mts');
  writeFileSync(
    script,
    `import { execFileSync, spawnSync } from 'node:child_process';
     import { SecretStore } from ${JSON.stringify(join(here, 'index.ts'))};
     const out = (k: string, v: unknown) => console.log(k + '=' + JSON.stringify(v));
     const attempt = (p: Promise<unknown>) => p.then((v) => ({ ok: v ?? true }), (e) => ({ code: e.code, message: e.message }));
     ${code}`,
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_DATA_HOME: data,
    XDG_RUNTIME_DIR: runtime,
    SIGNET_HOME: join(home, 'signet'),
    ISO_PASSWORD: password,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const node = `exec ${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(script)}`;
  let r;
  if (mode === 'no-bus') {
    r = spawnSync('bash', ['-c', node], {
      cwd: repoRoot,
      env: { ...env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(base, 'no-such-bus')}` },
      encoding: 'utf8',
      timeout: 60_000,
    });
  } else if (mode === 'none') {
    // A session bus with no service directories: nothing can be activated, no Secret Service.
    const config = join(base, 'bus.conf');
    writeFileSync(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${base}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>`,
    );
    r = spawnSync('dbus-run-session', [`--config-file=${config}`, '--', 'bash', '-c', node], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
  } else {
    r = spawnSync(
      'dbus-run-session',
      [
        '--',
        'bash',
        '-c',
        `printf %s "$ISO_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets --replace >/dev/null 2>&1; ${node}`,
      ],
      { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 },
    );
  }
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', home, data };
}
const results = (stdout: string) =>
  Object.fromEntries(
    stdout
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), JSON.parse(l.slice(l.indexOf('=') + 1)) as unknown]),
  );

describe('keychain faults (each in its own D-Bus session)', () => {
  it('a locked keychain: KEYCHAIN_LOCKED with what to do, fast, for reads and writes; unlocking with the password makes it work again', () => {
    const r = runIsolated(
      `const s = new SecretStore();
       await s.setAwsSecret('p', { accessKeyId: 'AKIALOCK', secretAccessKey: 'locked-secret-value' });
       // lock the login collection over D-Bus, as a screen lock or "Lock" in Seahorse does
       execFileSync('gdbus', ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', '--method', 'org.freedesktop.Secret.Service.Lock', "['/org/freedesktop/secrets/collection/login']"]);
       const t = Date.now();
       out('read', await attempt(s.getAwsCredentials('p')));
       out('ms', Date.now() - t);
       out('write', await attempt(s.setAwsSecret('p', { accessKeyId: 'AKIALOCK', secretAccessKey: 'new-value-while-locked' })));
       out('has', await attempt(s.hasAwsSecret('p')));
       // unlock: the daemon takes the login password again (as the desktop login does)
       spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--replace'], { input: process.env.ISO_PASSWORD });
       await new Promise((r) => setTimeout(r, 300));
       out('after', await attempt(s.getAwsCredentials('p').then((c) => c?.secretAccessKey)));`,
      'keyring',
    );
    const o = results(r.stdout) as Record<string, { code?: string; message?: string; ok?: unknown }>;
    expect(o.read, r.stderr).toMatchObject({
      code: 'KEYCHAIN_LOCKED',
      message: expect.stringMatching(
        /^Your keychain is locked: unlock it in your desktop's password manager \(Passwords and Keys \/ Seahorse.*\), then try again\.$/,
      ),
    });
    expect(o.ms as unknown as number).toBeLessThan(5000);
    expect(o.write).toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect(o.has).toMatchObject({ code: 'KEYCHAIN_LOCKED' }); // not a silent "no secret"
    expect(o.after).toEqual({ ok: 'locked-secret-value' });
    expect(r.stdout).not.toContain('new-value-while-locked');
    expect(filesContaining(r.home, 'new-value-while-locked')).toBe('');
    expect(filesContaining(r.home, 'locked-secret-value')).toBe('');
  });

  it('no D-Bus session: KEYCHAIN_UNAVAILABLE saying why, and nothing written to a file', () => {
    const r = runIsolated(
      `out('set', await attempt(new SecretStore().setAwsSecret('p', { accessKeyId: 'AKIANOBUS', secretAccessKey: 'nobus-secret' })));
      out('get', await attempt(new SecretStore().getAwsCredentials('p')));`,
      'no-bus',
    );
    const o = results(r.stdout) as Record<string, { code?: string; message?: string }>;
    expect(o.set, r.stderr).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringMatching(/no D-Bus session.*Signet never falls back to a plain file/),
    });
    expect(o.get).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(filesContaining(r.home, 'nobus-secret')).toBe('');
    expect(filesContaining(r.data, 'nobus-secret')).toBe('');
  });

  it('D-Bus but no Secret Service installed: KEYCHAIN_UNAVAILABLE naming what to install', () => {
    const r = runIsolated(
      `out('set', await attempt(new SecretStore().setAwsSecret('p', { accessKeyId: 'AKIANONE', secretAccessKey: 'noprovider-secret' })));`,
      'none',
    );
    const o = results(r.stdout) as Record<string, { code?: string; message?: string }>;
    expect(o.set, r.stdout + r.stderr).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringMatching(/no Secret Service is installed or running.*gnome-keyring or KeePassXC/),
    });
    expect(filesContaining(r.home, 'noprovider-secret')).toBe('');
  });

  it('a frozen Secret Service: KEYCHAIN_UNAVAILABLE within seconds, not a hang', () => {
    const r = runIsolated(
      `const s = new SecretStore();
       await s.setAwsSecret('p', { accessKeyId: 'AKIAFROZEN', secretAccessKey: 'frozen-secret' });
       const reply = execFileSync('gdbus', ['call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path', '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.GetConnectionUnixProcessID', 'org.freedesktop.secrets'], { encoding: 'utf8' });
       const pid = Number(/uint32 (\\d+)/.exec(reply)[1]);
       process.kill(pid, 'SIGSTOP');
       const t = Date.now();
       out('read', await attempt(s.getAwsCredentials('p')));
       out('ms', Date.now() - t);
       process.kill(pid, 'SIGCONT');`,
      'keyring',
    );
    const o = results(r.stdout) as Record<string, { code?: string; message?: string }>;
    expect(o.read, r.stdout + r.stderr).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringMatching(/did not answer\. Restart it/),
    });
    expect(o.ms as unknown as number).toBeLessThan(30_000);
  });
});
