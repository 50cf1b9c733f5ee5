// The bridge server: serves extension requests (relayed by the native host) from the sharing
// engine over a per-user local socket (Unix socket in a 0700 dir, itself 0600; a named pipe on
// Windows). Hosted by the desktop app and by `signet serve`.
// Trust: only processes of this user can connect; the first frame of a connection is the native
// host's relayHello carrying the origin the browser gave it, and everything after is parsed,
// rate-limited and checked against the approvals before it reaches the service. Bad frames get an
// error reply; nothing a peer sends can crash the server or make it buffer without bound.
import { chmod, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import {
  buildError,
  encodeFrame,
  extensionOriginSchema,
  FrameDecoder,
  FrameTooLargeError,
  MAX_REQUEST_FRAME_BYTES,
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
  /** An extension asked and is not approved yet (once per origin per server lifetime). */
  onApprovalRequest?(origin: string): void;
  /** Per-origin token bucket. Default: burst 20, 5 per second. */
  rateLimit?: RateLimitOptions;
  /** Reported to the extension in hello/status. */
  app?: { name: string; version: string };
  now?: () => Date;
  /** Concurrent native-host connections (one per browser profile); more are refused. Default 16. */
  maxConnections?: number;
}

export interface BridgeServer {
  listen(): Promise<void>;
  close(): Promise<void>;
  readonly socketPath: string;
}

export function createBridgeServer(options: BridgeServerOptions): BridgeServer {
  const socketPath = options.socketPath ?? resolveBridgeSocketPath();
  const notified = new Set<string>();
  const ctx: BridgeContext = {
    service: options.service,
    approvals: options.approvals,
    limiter: new RateLimiter(options.rateLimit),
    app: options.app ?? { name: 'Signet', version: '0.1.0' },
    now: options.now ?? (() => new Date()),
    notifyApprovalRequest(origin) {
      if (notified.has(origin)) return;
      notified.add(origin);
      try {
        options.onApprovalRequest?.(origin);
      } catch {
        // A failing UI callback must not break the request that triggered it.
      }
    },
  };
  const sockets = new Set<Socket>();
  let server: Server | undefined;

  return {
    socketPath,
    async listen() {
      await prepareSocketPath(socketPath);
      const srv = createServer((socket) => serveConnection(ctx, socket, sockets));
      srv.maxConnections = options.maxConnections ?? 16;
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
      if (!srv) return;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => srv.close(() => resolve()));
      if (process.platform !== 'win32') await unlink(socketPath).catch(() => {});
    },
  };
}

function serveConnection(ctx: BridgeContext, socket: Socket, sockets: Set<Socket>): void {
  sockets.add(socket);
  const decoder = new FrameDecoder(MAX_REQUEST_FRAME_BYTES);
  let origin: string | undefined;
  const send = (reply: SuccessResponse | ErrorResponse): void => {
    if (socket.destroyed) return;
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
  socket.on('error', () => socket.destroy());
  socket.on('close', () => sockets.delete(socket));
  socket.on('data', (chunk: Buffer) => {
    for (const frame of decoder.push(chunk)) {
      if (!frame.ok) {
        send(buildError(null, { code: 'BAD_REQUEST', message: `Signet ignored a broken message: ${frame.detail}` }));
        continue;
      }
      if (origin === undefined) {
        const hello = relayHelloSchema.safeParse(frame.message);
        if (!hello.success || !extensionOriginSchema.safeParse(hello.data.origin).success) {
          send(
            buildError(null, {
              code: 'BAD_REQUEST',
              message: 'Connect through the Signet native host (the first message must say which extension is asking).',
            }),
          );
          socket.end();
          return;
        }
        origin = hello.data.origin;
        continue;
      }
      void answer(ctx, origin, frame.message).then(send);
    }
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
