// Starts and stops a throw-away moto server (the AWS API emulator, `moto_server`, installed
// with pip) on a free loopback port: the CloudFront and STS control planes for tests. moto
// checks request shapes, not signatures or IAM; S3 stays on RGW. One per test file (beforeAll).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningMoto {
  endpoint: string;
  /** The AWS_ENDPOINT_URL_* variables that point the product's clients at this server. */
  env: { AWS_ENDPOINT_URL_CLOUDFRONT: string; AWS_ENDPOINT_URL_STS: string };
  stop(): Promise<void>;
  /** SIGKILL now, synchronously: for a test that needs CloudFront gone before its next call. */
  kill(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Boots moto_server (~1–2 s) and waits until it answers. */
export async function startMoto(): Promise<RunningMoto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let log = '';
  try {
    child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error('moto_server is not installed. Install it with: pip install "moto[server]" (see scripts/setup.sh)');
  }
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', () =>
      reject(new Error('moto_server could not be started. Install it with: pip install "moto[server]"')),
    );
    child.once('exit', (code) => reject(new Error(`moto_server exited (${code}) before it answered:\n${log}`)));
  });
  const deadline = Date.now() + 20_000;
  const ready = (async () => {
    for (;;) {
      try {
        const r = await fetch(`${endpoint}/moto-api/`);
        if (r.status < 500) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`moto_server did not answer within 20 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => undefined);
  return {
    endpoint,
    env: { AWS_ENDPOINT_URL_CLOUDFRONT: endpoint, AWS_ENDPOINT_URL_STS: endpoint },
    kill() {
      child.kill('SIGKILL');
    },
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
