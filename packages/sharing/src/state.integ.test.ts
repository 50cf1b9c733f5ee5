// The sharing engine's state against the real thing: the OS keychain (gnome-keyring on a
// private D-Bus, scripts/with-keyring.sh), concurrent writer processes and crashes on the
// history journal, and link checks against RGW (a real SigV4-checking S3 server).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Presigner } from '@signet/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';
import type { LinkRecord } from './api.js';
import { checkLink } from './check/index.js';
import { LinkHistory } from './history/index.js';
import { SecretStore } from './secrets/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '../../..');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

/** Writes a throw-away TypeScript module for a child process (tsx runs it as ESM). */
function scriptFile(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'signet-child-')), 'child.mts');
  writeFileSync(file, source);
  return file;
}

function record(id: string, key = `k/${id}`): LinkRecord {
  const now = Date.now();
  return {
    id, createdAt: new Date(now).toISOString(), source: 'cli', profileId: 'p', kind: 's3', method: 'GET', bucket: 'b-1', key, options: {},
    expiresAt: new Date(now + 3600_000).toISOString(), effectiveExpiresAt: new Date(now + 3600_000).toISOString(), warnings: [],
  };
}

describe('keychain', () => {
  it('a locked keychain gives KEYCHAIN_LOCKED with what to do, and nothing is written to a file', async () => {
    const store = new SecretStore({ service: 'SignetLockTest' });
    await store.setAwsSecret('p1', { accessKeyId: 'AKIALOCK', secretAccessKey: 'locked-secret-value' });
    execFileSync('gdbus', ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', '--method', 'org.freedesktop.Secret.Service.Lock', "['/org/freedesktop/secrets/collection/login']"]);
    try {
      const err = await store.getAwsCredentials('p1').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'KEYCHAIN_LOCKED' });
      expect((err as Error).message).toMatch(/keychain is locked.*Unlock it/);
      expect((err as Error).message).not.toContain('locked-secret-value');
    } finally {
      // unlock again for the other tests: restart the daemon with the test keyring's password
      spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--replace'], { input: process.env.SIGNET_TEST_KEYRING_PASSWORD ?? '' });
      await new Promise((r) => setTimeout(r, 500));
    }
    expect((await store.getAwsCredentials('p1'))?.secretAccessKey).toBe('locked-secret-value');
  });

  it('no Secret Service at all gives KEYCHAIN_UNAVAILABLE, never a file fallback', () => {
    const script = `import { SecretStore } from ${JSON.stringify(join(here, 'secrets/index.ts'))};
      new SecretStore({ service: 'SignetNoBus' }).setAwsSecret('p', { accessKeyId: 'A', secretAccessKey: 'nobus-secret' })
        .then(() => console.log('STORED'), (e) => console.log(e.code + ': ' + e.message));`;
    const home = mkdtempSync(join(tmpdir(), 'nobus-'));
    const r = spawnSync(tsx, [scriptFile(script)], { env: { PATH: process.env.PATH, HOME: home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }, encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout).toMatch(/^KEYCHAIN_UNAVAILABLE: The OS keychain is not available.*never falls back to a plain file/);
    expect(spawnSync('grep', ['-rl', 'nobus-secret', home], { encoding: 'utf8' }).stdout).toBe('');
  });
});

describe('history journal', () => {
  it('two writer processes at once lose nothing and corrupt nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hist-'));
    const writer = (tag: string) => `import { LinkHistory } from ${JSON.stringify(join(here, 'history/index.ts'))};
      const h = new LinkHistory(${JSON.stringify(dir)});
      const now = Date.now();
      for (let i = 0; i < 300; i++) {
        await h.append({ id: '${tag}-' + i, createdAt: new Date(now).toISOString(), source: 'cli', profileId: 'p', kind: 's3', method: 'GET', bucket: 'b-1', key: 'k', options: {},
          expiresAt: new Date(now + 3600000).toISOString(), effectiveExpiresAt: new Date(now + 3600000).toISOString(), warnings: [] }, 'https://x/' + i);
      }`;
    const run = (tag: string) =>
      new Promise<number>((resolve) => spawn(tsx, [scriptFile(writer(tag))], { stdio: 'inherit' }).on('exit', (c) => resolve(c ?? -1)));
    expect(await Promise.all([run('desktop'), run('cli')])).toEqual([0, 0]);
    const h = new LinkHistory(dir);
    const state = await h.read();
    expect(state.damagedLines).toEqual([]);
    expect(state.records).toHaveLength(600);
    expect(new Set(state.records.map((r) => r.id)).size).toBe(600);
  });

  it('a writer killed mid-write leaves at most one torn line, which is reported and kept; later writes stay readable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hist-crash-'));
    const script = `import { LinkHistory } from ${JSON.stringify(join(here, 'history/index.ts'))};
      const h = new LinkHistory(${JSON.stringify(dir)});
      for (let i = 0; ; i++) await h.append({ id: 'c' + i, createdAt: new Date().toISOString(), source: 'cli', profileId: 'p', kind: 's3', method: 'GET', bucket: 'b-1', key: 'x'.repeat(200000), options: {},
        expiresAt: new Date(Date.now() + 3600000).toISOString(), effectiveExpiresAt: new Date(Date.now() + 3600000).toISOString(), warnings: [] }, 'https://x/' + i);`;
    // large entries make a kill during a write likely
    // node itself runs the writer (not the tsx wrapper), so SIGKILL really kills the writer
    const child = spawn(process.execPath, ['--import', 'tsx', scriptFile(script)], { stdio: 'ignore', cwd: repoRoot });
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // simulate the worst case explicitly as well: a torn last line
    appendFileSync(join(dir, 'history.jsonl'), '{"op":"add","record":{"id":"torn"');
    const h = new LinkHistory(dir);
    const before = await h.read();
    expect(before.records.length).toBeGreaterThan(0);
    expect(before.damagedLines.length).toBeGreaterThanOrEqual(1);
    expect(before.damagedLines.length).toBeLessThanOrEqual(2);
    await h.append(record('after-crash'), 'https://x/after');
    const after = await h.read();
    expect(after.records.map((r) => r.id)).toContain('after-crash');
    expect(after.damagedLines.length).toBe(before.damagedLines.length);
    expect(readFileSync(join(dir, 'history.jsonl'), 'utf8')).toContain('{"op":"add","record":{"id":"torn"');
    // a stale lock left by the killed writer does not block anyone
    await h.append(record('after-lock'), 'https://x/2');
    expect((await h.list()).map((r) => r.id)).toContain('after-lock');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a damaged history file is reported and preserved, never reset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hist-bad-'));
    writeFileSync(join(dir, 'history.jsonl'), 'garbage line\n\u0000\u0001binary\n');
    const h = new LinkHistory(dir);
    expect((await h.read()).damagedLines).toEqual([1, 2]);
    await h.append(record('ok'), 'https://x');
    expect(readFileSync(join(dir, 'history.jsonl'), 'utf8').startsWith('garbage line\n\u0000\u0001binary\n')).toBe(true);
    expect((await h.list()).map((r) => r.id)).toEqual(['ok']);
  });
});

describe('checkLink against RGW', () => {
  const bucket = uniqueBucket('check');
  let presign: (key: string, o?: { now?: Date; expiresIn?: number; secret?: string; bucket?: string }) => string;
  beforeAll(async () => {
    const s3 = testS3();
    const client = testS3Client();
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'here.txt', Body: 'x' }));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'secret/denied.txt', Body: 'x' }));
    await client.send(new PutBucketPolicyCommand({
      Bucket: bucket,
      Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/secret/*` }] }),
    }));
    presign = (key, o = {}) => {
      const now = o.now ?? new Date();
      return createS3Presigner({ credentials: { ...s3, secretAccessKey: o.secret ?? s3.secretAccessKey }, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true })
        .presignSync({ bucket: o.bucket ?? bucket, key, now, expiresAt: new Date(now.getTime() + (o.expiresIn ?? 300) * 1000) }).url;
    };
  });

  it.each([
    ['a working link', () => presign('here.txt'), 'ok'],
    ['a wrong secret', () => presign('here.txt', { secret: 'wrong' }), 'signature-mismatch'],
    ['an expired link', () => presign('here.txt', { now: new Date(Date.now() - 120_000), expiresIn: 60 }), 'expired'],
    ['a missing key', () => presign('nope.txt'), 'no-such-key'],
    ['a missing bucket', () => presign('x.txt', { bucket: 'no-such-bucket-xyz' }), 'no-such-bucket'],
    ['a bucket policy Deny', () => presign('secret/denied.txt'), 'access-denied'],
  ])('%s → %s, in words', async (_what, make, status) => {
    const r = await checkLink(make());
    expect(r.status, r.message).toBe(status);
    expect(r.ok).toBe(status === 'ok');
    expect(r.message).toMatch(status === 'ok' ? /works/ : /\. .{10,}/); // what happened, then what to do
  });

  // RGW accepts a presigned link signed hours in the future (it only checks the expiry) and is
  // not CloudFront, so these classes are checked against a local stand-in server, not RGW.
  it('classes RGW cannot produce (CloudFront untrusted key, clock skew, unreachable) — a local stand-in server, not RGW', async () => {
    const srv = createServer((req, res) => {
      if (req.url?.startsWith('/skew')) {
        res.writeHead(403, { 'content-type': 'text/xml', date: new Date(Date.now() - 3 * 3600_000).toUTCString() });
        res.end('<Error><Code>AccessDenied</Code></Error>');
        return;
      }
      if (req.url?.startsWith('/tooskewed')) {
        res.writeHead(403, { 'content-type': 'text/xml' });
        res.end('<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>');
        return;
      }
      res.writeHead(403, { 'content-type': 'text/xml' });
      res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Key-Pair-Id is not in a trusted key group</Message></Error>');
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as AddressInfo).port;
    expect((await checkLink(`http://127.0.0.1:${port}/x?Expires=9999999999&Signature=a&Key-Pair-Id=K1`)).status).toBe('cloudfront-key-untrusted');
    const skew = await checkLink(`http://127.0.0.1:${port}/skew`);
    expect(skew.status).toBe('clock-skew');
    expect(skew.clockSkewMs).toBeLessThan(-2 * 3600_000);
    expect((await checkLink(`http://127.0.0.1:${port}/tooskewed`)).status).toBe('clock-skew');
    srv.close();
    expect((await checkLink(`http://127.0.0.1:${port}/x`, { timeoutMs: 2000 })).status).toBe('unreachable');
  });
});
