// Starts and stops a throw-away Ceph RADOS Gateway (scripts/rgw/start-rgw.sh) on free
// loopback ports, so test runs and benchmarks in parallel never share a cluster.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const scripts = fileURLToPath(new URL('../rgw/', import.meta.url));

/** What a test needs to reach the local S3 server. */
export interface TestS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface RunningRgw extends TestS3 {
  base: string;
  stop(): Promise<void>;
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

function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^export ([A-Z_0-9]+)=(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/** Boots RGW (~3 s). Throws with the script's log tail when it cannot. */
export async function startRgw(): Promise<RunningRgw> {
  const base = mkdtempSync(join(tmpdir(), 'signet-rgw-'));
  const [rgwPort, monV1, monV2] = [await freePort(), await freePort(), await freePort()];
  const env = {
    ...process.env,
    BASE: base,
    RGW_PORT: String(rgwPort),
    MON_V1_PORT: String(monV1),
    MON_V2_PORT: String(monV2),
  };
  let stdout: string;
  try {
    ({ stdout } = await run('bash', [join(scripts, 'start-rgw.sh')], { env, maxBuffer: 1 << 24 }));
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(
      `Could not start the local S3 server (Ceph RGW). Is it installed? Run: bash scripts/setup.sh\n${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
  }
  const vars = parseEnvFile(stdout);
  const endpoint = vars.S3_ENDPOINT;
  const accessKeyId = vars.AWS_ACCESS_KEY_ID;
  const secretAccessKey = vars.AWS_SECRET_ACCESS_KEY;
  if (!endpoint || !accessKeyId || !secretAccessKey) throw new Error(`start-rgw.sh printed no env:\n${stdout}`);
  return {
    base,
    endpoint,
    accessKeyId,
    secretAccessKey,
    region: vars.AWS_REGION ?? 'us-east-1',
    async stop() {
      await run('bash', [join(scripts, 'stop-rgw.sh')], { env: { ...process.env, BASE: base, FAST: '1', WIPE: '1' } });
    },
  };
}
