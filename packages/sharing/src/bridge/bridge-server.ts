// The bridge server: serves extension requests (relayed by the native host) from the sharing
// engine over a per-user local socket (Unix socket in a 0700 dir, itself 0600; a named pipe on
// Windows). Hosted by the desktop app and by `signet serve`.
// Trust: only processes of this user can connect; the first frame of a connection is the native
// host's relayHello carrying the origin the browser gave it, and everything after is parsed,
// rate-limited and checked against the approvals before it reaches the service. A bad first frame
// or a missing relayHello (3 s) closes the connection; after it, bad frames get an error reply
// (16 at most). Nothing a peer sends can crash the server or make it buffer without bound: it
// stops reading from a peer that does not read its replies (back-pressure), works on at most 16
// requests per connection, and makes room for a new connection by closing the quietest one.
import { chmod, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import {
  buildError,
  encodeFrame,
  type DecodedFrame,
  extensionOriginSchema,
  FrameDecoder,
  FrameTooLargeError,
  MAX_REQUEST_FRAME_BYTES,
  SIGNET_VERSION,
  MAX_RESPONSE_FRAME_BYTES,
  parseRequest,
  relayHelloSchema,
  DEFAULT_TIMEOUT_MS,
  type ErrorResponse,
  type SuccessResponse,
} from '@signet/protocol';
import type { SharingService } from '../api.js';
import type { ApprovalStore } from './approval-store.js';
import { handleBridgeRequest, type BridgeContext } from './handle-bridge-request.js';
import { prepareSocketPath } from './prepare-socket-path.js';
import { RateLimiter, type RateLimitOptions } from './rate-limiter.js';
import { resolveBridgeSocketPath } from './resolve-bridge-socket-path.js';

export interface BridgeServerOptions {
  service: SharingService;
  approvals: ApprovalStore;
  /** Default: resolveBridgeSocketPath(). */
  socketPath?: string;
  /**
   * An extension asked and is waiting for approval. Once per origin per server lifetime, and
   * coalesced: at most one call per `approvalNotifyIntervalMs` (origins that asked meanwhile are
   * counted in `more` of the next call), so a flood of made-up origins raises one notification,
   * not hundreds, and does not keep bringing a window forward. Origins the store had no room for
   * are not announced.
   */
  onApprovalRequest?(origin: string, info: { more: number }): void;
  /** Default 60 s. */
  approvalNotifyIntervalMs?: number;
  /** Per-origin token bucket. Default: burst 20, 5 per second. */
  rateLimit?: RateLimitOptions;
  /** Reported to the extension in hello/status. */
  app?: { name: string; version: string };
  now?: () => Date;
  /**
   * Concurrent connections (a native host per browser profile). Default 64. When full, the
   * quietest connection is closed to admit the new one, so idle peers cannot lock a real one out.
   */
  maxConnections?: number;
  /** A connection that has not sent its relayHello by then is closed. Default 3000 ms. */
  handshakeTimeoutMs?: number;
}

export interface BridgeServer {
  listen(): Promise<void>;
  close(): Promise<void>;
  readonly socketPath: string;
}

export function createBridgeServer(options: BridgeServerOptions): BridgeServer {
  const socketPath = options.socketPath ?? resolveBridgeSocketPath();
  const notified = new Set<string>();
  const notifyEveryMs = options.approvalNotifyIntervalMs ?? 60_000;
  let lastNotifiedAt = -Infinity;
  /** Origins that asked since the last notification, oldest first (the next one names the first). */
  let waiting: string[] = [];
  let trailing: NodeJS.Timeout | undefined;
  const announce = (): void => {
    trailing = undefined;
    const [first, ...rest] = waiting;
    waiting = [];
    if (first === undefined) return;
    lastNotifiedAt = Date.now();
    try {
      options.onApprovalRequest?.(first, { more: rest.length });
    } catch {
      // A failing UI callback must not break the request that triggered it.
    }
  };
  const ctx: BridgeContext = {
    service: options.service,
    approvals: options.approvals,
    limiter: new RateLimiter(options.rateLimit),
    app: options.app ?? { name: 'Signet', version: SIGNET_VERSION },
    now: options.now ?? (() => new Date()),
    notifyApprovalRequest(origin) {
      if (notified.has(origin) || notified.size >= 10_000) return;
      notified.add(origin);
      void options.approvals.pending().then(
        (pending) => {
          if (!pending.some((p) => p.origin === origin)) return; // no room in the list: nothing to approve
          waiting.push(origin);
          const wait = lastNotifiedAt + notifyEveryMs - Date.now();
          if (wait <= 0) announce();
          else trailing ??= setTimeout(announce, wait).unref();
        },
        () => {}, // a damaged approvals file is reported on every request already
      );
    },
  };
  const connections = new Set<Connection>();
  const limits = {
    maxConnections: options.maxConnections ?? 64,
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? 3000,
  };
  let server: Server | undefined;

  return {
    socketPath,
    async listen() {
      await prepareSocketPath(socketPath);
      const srv = createServer((socket) => serveConnection(ctx, socket, connections, limits));
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(socketPath, () => {
          srv.off('error', reject);
          resolve();
        });
      });
      srv.on('error', () => {}); // keep serving; per-connection errors are handled there
      if (process.platform !== 'win32') await chmod(socketPath, 0o600);
      server = srv;
    },
    async close() {
      const srv = server;
      server = undefined;
      clearTimeout(trailing);
      if (!srv) return;
      for (const c of connections) c.socket.destroy();
      await new Promise<void>((resolve) => srv.close(() => resolve()));
      if (process.platform !== 'win32') await unlink(socketPath).catch(() => {});
    },
  };
}

/** Bytes of replies a peer may leave unread before the bridge stops reading its requests. */
const WRITE_HIGH_WATER_BYTES = 256 * 1024;
/** Requests of one connection being worked on at once; more wait (unread) until one finishes. */
const MAX_IN_FLIGHT = 16;
/** Broken frames a connection may send after the handshake before it is closed. */
const MAX_BAD_FRAMES = 16;

interface Connection {
  socket: Socket;
  /** True once the relayHello arrived. */
  greeted: boolean;
  /** Last time this peer sent a request (eviction picks the quietest). */
  lastActive: number;
  /** Requests of this connection being worked on (a busy connection is closed last). */
  inFlight: number;
}

/**
 * Room for a new connection: when the bridge is full, the connection that has been quiet the
 * longest goes (one that never said hello first). A real native host whose idle connection is
 * closed reconnects on its next request, so idle peers can never lock a real client out.
 */
function makeRoom(connections: Set<Connection>, max: number): void {
  while (connections.size >= max) {
    let victim: Connection | undefined;
    for (const c of connections) {
      if (!victim || evictBefore(c, victim)) victim = c;
    }
    if (!victim) return;
    connections.delete(victim);
    victim.socket.destroy();
  }
}

/** Closed first: one that never said hello, then one with no request at work, then the quietest. */
function evictBefore(a: Connection, b: Connection): boolean {
  if (a.greeted !== b.greeted) return !a.greeted;
  if (a.inFlight > 0 !== b.inFlight > 0) return a.inFlight === 0;
  return a.lastActive < b.lastActive;
}

function serveConnection(
  ctx: BridgeContext,
  socket: Socket,
  connections: Set<Connection>,
  limits: { maxConnections: number; handshakeTimeoutMs: number },
): void {
  makeRoom(connections, limits.maxConnections);
  const conn: Connection = { socket, greeted: false, lastActive: Date.now(), inFlight: 0 };
  connections.add(conn);
  const decoder = new FrameDecoder(MAX_REQUEST_FRAME_BYTES);
  let origin: string | undefined;
  let closing = false;
  let badFrames = 0;
  /** Frames read but not handled yet (at most one socket chunk: reading stops while it is non-empty). */
  const queue: DecodedFrame[] = [];

  const handshake = setTimeout(() => hangUp(), limits.handshakeTimeoutMs);
  handshake.unref();

  const send = (reply: SuccessResponse | ErrorResponse): void => {
    if (socket.destroyed || closing) return;
    let frame: Uint8Array;
    try {
      frame = encodeFrame(reply, MAX_RESPONSE_FRAME_BYTES);
    } catch (err) {
      if (!(err instanceof FrameTooLargeError)) throw err;
      frame = encodeFrame(
        buildError(reply.id, { code: 'INTERNAL', message: 'The reply was larger than a browser accepts (1 MB).' }),
        MAX_RESPONSE_FRAME_BYTES,
      );
    }
    socket.write(frame);
  };
  /** Says why (when there is a reply), then closes; the peer's further bytes are never read. */
  const hangUp = (last?: ErrorResponse): void => {
    if (closing) return;
    if (last) send(last);
    closing = true;
    queue.length = 0;
    socket.pause();
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  };
  /** Back-pressure: no new request is read while replies pile up unread or too many are at work. */
  const blocked = (): boolean => conn.inFlight >= MAX_IN_FLIGHT || socket.writableLength > WRITE_HIGH_WATER_BYTES;

  const pump = (): void => {
    while (queue.length > 0 && !closing && !blocked()) handle(queue.shift()!);
    if (closing) return;
    if (queue.length > 0 || blocked()) socket.pause();
    else socket.resume();
  };

  const handle = (frame: DecodedFrame): void => {
    if (origin === undefined) {
      const hello = frame.ok ? relayHelloSchema.safeParse(frame.message) : undefined;
      if (!hello?.success || !extensionOriginSchema.safeParse(hello.data.origin).success) {
        // Before the handshake nothing is answered twice: a real native host never sends this.
        hangUp(
          buildError(null, {
            code: 'BAD_REQUEST',
            message: 'Connect through the Signet native host (the first message must say which extension is asking).',
          }),
        );
        return;
      }
      origin = hello.data.origin;
      conn.greeted = true;
      clearTimeout(handshake);
      return;
    }
    conn.lastActive = Date.now();
    if (!frame.ok) {
      const reply = buildError(null, {
        code: 'BAD_REQUEST',
        message: `Signet ignored a broken message: ${frame.detail}`,
      });
      if (++badFrames > MAX_BAD_FRAMES) hangUp(reply);
      else send(reply);
      return;
    }
    conn.inFlight++;
    void answer(ctx, origin, frame.message).then((reply) => {
      conn.inFlight--;
      send(reply);
      pump();
    });
  };

  socket.on('error', () => socket.destroy());
  socket.on('drain', pump);
  socket.on('close', () => {
    clearTimeout(handshake);
    connections.delete(conn);
  });
  socket.on('data', (chunk: Buffer) => {
    if (closing) return;
    for (const frame of decoder.push(chunk)) queue.push(frame);
    pump();
  });
}

async function answer(ctx: BridgeContext, origin: string, raw: unknown): Promise<SuccessResponse | ErrorResponse> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return buildError(parsed.id, parsed.error);
  const { request } = parsed;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ErrorResponse>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          buildError(request.id, {
            code: 'TIMEOUT',
            message: `Signet took longer than ${Math.round(timeoutMs / 1000)} s to answer.`,
          }),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      handleBridgeRequest(ctx, origin, request).catch((err: unknown) =>
        buildError(request.id, {
          code: 'INTERNAL',
          message: `Signet failed to answer: ${err instanceof Error ? err.message : String(err)}`,
        }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
