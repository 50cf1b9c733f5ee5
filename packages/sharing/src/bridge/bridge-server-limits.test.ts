// The bridge's connection limits and approval notices, deterministic and fast (issue 11 items 3
// and 7). The live-process attacks (memory under a flood, 80 idle sockets, 300 look-alike
// origins) are in apps/cli/src/commands/serve-attacks.test.ts; this file pins the rules: which
// connection makes room for a new one, and how approval requests are coalesced.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelayHello, buildRequest, encodeFrame, FrameDecoder } from '@signet/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SharingService } from '../api.js';
import { ApprovalStore } from './approval-store.js';
import { createBridgeServer, type BridgeServer, type BridgeServerOptions } from './bridge-server.js';

const origin = (n: number) =>
  `chrome-extension://${n
    .toString(16)
    .padStart(32, '0')
    .replace(/[0-9a-f]/g, (c) => 'abcdefghijklmnop'[parseInt(c, 16)]!)}/`;
let dir: string;
let server: BridgeServer | undefined;
const sockets: Socket[] = [];
/** `status` waits for `gate` while it is set (a request at work). */
let gate: Promise<void> | undefined;
const service = {
  listProfiles: async () => {
    await gate;
    return [];
  },
} as unknown as SharingService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signet-bridge-limits-'));
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(extra: Partial<BridgeServerOptions> = {}) {
  server = createBridgeServer({
    service,
    approvals: new ApprovalStore(join(dir, 'config')),
    socketPath: join(dir, 'run', 'bridge.sock'),
    ...extra,
  });
  await server.listen();
}

async function open(hello?: string) {
  const s = connect(server!.socketPath);
  sockets.push(s);
  s.on('error', () => {});
  await new Promise<void>((r) => s.once('connect', r));
  const closed = new Promise<void>((r) => s.once('close', () => r()));
  const decoder = new FrameDecoder(1 << 20);
  const inbox: Record<string, unknown>[] = [];
  s.on('data', (c: Buffer) => {
    for (const f of decoder.push(c)) if (f.ok) inbox.push(f.message as Record<string, unknown>);
  });
  if (hello) s.write(encodeFrame(buildRelayHello(hello), 1 << 16));
  const ask = async (id: string) => {
    s.write(encodeFrame(buildRequest('hello', id, { versions: [1] }), 1 << 16));
    for (let i = 0; i < 100 && !inbox.some((m) => m.id === id); i++) await new Promise((r) => setTimeout(r, 10));
    return inbox.find((m) => m.id === id);
  };
  return { s, closed, ask };
}

const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));

describe('bridge connection limits', () => {
  it('when full, closes a connection that never said hello before any greeted one', async () => {
    await start({ maxConnections: 3 });
    const a = await open(origin(1));
    const b = await open(origin(2));
    const silent = await open();
    await tick();
    const d = await open(origin(3));
    await silent.closed;
    expect(a.s.destroyed || b.s.destroyed).toBe(false);
    expect(await d.ask('d')).toMatchObject({ ok: true });
  });

  it('when full of greeted connections, closes the quietest one', async () => {
    await start({ maxConnections: 2 });
    const quiet = await open(origin(1));
    await tick();
    const busy = await open(origin(2));
    await tick();
    expect(await busy.ask('b1')).toMatchObject({ ok: true });
    const fresh = await open(origin(3));
    await quiet.closed;
    expect(await busy.ask('b2')).toMatchObject({ ok: true });
    expect(await fresh.ask('f')).toMatchObject({ ok: true });
  });

  it('keeps a connection with a request at work over a quieter idle one', async () => {
    await start({ maxConnections: 2 });
    const approvals = new ApprovalStore(join(dir, 'config'));
    await approvals.approve(origin(1));
    const busy = await open(origin(1));
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    const replies: unknown[] = [];
    busy.s.on('data', () => replies.push(1));
    busy.s.write(encodeFrame(buildRequest('status', 'slow', {}), 1 << 16));
    await tick();
    const idle = await open(origin(2));
    await tick();
    await open(origin(3));
    await idle.closed;
    expect(busy.s.destroyed).toBe(false);
    release();
    gate = undefined;
    await tick(100);
    expect(replies.length).toBeGreaterThan(0);
  });

  it('closes a connection that does not say hello within the handshake time', async () => {
    await start({ handshakeTimeoutMs: 100 });
    const c = await open();
    const t0 = Date.now();
    await c.closed;
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('approval notices', () => {
  it('announces the first request at once and the rest together once the interval is over', async () => {
    const notices: { origin: string; more: number }[] = [];
    await start({
      approvalNotifyIntervalMs: 300,
      onApprovalRequest: (o, { more }) => notices.push({ origin: o, more }),
    });
    for (let i = 1; i <= 5; i++) await (await open(origin(i))).ask(`h${i}`);
    await tick();
    expect(notices).toEqual([{ origin: origin(1), more: 0 }]);
    await tick(400);
    expect(notices).toEqual([
      { origin: origin(1), more: 0 },
      { origin: origin(2), more: 3 },
    ]);
    await (await open(origin(1))).ask('again');
    await tick(400);
    expect(notices).toHaveLength(2); // once per origin
  });
});
