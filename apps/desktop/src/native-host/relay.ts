// The relay between the browser (stdio, native-messaging frames) and the running Signet (the
// bridge socket). It holds no keys and makes no decisions: it frames, forwards, and answers on
// Signet's behalf only when Signet cannot answer (not running, or gone mid-request). Every bad
// frame from either side becomes an error reply; nothing here throws on input.
import { connect, type Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import {
  buildAppNotRunning,
  buildError,
  buildRelayHello,
  encodeFrame,
  FrameDecoder,
  MAX_REQUEST_FRAME_BYTES,
  MAX_RESPONSE_FRAME_BYTES,
  peekResponseId,
} from '@signet/protocol';

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
  let connecting: Promise<Socket | undefined> | undefined;
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

  const openBridge = (): Promise<Socket | undefined> => {
    if (bridge) return Promise.resolve(bridge);
    connecting ??= new Promise<Socket | undefined>((resolve) => {
      const socket = connect(socketPath);
      socket.once('error', (err) => {
        log(`signet native host: cannot reach Signet at ${socketPath}: ${err.message}`);
        resolve(undefined);
      });
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        attachBridge(socket);
        socket.write(encodeFrame(buildRelayHello(origin!, options.hostVersion), MAX_REQUEST_FRAME_BYTES));
        resolve(socket);
      });
    }).finally(() => {
      connecting = undefined;
    });
    return connecting;
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
        toBrowser(frame.message);
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

  const forward = async (message: unknown): Promise<void> => {
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
    if (id) pending.add(id);
    socket.write(encodeFrame(message, MAX_REQUEST_FRAME_BYTES));
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
      chain = chain.then(() => forward(frame.message));
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
