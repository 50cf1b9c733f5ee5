// The relay against a real Unix socket. The "bridge" here is a minimal socket server in the test
// (the native host may not import the sharing package, even in tests): it records what arrives
// and answers like the real one would. The real bridge + relay path runs in the extension e2e.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buildRequest, buildSuccess, encodeFrame, FrameDecoder } from '@signet/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRelay } from './relay.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
let dir: string;
let socketPath: string;
let bridge: Server | undefined;
const bridgeSockets: Socket[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signet-relay-'));
  socketPath = join(dir, 'bridge.sock');
});
afterEach(async () => {
  for (const s of bridgeSockets.splice(0)) s.destroy();
  await new Promise<void>((r) => (bridge ? bridge.close(() => r()) : r()));
  bridge = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A bridge that answers status requests, stays silent on 'hang', and records every frame. */
function startBridge(received: unknown[]): Promise<void> {
  bridge = createServer((socket) => {
    bridgeSockets.push(socket);
    const decoder = new FrameDecoder(1 << 20);
    socket.on('data', (chunk) => {
      for (const f of decoder.push(chunk)) {
        if (!f.ok) continue;
        received.push(f.message);
        const m = f.message as { id?: string; type?: string };
        if (m.type === 'status' && m.id !== 'hang')
          socket.write(
            encodeFrame(
              buildSuccess('status', m.id!, {
                approval: 'approved',
                app: { name: 'Signet', version: '0' },
                profiles: [],
              }),
              1 << 20,
            ),
          );
      }
    });
  });
  return new Promise((r) => bridge!.listen(socketPath, () => r()));
}

function browser(origin: string | null = ORIGIN) {
  const input = new PassThrough();
  const output = new PassThrough();
  const decoder = new FrameDecoder(1 << 20);
  const inbox: Record<string, unknown>[] = [];
  let wake: (() => void) | undefined;
  output.on('data', (chunk: Buffer) => {
    for (const f of decoder.push(chunk))
      inbox.push(f.ok ? (f.message as Record<string, unknown>) : { frameError: f.reason });
    wake?.();
  });
  const done = runRelay({ input, output, origin: origin ?? undefined, socketPath });
  return {
    done,
    send: (m: unknown) => input.write(encodeFrame(m, 1 << 20)),
    raw: (b: Uint8Array) => input.write(b),
    next: async () => {
      while (inbox.length === 0) await new Promise<void>((r) => (wake = r));
      return inbox.shift()!;
    },
    close: () => input.end(),
  };
}

describe('native host relay', () => {
  it('introduces the origin, then forwards requests and replies unchanged', async () => {
    const received: unknown[] = [];
    await startBridge(received);
    const b = browser();
    const req = buildRequest('status', 's1', {});
    b.send(req);
    expect(await b.next()).toMatchObject({ id: 's1', ok: true, type: 'status' });
    expect(received).toEqual([{ v: 1, type: 'relayHello', origin: ORIGIN }, req]);
    b.close();
    await b.done;
  });

  it('answers APP_NOT_RUNNING (with how to start it) when no Signet listens, and connects once it does', async () => {
    const b = browser();
    b.send(buildRequest('status', 'a', {}));
    expect(await b.next()).toEqual({
      v: 1,
      id: 'a',
      ok: false,
      error: { code: 'APP_NOT_RUNNING', message: 'Signet is not running. Open Signet, or run `signet serve`.' },
    });
    await startBridge([]);
    b.send(buildRequest('status', 'b', {}));
    expect(await b.next()).toMatchObject({ id: 'b', ok: true });
    b.close();
    await b.done;
  });

  it('answers the requests in flight when Signet goes away, and reconnects for the next one', async () => {
    await startBridge([]);
    const b = browser();
    b.send(buildRequest('status', 'hang', {}));
    await new Promise((r) => setTimeout(r, 50));
    for (const s of bridgeSockets.splice(0)) s.destroy();
    expect(await b.next()).toMatchObject({ id: 'hang', ok: false, error: { code: 'APP_NOT_RUNNING' } });
    b.send(buildRequest('status', 'after', {}));
    expect(await b.next()).toMatchObject({ id: 'after', ok: true });
    b.close();
    await b.done;
  });

  it('answers broken frames from the browser and keeps going', async () => {
    await startBridge([]);
    const b = browser();
    const junk = new Uint8Array([3, 0, 0, 0, 0x7b, 0x7b, 0x7b]);
    b.raw(junk);
    expect(await b.next()).toMatchObject({ id: null, ok: false, error: { code: 'BAD_REQUEST' } });
    const huge = new Uint8Array(4);
    new DataView(huge.buffer).setUint32(0, 10_000_000, true);
    b.raw(huge);
    expect(await b.next()).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('exceeds') },
    });
    b.raw(new Uint8Array(10_000_000));
    b.send(buildRequest('status', 'ok', {}));
    expect(await b.next()).toMatchObject({ id: 'ok', ok: true });
    b.close();
    await b.done;
  });

  it('refuses to relay without an origin from the browser', async () => {
    const received: unknown[] = [];
    await startBridge(received);
    const b = browser(null);
    b.send(buildRequest('status', 'x', {}));
    expect(await b.next()).toMatchObject({
      id: 'x',
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('origin') },
    });
    expect(received).toEqual([]);
    b.close();
    await b.done;
  });

  it('ends when the browser closes stdin', async () => {
    const b = browser();
    b.close();
    await expect(b.done).resolves.toBeUndefined();
  });
});
