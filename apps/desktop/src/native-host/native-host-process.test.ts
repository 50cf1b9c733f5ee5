// The built host as the browser runs it: a child process fed frames on stdin. Checks the bundle
// and launcher work, that it answers APP_NOT_RUNNING when nothing listens, relays once something
// does, and exits when stdin closes. Attacks (issue 11): a socket planted by another user is
// refused before anything is sent to it (item 4); deeply nested JSON does not crash it (item 5).
import { spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRequest, buildSuccess, encodeFrame, FrameDecoder } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let launcher: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signet-host-proc-'));
  // @ts-expect-error build.mjs is plain JS without type declarations
  const { buildNativeHost } = (await import('./build.mjs')) as {
    buildNativeHost: (o: { outDir: string }) => Promise<{ launcher: string }>;
  };
  ({ launcher } = await buildNativeHost({ outDir: join(dir, 'dist') }));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in bridge that records every frame and answers status requests. */
async function fakeBridge(socketPath: string) {
  const seen: unknown[] = [];
  const server: Server = createServer((s) => {
    const d = new FrameDecoder(1 << 20);
    s.on('data', (c) => {
      for (const f of d.push(c)) {
        if (!f.ok) continue;
        seen.push(f.message);
        const m = f.message as { id?: string; type?: string };
        if (m.type === 'status')
          s.write(
            encodeFrame(
              buildSuccess('status', m.id!, { approval: 'approved', app: { name: 'x', version: '0' }, profiles: [] }),
              1 << 20,
            ),
          );
      }
    });
  });
  await new Promise<void>((r) => server.listen(socketPath, () => r()));
  return { seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function startHost(socketPath: string) {
  const child = spawn(launcher, ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/', '--parent-window=0'], {
    env: { ...process.env, SIGNET_BRIDGE_SOCKET: socketPath },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const decoder = new FrameDecoder(1 << 20);
  const inbox: Record<string, unknown>[] = [];
  let wake: (() => void) | undefined;
  child.stdout.on('data', (c: Buffer) => {
    for (const f of decoder.push(c)) if (f.ok) inbox.push(f.message as Record<string, unknown>);
    wake?.();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    send: (m: unknown) => child.stdin.write(encodeFrame(m, 1 << 20)),
    raw: (b: Uint8Array) => child.stdin.write(b),
    next: async () => {
      while (inbox.length === 0) await new Promise<void>((r) => (wake = r));
      return inbox.shift()!;
    },
    close: () => child.stdin.end(),
    exited,
  };
}

describe('native host process', () => {
  it('answers APP_NOT_RUNNING, relays once Signet listens, and exits when stdin closes', async () => {
    const socketPath = join(dir, 'bridge.sock');
    const host = startHost(socketPath);
    host.send(buildRequest('status', 'a', {}));
    expect(await host.next()).toMatchObject({
      id: 'a',
      ok: false,
      error: { code: 'APP_NOT_RUNNING', message: expect.stringContaining('signet serve') },
    });

    const seen: unknown[] = [];
    const bridge: Server = createServer((s) => {
      const d = new FrameDecoder(1 << 20);
      s.on('data', (c) => {
        for (const f of d.push(c)) {
          if (!f.ok) continue;
          seen.push(f.message);
          const m = f.message as { id?: string; type?: string };
          if (m.type === 'status')
            s.write(
              encodeFrame(
                buildSuccess('status', m.id!, { approval: 'approved', app: { name: 'x', version: '0' }, profiles: [] }),
                1 << 20,
              ),
            );
        }
      });
    });
    await new Promise<void>((r) => bridge.listen(socketPath, () => r()));
    host.send(buildRequest('status', 'b', {}));
    expect(await host.next()).toMatchObject({ id: 'b', ok: true });
    expect(seen[0]).toEqual({
      v: 1,
      type: 'relayHello',
      origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
      hostVersion: '0.1.0',
    });

    host.close();
    expect(await host.exited).toBe(0);
    await new Promise<void>((r) => bridge.close(() => r()));
  }, 30_000);

  it('refuses a socket in a folder other users can write, or that another user owns, and sends it nothing', async () => {
    const NOBODY = 65534;
    const cases: { name: string; plant: (dir: string, sock: string) => Promise<void>; says: RegExp }[] = [
      { name: 'world-writable folder', plant: (d) => chmod(d, 0o777), says: /open to other users \(mode 0777/ },
      {
        name: "another user's folder",
        plant: (d) => chown(d, NOBODY, NOBODY),
        says: /belongs to another user \(uid 65534/,
      },
      {
        name: "another user's socket",
        plant: (_, s) => chown(s, NOBODY, NOBODY),
        says: /socket .* belongs to another user/,
      },
    ];
    for (const c of cases) {
      const plantDir = join(dir, `planted-${cases.indexOf(c)}`);
      await mkdir(plantDir, { mode: 0o700 });
      const socketPath = join(plantDir, 'bridge.sock');
      const planted = await fakeBridge(socketPath);
      await c.plant(plantDir, socketPath);
      const host = startHost(socketPath);
      host.send(buildRequest('status', 'p', {}));
      expect(await host.next(), c.name).toMatchObject({
        id: 'p',
        ok: false,
        error: { code: 'APP_NOT_RUNNING', message: expect.stringMatching(c.says) },
      });
      expect(planted.seen, `${c.name}: the host talked to the planted socket`).toEqual([]);
      host.close();
      expect(await host.exited).toBe(0);
      await planted.close();
    }
  }, 30_000);

  it('answers JSON nested 5,000 deep with BAD_REQUEST and keeps relaying', async () => {
    const socketPath = join(dir, 'deep.sock');
    const bridge = await fakeBridge(socketPath);
    const host = startHost(socketPath);
    const body = Buffer.from(
      `{"v":1,"id":"deep","type":"link","params":{"ref":"s3://b/k","options":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
    );
    const frame = Buffer.alloc(4 + body.length);
    frame.writeUInt32LE(body.length, 0);
    body.copy(frame, 4);
    host.raw(frame);
    host.send(buildRequest('status', 'after', {}));
    expect(await host.next()).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('nested too deep') },
    });
    expect(await host.next()).toMatchObject({ id: 'after', ok: true });
    host.close();
    expect(await host.exited).toBe(0);
    await bridge.close();
  }, 30_000);
});
