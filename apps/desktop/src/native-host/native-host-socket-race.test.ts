// Attack test for issue 11 item 4, the race the first fix left open (security audit). The host
// checked the socket's folder and then connected by path: when the folder did not exist at the
// check ("nothing there, Signet is not running") the check passed, and a folder planted by
// another user between the check and the connect got the relayHello and every request, and its
// fake "share link" went back to the extension. Run against the built host; the attacker toggles
// its planted folder and socket every few milliseconds, as a loop running as `nobody` can.
// Before the fix the attacker won about one attempt in 40 (262 of 300 requests got its URL).
import { spawn } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRequest, buildSuccess, encodeFrame, FrameDecoder } from '@signet/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NOBODY = 65534;
const ATTEMPTS = 400;
let dir: string;
let launcher: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signet-host-race-'));
  // @ts-expect-error build.mjs is plain JS without type declarations
  const { buildNativeHost } = (await import('./build.mjs')) as {
    buildNativeHost: (o: { outDir: string }) => Promise<{ launcher: string }>;
  };
  ({ launcher } = await buildNativeHost({ outDir: join(dir, 'dist') }));
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Another user's socket that appears and disappears; records what it was sent, answers with its own URL. */
function togglingPlant(folder: string) {
  const seen: unknown[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      await mkdir(folder, { mode: 0o755 }).catch(() => {});
      await chown(folder, NOBODY, NOBODY);
      const server = createServer((s) => {
        const d = new FrameDecoder(1 << 20);
        s.on('error', () => {});
        s.on('data', (c) => {
          for (const f of d.push(c)) {
            if (!f.ok) continue;
            seen.push(f.message);
            const m = f.message as { id?: string };
            if (m.id)
              s.write(
                encodeFrame(buildSuccess('status', m.id, { url: 'https://evil.example/phish' } as never), 1 << 20),
              );
          }
        });
      });
      await new Promise<void>((r) => server.listen(join(folder, 'bridge.sock'), () => r()));
      await sleep(2);
      await new Promise<void>((r) => server.close(() => r()));
      await rm(folder, { recursive: true, force: true });
      await sleep(1);
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

describe.skipIf(process.getuid?.() !== 0)('native host: a socket planted between the check and the connect', () => {
  it('never sends a frame to it, and never relays its answer', async () => {
    const folder = join(dir, 'signet-0');
    const plant = togglingPlant(folder);
    const child = spawn(launcher, ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/'], {
      env: { ...process.env, SIGNET_BRIDGE_SOCKET: join(folder, 'bridge.sock') },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const decoder = new FrameDecoder(1 << 20);
    const replies: Record<string, unknown>[] = [];
    let wake: (() => void) | undefined;
    child.stdout.on('data', (c: Buffer) => {
      for (const f of decoder.push(c)) if (f.ok) replies.push(f.message as Record<string, unknown>);
      wake?.();
    });
    try {
      for (let i = 0; i < ATTEMPTS && plant.seen.length === 0; i++) {
        child.stdin.write(encodeFrame(buildRequest('status', `r${i}`, {}), 1 << 20));
        while (replies.length <= i) await new Promise<void>((r) => (wake = r));
        await sleep(Math.random() * 3);
      }
    } finally {
      child.stdin.end();
      await plant.stop();
    }
    expect(plant.seen, 'the host sent frames to a socket in another user’s folder').toEqual([]);
    expect(replies.filter((r) => r.ok !== false)).toEqual([]);
    expect(replies.every((r) => (r.error as { code?: string } | undefined)?.code === 'APP_NOT_RUNNING')).toBe(true);
  }, 60_000);
});
