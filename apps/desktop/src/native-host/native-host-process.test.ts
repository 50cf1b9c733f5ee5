// The built host as the browser runs it: a child process fed frames on stdin. Checks the bundle
// and launcher work, that it answers APP_NOT_RUNNING when nothing listens, relays once something
// does, and exits when stdin closes.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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
});
