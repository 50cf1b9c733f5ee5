// The bridge server over a real Unix socket. The SharingService here is a stub that returns a
// fixed link or throws what a test asks for: this file tests the bridge (framing, approvals, rate
// limits, error mapping, timeouts), not signing. Signing through the real service is covered by
// sign-working-link.integ.test.ts, the live `signet serve` tests in apps/cli/src (serve-*.test.ts)
// and the extension e2e tests.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProfile } from '@signet/core';
import {
  buildRelayHello,
  buildRequest,
  encodeFrame,
  FrameDecoder,
  type ParamsOf,
  type RequestType,
} from '@signet/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkResult, SharingService } from '../api.js';
import { ApprovalStore } from './approval-store.js';
import { BridgeInUseError } from './prepare-socket-path.js';
import { createBridgeServer, type BridgeServer, type BridgeServerOptions } from './bridge-server.js';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const result: LinkResult = {
  id: 'l1',
  url: 'https://bucket.s3.amazonaws.com/a.pdf?X-Amz-Signature=abc',
  kind: 's3',
  method: 'GET',
  profileId: 'p',
  bucket: 'bucket',
  key: 'a.pdf',
  expiresAt: '2026-11-22T12:00:00.000Z',
  effectiveExpiresAt: '2026-11-22T12:00:00.000Z',
  warnings: [],
};

let dir: string;
let server: BridgeServer | undefined;
let linkImpl: (ref: string) => Promise<LinkResult>;
const clients: Socket[] = [];

const stubService = {
  // The bridge only answers with links whose check passed (sign-working-link.ts).
  link: async (req: { ref: string }) => ({
    ...(await linkImpl(req.ref)),
    check: { status: 'ok', ok: true, message: 'The link works.' },
  }),
  listProfiles: async () => [
    {
      profile: parseProfile({ id: 'p', bucket: 'bucket' }),
      isDefault: true,
      hasAwsSecret: true,
      hasCloudFrontKey: false,
    },
  ],
  listLinks: async () => [],
  getLinkUrl: async () => result.url,
} as unknown as SharingService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signet-bridge-'));
  linkImpl = async () => result;
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(
  extra: Partial<BridgeServerOptions> = {},
): Promise<{ approvals: ApprovalStore; requests: string[] }> {
  const approvals = new ApprovalStore(dir);
  const requests: string[] = [];
  server = createBridgeServer({
    service: stubService,
    approvals,
    socketPath: join(dir, 'run', 'bridge.sock'),
    onApprovalRequest: (o) => requests.push(o),
    ...extra,
  });
  await server.listen();
  return { approvals, requests };
}

/** A raw client: what the native host does, frame by frame. */
async function client(origin: string | null = ORIGIN) {
  const socket = connect(server!.socketPath);
  clients.push(socket);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const decoder = new FrameDecoder(1 << 20);
  const inbox: unknown[] = [];
  let wake: (() => void) | undefined;
  socket.on('data', (chunk) => {
    for (const f of decoder.push(chunk)) inbox.push(f.ok ? f.message : f);
    wake?.();
  });
  const next = async (): Promise<Record<string, unknown>> => {
    while (inbox.length === 0) await new Promise<void>((r) => (wake = r));
    return inbox.shift() as Record<string, unknown>;
  };
  const raw = (bytes: Uint8Array) => socket.write(bytes);
  const send = (msg: unknown) => raw(encodeFrame(msg, 1 << 20));
  const ask = async <T extends RequestType>(
    type: T,
    params: ParamsOf<T>,
    id = `${type}-${Math.random()}`,
    timeoutMs?: number,
  ) => {
    send(buildRequest(type, id, params, timeoutMs));
    return next();
  };
  if (origin) send(buildRelayHello(origin));
  return { socket, next, send, raw, ask };
}

describe('bridge server', () => {
  it('listens on an owner-only socket in an owner-only directory', async () => {
    await start();
    expect((await stat(server!.socketPath)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'run'))).mode & 0o777).toBe(0o700);
  });

  it('refuses an unknown origin until it is approved, asking for approval once', async () => {
    const { approvals, requests } = await start();
    const c = await client();
    expect(await c.ask('hello', { versions: [1] })).toMatchObject({
      ok: true,
      result: { approval: 'pending', origin: ORIGIN, protocolVersion: 1 },
    });
    expect(await c.ask('link', { ref: 's3://bucket/a.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_APPROVED', message: expect.stringContaining(`signet bridge approve ${ORIGIN}`) },
    });
    expect(requests).toEqual([ORIGIN]);
    expect((await approvals.pending()).map((p) => p.origin)).toEqual([ORIGIN]);
    await approvals.approve(ORIGIN);
    expect(await c.ask('hello', { versions: [1] })).toMatchObject({ ok: true, result: { approval: 'approved' } });
    expect(await c.ask('link', { ref: 's3://bucket/a.pdf', expires: '1h' }, 'r9')).toEqual({
      v: 1,
      id: 'r9',
      ok: true,
      type: 'link',
      result,
    });
    await approvals.revoke(ORIGIN);
    expect(await c.ask('link', { ref: 's3://bucket/a.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_APPROVED' },
    });
  });

  it('requires the relay hello before anything else', async () => {
    await start();
    const c = await client(null);
    c.send(buildRequest('status', 's', {}));
    expect(await c.next()).toMatchObject({
      ok: false,
      id: null,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('native host') },
    });
  });

  it('refuses a relay hello whose origin is not an extension origin', async () => {
    await start();
    const c = await client('https://evil.example/');
    expect(await c.next()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers oversized, malformed and wrong-version frames and keeps serving the connection', async () => {
    const { approvals } = await start();
    await approvals.approve(ORIGIN);
    const c = await client();
    const big = new Uint8Array(4 + 200_000);
    new DataView(big.buffer).setUint32(0, 200_000, true);
    c.raw(big);
    expect(await c.next()).toMatchObject({
      ok: false,
      id: null,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('exceeds') },
    });
    const junk = new TextEncoder().encode('{"v":1,"id":');
    const frame = new Uint8Array(4 + junk.byteLength);
    new DataView(frame.buffer).setUint32(0, junk.byteLength, true);
    frame.set(junk, 4);
    c.raw(frame);
    expect(await c.next()).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('JSON') },
    });
    c.send({ v: 9, id: 'old', type: 'link', params: { ref: 's3://b/k' } });
    expect(await c.next()).toMatchObject({ ok: false, id: 'old', error: { code: 'VERSION_MISMATCH' } });
    c.send({ v: 1, id: 'shape', type: 'link', params: { ref: 7 } });
    expect(await c.next()).toMatchObject({ ok: false, id: 'shape', error: { code: 'BAD_REQUEST' } });
    expect(await c.ask('hello', { versions: [7, 8] })).toMatchObject({
      ok: false,
      error: { code: 'VERSION_MISMATCH' },
    });
    expect(await c.ask('link', { ref: 's3://bucket/a.pdf' })).toMatchObject({ ok: true });
  });

  it('rate-limits per origin', async () => {
    const { approvals } = await start({ rateLimit: { capacity: 3, refillPerSecond: 0.001 } });
    await approvals.approve(ORIGIN);
    const c = await client();
    for (let i = 0; i < 3; i++) expect(await c.ask('link', { ref: 's3://bucket/a.pdf' })).toMatchObject({ ok: true });
    expect(await c.ask('link', { ref: 's3://bucket/a.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) },
    });
    const other = await client('signet@signet.app');
    expect(await other.ask('hello', { versions: [1] })).toMatchObject({ ok: true });
  });

  it('maps service errors: no profile, the desktop own code and message, and hides unexpected ones', async () => {
    const { approvals } = await start();
    await approvals.approve(ORIGIN);
    const c = await client();
    const fail = (code: string | undefined, message: string) => {
      linkImpl = async () => {
        throw Object.assign(new Error(message), code ? { code } : {});
      };
    };
    // Checked by the bridge before the service is asked:
    expect(await c.ask('link', { ref: 's3://other/k' })).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE_FOR_OBJECT', message: expect.stringContaining('"other"') },
    });
    // …also when the request names a profile that does not cover the object (issue 11 item 1)…
    expect(await c.ask('link', { ref: 's3://other/k', profileId: 'p' })).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE_FOR_OBJECT', message: expect.stringContaining('Profile "p" does not cover') },
    });
    // …and passed through when the service says so:
    fail('NO_PROFILE_FOR_OBJECT', 'No profile covers bucket other.');
    expect(await c.ask('link', { ref: 's3://bucket/k', profileId: 'p' })).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE_FOR_OBJECT', message: 'No profile covers bucket other.' },
    });
    fail('EXPIRY_TOO_LONG', 'S3 links live at most 7 days; use CloudFront for longer.');
    expect(await c.ask('link', { ref: 's3://bucket/k', expires: '8d' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', desktopCode: 'EXPIRY_TOO_LONG' },
    });
    fail('KEYCHAIN_LOCKED', 'Unlock your keychain and try again.');
    expect(await c.ask('link', { ref: 's3://bucket/k' })).toMatchObject({
      ok: false,
      error: { code: 'DESKTOP_ERROR', desktopCode: 'KEYCHAIN_LOCKED', message: 'Unlock your keychain and try again.' },
    });
    fail(undefined, 'secretAccessKey=wJalrXUtnFEMI leaked');
    const reply = await c.ask('link', { ref: 's3://bucket/k' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(reply)).not.toContain('wJalrXUtnFEMI');
  });

  it('answers TIMEOUT when the work outlives the request timeout, and other requests are not held up', async () => {
    const { approvals } = await start();
    await approvals.approve(ORIGIN);
    const c = await client();
    linkImpl = (ref) => (ref.includes('slow') ? new Promise(() => {}) : Promise.resolve(result));
    c.send(buildRequest('link', 'slow', { ref: 's3://bucket/slow' }, 100));
    c.send(buildRequest('link', 'fast', { ref: 's3://bucket/fast' }));
    expect(await c.next()).toMatchObject({ id: 'fast', ok: true });
    expect(await c.next()).toMatchObject({ id: 'slow', ok: false, error: { code: 'TIMEOUT' } });
  });

  it('refuses to start when another server is live, and replaces a stale socket file', async () => {
    await start();
    const second = createBridgeServer({
      service: stubService,
      approvals: new ApprovalStore(dir),
      socketPath: server!.socketPath,
    });
    await expect(second.listen()).rejects.toBeInstanceOf(BridgeInUseError);
    await server!.close();
    // A stale socket is what a server killed with SIGKILL leaves (a plain file is never deleted).
    const path = JSON.stringify(server!.socketPath);
    spawnSync(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${path}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    await second.listen();
    server = second;
    const c = await client();
    expect(await c.ask('hello', { versions: [1] })).toMatchObject({ ok: true });
  });
});
