// Attacks on a live `signet serve` (the built bundle in a child process, as a user runs it),
// issue 11 items 3 and 5: floods of bad frames sent without reading the replies must not grow
// the server's memory without bound, idle connections must not lock a real client out, and
// deeply nested JSON must not crash it; and (item 7) 300 look-alike origins asking for approval
// raise one notification, not 300, and do not push the real request out of the pending list.
// The service behind the bridge is the real one with no profiles: these attacks never get as far
// as signing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelayHello, buildRequest, encodeFrame, FrameDecoder } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, signetBin } from '../../../../scripts/test-support/signet-cli.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
let home: string;
let socketPath: string;
let serve: ChildProcess;
let serveErr = '';
const open: Socket[] = [];

beforeAll(async () => {
  buildCli();
  home = await mkdtemp(join(tmpdir(), 'signet-serve-attack-'));
  socketPath = join(home, 'run', 'bridge.sock');
  // The flood tests' origin is approved, so the only approval requests are the look-alike test's.
  spawnSync(process.execPath, [signetBin, 'bridge', 'approve', ORIGIN], {
    env: { PATH: process.env.PATH, HOME: home, SIGNET_HOME: join(home, 'signet') },
  });
  serve = spawn(process.execPath, [signetBin, 'serve', '--socket', socketPath], {
    env: { PATH: process.env.PATH, HOME: home, SIGNET_HOME: join(home, 'signet') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stderr!.on('data', (c: Buffer) => (serveErr += c.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    serve.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Press Ctrl-C')) resolve();
    });
    serve.once('exit', (code) => reject(new Error(`signet serve exited ${code}: ${serveErr}`)));
  });
}, 60_000);

afterAll(async () => {
  for (const s of open.splice(0)) s.destroy();
  serve?.kill('SIGTERM');
  await rm(home, { recursive: true, force: true });
});

/** Resident memory of the serve process in MB (Linux /proc). */
function rssMb(): number {
  const status = readFileSync(`/proc/${serve.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function rawSocket(): Promise<Socket> {
  const s = connect(socketPath);
  open.push(s);
  s.on('error', () => {});
  await new Promise<void>((resolve, reject) => s.once('connect', resolve).once('error', reject));
  return s;
}

const closed = (s: Socket) => new Promise<void>((r) => (s.destroyed ? r() : s.once('close', () => r())));

/** A well-behaved native host: relayHello, then one hello request; resolves with the reply. */
async function realClient(): Promise<Record<string, unknown>> {
  const s = await rawSocket();
  const decoder = new FrameDecoder(1 << 20);
  const reply = new Promise<Record<string, unknown>>((resolve, reject) => {
    s.on('data', (c: Buffer) => {
      for (const f of decoder.push(c)) if (f.ok) resolve(f.message as Record<string, unknown>);
    });
    s.once('close', () => reject(new Error('the bridge closed a real client')));
  });
  s.write(encodeFrame(buildRelayHello(ORIGIN, '0.1.0'), 1 << 16));
  s.write(encodeFrame(buildRequest('hello', 'h1', { versions: [1] }), 1 << 16));
  const r = await reply;
  s.destroy();
  return r;
}

/** 20 MiB of empty frames (length 0), written without ever reading a reply. */
const EMPTY_FRAMES = Buffer.alloc(20 * 1024 * 1024);

describe('signet serve under attack', () => {
  it('closes a connection on its first bad frame before the handshake (no reply flood)', async () => {
    const before = rssMb();
    const s = await rawSocket();
    s.write(EMPTY_FRAMES);
    await Promise.race([closed(s), new Promise((r) => setTimeout(r, 5000))]);
    expect(s.destroyed || s.readableEnded, 'the bridge keeps a connection that sent garbage first').toBe(true);
    expect(rssMb() - before).toBeLessThan(100);
    expect(await realClient()).toMatchObject({ id: 'h1', ok: true });
  }, 30_000);

  it('stays bounded when an approved-looking peer floods bad frames and never reads', async () => {
    const before = rssMb();
    const s = await rawSocket();
    s.write(encodeFrame(buildRelayHello(ORIGIN), 1 << 16));
    s.write(EMPTY_FRAMES);
    // Long enough for an unbounded server to have answered millions of frames (it reached 3 GB).
    await new Promise((r) => setTimeout(r, 4000));
    const grown = rssMb() - before;
    console.log(`signet serve RSS ${before.toFixed(0)} MB → +${grown.toFixed(0)} MB under the flood`);
    expect(grown, `signet serve grew by ${grown.toFixed(0)} MB`).toBeLessThan(100);
    s.destroy();
    expect(await realClient()).toMatchObject({ id: 'h1', ok: true });
  }, 30_000);

  it('stops reading from a peer that floods valid requests and never reads the replies', async () => {
    const before = rssMb();
    const s = await rawSocket();
    s.write(encodeFrame(buildRelayHello(ORIGIN), 1 << 16));
    const one = Buffer.from(encodeFrame(buildRequest('status', 'x', {}), 1 << 16));
    s.write(Buffer.concat(Array.from({ length: Math.ceil(EMPTY_FRAMES.length / one.length) }, () => one)));
    await new Promise((r) => setTimeout(r, 4000));
    const grown = rssMb() - before;
    console.log(`signet serve RSS ${before.toFixed(0)} MB → +${grown.toFixed(0)} MB under the flood`);
    expect(grown, `signet serve grew by ${grown.toFixed(0)} MB`).toBeLessThan(100);
    // The requests it did not read are still in the kernel buffers: it paused, it did not drop them.
    expect(s.writableLength).toBeGreaterThan(0);
    s.destroy();
    expect(await realClient()).toMatchObject({ id: 'h1', ok: true });
  }, 30_000);

  it('lets a real client in promptly while 80 idle connections hold on (more than the bridge admits)', async () => {
    const idle = await Promise.all(Array.from({ length: 80 }, () => rawSocket()));
    // Half of them even say hello, then go quiet: they look exactly like idle browsers.
    for (const s of idle.slice(0, 40)) s.write(encodeFrame(buildRelayHello(ORIGIN), 1 << 16));
    const started = Date.now();
    const reply = await Promise.race([
      realClient(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('locked out for 3 s')), 3000)),
    ]);
    expect(reply).toMatchObject({ id: 'h1', ok: true });
    expect(Date.now() - started).toBeLessThan(3000);
    for (const s of idle) s.destroy();
  }, 30_000);

  it('drops a peer that never says hello once the handshake time is over', async () => {
    const s = await rawSocket();
    const started = Date.now();
    await Promise.race([closed(s), new Promise((r) => setTimeout(r, 8000))]);
    expect(s.destroyed, 'a silent connection is still open after 8 s').toBe(true);
    expect(Date.now() - started).toBeLessThan(8000);
  }, 30_000);

  it('answers deeply nested JSON with BAD_REQUEST and keeps running', async () => {
    const s = await rawSocket();
    const decoder = new FrameDecoder(1 << 20);
    const inbox: Record<string, unknown>[] = [];
    s.on('data', (c: Buffer) => {
      for (const f of decoder.push(c)) if (f.ok) inbox.push(f.message as Record<string, unknown>);
    });
    s.write(encodeFrame(buildRelayHello(ORIGIN), 1 << 16));
    const deep = `{"v":1,"id":"deep","type":"link","params":{"ref":"s3://b/k","options":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const body = Buffer.from(deep);
    const frame = Buffer.alloc(4 + body.length);
    frame.writeUInt32LE(body.length, 0);
    body.copy(frame, 4);
    s.write(frame);
    s.write(encodeFrame(buildRequest('hello', 'after', { versions: [1] }), 1 << 16));
    const deadline = Date.now() + 5000;
    while (inbox.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(inbox[0]).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/deep/) },
    });
    expect(inbox[1]).toMatchObject({ id: 'after', ok: true });
    expect(serve.exitCode).toBeNull();
  }, 30_000);

  it('300 look-alike origins raise one notification and leave the real request in the list', async () => {
    const REAL = 'chrome-extension://mnopabcdefghijklmnopabcdefghijkl/';
    const ask = async (origin: string) => {
      const s = await rawSocket();
      const decoder = new FrameDecoder(1 << 20);
      const reply = new Promise<void>((resolve) => {
        s.on('data', (c: Buffer) => {
          if (decoder.push(c).length > 0) resolve();
        });
        s.once('close', () => resolve());
      });
      s.write(encodeFrame(buildRelayHello(origin), 1 << 16));
      s.write(encodeFrame(buildRequest('hello', 'a', { versions: [1] }), 1 << 16));
      await reply;
      s.destroy();
    };
    const errBefore = serveErr.length;
    await ask(REAL);
    for (let i = 0; i < 300; i++)
      await ask(
        `chrome-extension://mnopabcdefghijklmnopabcdef${(1000 + i)
          .toString(16)
          .replace(/[0-9a-f]/g, (c) => 'abcdefghijklmnop'[parseInt(c, 16)]!)
          .padStart(6, 'a')}/`,
      );
    await new Promise((r) => setTimeout(r, 300));
    const notices = serveErr.slice(errBefore).match(/Approval requested by/g) ?? [];
    expect(notices.length, serveErr.slice(errBefore, errBefore + 2000)).toBe(1);
    expect(serveErr.slice(errBefore)).toContain(`Approval requested by ${REAL}`);
    const listed = spawnSync(process.execPath, [signetBin, 'bridge', 'list', '--json'], {
      env: { PATH: process.env.PATH, HOME: home, SIGNET_HOME: join(home, 'signet') },
      encoding: 'utf8',
    });
    const pending = (JSON.parse(listed.stdout) as { pending: { origin: string }[] }).pending.map((p) => p.origin);
    expect(pending[0]).toBe(REAL);
    expect(pending.length).toBeLessThanOrEqual(20);
  }, 60_000);
});
