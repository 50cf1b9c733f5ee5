// A live `signet serve` (the built CLI as a child process) and an approved client that speaks the
// real framed protocol to it over its Unix socket: the harness of the bridge attack tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import {
  buildRelayHello,
  buildRequest,
  encodeFrame,
  FrameDecoder,
  type ParamsOf,
} from '../../packages/protocol/src/index.js';
import { signetBin } from './signet-cli.js';

export interface LiveServe {
  /** One `link` request from `origin`; the reply frame (a failed frame as it came). */
  askLink(params: ParamsOf<'link'>): Promise<Record<string, unknown>>;
  stop(): void;
}

/** Starts `signet serve --socket socketPath` with `env` and waits until it says it is serving. */
export async function startServe(env: NodeJS.ProcessEnv, socketPath: string, origin: string): Promise<LiveServe> {
  const serve: ChildProcess = spawn(process.execPath, [signetBin, 'serve', '--socket', socketPath], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    serve.stdout!.on('data', (d: Buffer) => d.toString().includes('serving') && resolve());
    serve.once('exit', (code) => reject(new Error(`signet serve exited with ${code}`)));
  });
  let socket: Socket | undefined;
  return {
    async askLink(params) {
      if (!socket) {
        socket = connect(socketPath);
        await new Promise<void>((resolve, reject) => socket!.once('connect', resolve).once('error', reject));
        socket.write(encodeFrame(buildRelayHello(origin), 1 << 20));
      }
      const s = socket;
      const decoder = new FrameDecoder(1 << 20);
      const reply = new Promise<Record<string, unknown>>((resolve) => {
        const onData = (chunk: Buffer) => {
          const [frame] = decoder.push(chunk);
          if (!frame) return;
          s.off('data', onData);
          resolve((frame.ok ? frame.message : frame) as Record<string, unknown>);
        };
        s.on('data', onData);
      });
      s.write(encodeFrame(buildRequest('link', `r-${Math.random()}`, params), 1 << 20));
      return reply;
    },
    stop() {
      socket?.destroy();
      serve.kill('SIGTERM');
    },
  };
}
