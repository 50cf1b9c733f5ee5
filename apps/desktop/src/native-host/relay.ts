// The relay between the browser (stdio, native-messaging frames) and the running Signet (the
// bridge socket). It holds no keys and makes no decisions: it frames, forwards, and answers on
// Signet's behalf only when Signet cannot answer (not running, or gone mid-request), or when the
// socket fails the ownership check (verify-bridge-socket.ts): then nothing is sent to it. Every
// bad frame from either side becomes an error reply; nothing here throws on input. Good frames are
// forwarded as the bytes that arrived (never re-serialised), and the decoder refuses JSON nested
// deeper than MAX_JSON_DEPTH, so no message can exhaust the stack here.
import { connect, Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import {
  buildAppNotRunning,
  buildError,
  buildRelayHello,
  encodeFrame,
  FRAME_HEADER_BYTES,
  FrameDecoder,
  MAX_REQUEST_FRAME_BYTES,
  MAX_RESPONSE_FRAME_BYTES,
  peekResponseId,
} from '@signet/protocol';
import { unsafeSocketMessage, verifyBridgeSocket } from './verify-bridge-socket.js';

export interface RelayOptions {
  /** Frames from the browser (process.stdin). */
  input: Readable;
  /** Frames to the browser (process.stdout). */
  output: Writable;
  /** The extension origin the browser passed on the command line; undefined when missing. */
  origin: string | undefined;
  /** Where the bridge server listens. */
  socketPath: string;
  hostVersion?: string;
  /** Diagnostics (the browser puts a host's stderr in its log). */
  log?: (line: string) => void;
}

/** Runs until the browser closes stdin; resolves then. */
export function runRelay(options: RelayOptions): Promise<void> {
  const { input, output, origin, socketPath } = options;
  const log = options.log ?? (() => {});
  const fromBrowser = new FrameDecoder(MAX_REQUEST_FRAME_BYTES);
  let bridge: Socket | undefined;
  /** Resolves to the socket, to a reason the socket is not safe, or to undefined (nothing listens). */
  let connecting: Promise<Socket | { unsafe: string } | undefined> | undefined;
  /** Ids forwarded to the bridge and not answered yet (answered here if the bridge goes away). */
  const pending = new Set<string>();

  const toBrowser = (message: unknown): void => {
    try {
      output.write(encodeFrame(message, MAX_RESPONSE_FRAME_BYTES));
    } catch {
      output.write(
        encodeFrame(
          buildError(peekResponseId(message), {
            code: 'INTERNAL',
            message: 'The reply was larger than a browser accepts (1 MB).',
          }),
          MAX_RESPONSE_FRAME_BYTES,
        ),
      );
    }
  };

  const openBridge = (): Promise<Socket | { unsafe: string } | undefined> => {
    if (bridge) return Promise.resolve(bridge);
    if (connecting) return connecting;
    const attempt = (async (): Promise<Socket | { unsafe: string } | undefined> => {
      const verdict = await verifyBridgeSocket(socketPath);
      return verdict.ok ? connectBridge() : { unsafe: verdict.reason };
    })().finally(() => {
      connecting = undefined;
    });
    connecting = attempt;
    return attempt;
  };

  // The check before connecting can pass on a folder that does not exist yet, and another user can
  // create it between that check and connect(). So the folder and socket are checked again once
  // connected, before a byte is written: a folder that belongs to this user and is closed to
  // others cannot be swapped afterwards, and a planted one still shows its owner (or is gone).
  const connectBridge = (): Promise<Socket | { unsafe: string } | undefined> =>
    new Promise<Socket | { unsafe: string } | undefined>((resolve) => {
      const socket = connect(socketPath);
      socket.once('error', (err) => {
        log(`signet native host: cannot reach Signet at ${socketPath}: ${err.message}`);
        resolve(undefined);
      });
      socket.once('connect', () => {
        void verifyBridgeSocket(socketPath, { connected: true }).then((verdict) => {
          if (socket.destroyed) return; // it failed meanwhile: the error handler answered
          if (!verdict.ok) {
            socket.destroy();
            resolve({ unsafe: verdict.reason });
            return;
          }
          socket.removeAllListeners('error');
          attachBridge(socket);
          socket.write(encodeFrame(buildRelayHello(origin!, options.hostVersion), MAX_REQUEST_FRAME_BYTES));
          resolve(socket);
        });
      });
    });

  /** One frame with the JSON bytes exactly as they arrived. */
  const rawFrame = (body: Uint8Array): Uint8Array => {
    const frame = new Uint8Array(FRAME_HEADER_BYTES + body.byteLength);
    new DataView(frame.buffer).setUint32(0, body.byteLength, true);
    frame.set(body, FRAME_HEADER_BYTES);
    return frame;
  };

  const attachBridge = (socket: Socket): void => {
    bridge = socket;
    const fromBridge = new FrameDecoder(MAX_RESPONSE_FRAME_BYTES);
    socket.on('data', (chunk: Buffer) => {
      for (const frame of fromBridge.push(chunk)) {
        if (!frame.ok) {
          log(`signet native host: dropped a ${frame.reason} reply from Signet (${frame.detail})`);
          continue;
        }
        const id = peekResponseId(frame.message);
        if (id) pending.delete(id);
        output.write(rawFrame(frame.body)); // within MAX_RESPONSE_FRAME_BYTES: the decoder checked
      }
    });
    const drop = (): void => {
      if (bridge !== socket) return;
      bridge = undefined;
      for (const id of pending)
        toBrowser(
          buildError(id, {
            code: 'APP_NOT_RUNNING',
            message: 'Signet stopped before it answered. Open Signet, or run `signet serve`, and try again.',
          }),
        );
      pending.clear();
    };
    socket.on('error', drop);
    socket.on('close', drop);
  };

  const forward = async (message: unknown, body: Uint8Array): Promise<void> => {
    const id = peekResponseId(message);
    if (!origin) {
      toBrowser(
        buildError(id, {
          code: 'BAD_REQUEST',
          message: 'The Signet native host was started without an extension origin; it must be started by the browser.',
        }),
      );
      return;
    }
    const socket = await openBridge();
    if (!socket) {
      toBrowser(buildAppNotRunning(id));
      return;
    }
    if (!(socket instanceof Socket)) {
      log(`signet native host: refusing ${socketPath}: ${socket.unsafe}`);
      toBrowser(buildError(id, { code: 'APP_NOT_RUNNING', message: unsafeSocketMessage(socket.unsafe) }));
      return;
    }
    if (id) pending.add(id);
    socket.write(rawFrame(body));
  };

  // Requests keep their order even while the first one waits for the connection.
  let chain = Promise.resolve();
  input.on('data', (chunk: Buffer) => {
    for (const frame of fromBrowser.push(chunk)) {
      if (!frame.ok) {
        toBrowser(
          buildError(null, {
            code: 'BAD_REQUEST',
            message: `The Signet native host ignored a broken message: ${frame.detail}`,
          }),
        );
        continue;
      }
      chain = chain.then(() => forward(frame.message, frame.body));
    }
  });

  if (origin) void openBridge(); // connect early: the first click should not wait for it

  return new Promise<void>((resolve) => {
    const finish = (): void => {
      void chain.then(() => {
        bridge?.end();
        bridge?.destroy();
        resolve();
      });
    };
    input.once('end', finish);
    input.once('close', finish);
    input.once('error', finish);
  });
}
