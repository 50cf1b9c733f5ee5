// `pnpm bench upload`: uploads of the sharing engine against a local RGW (issue 3):
//   - throughput of the `signet share` command (the built CLI in a child process: start-up,
//     existence check, multipart upload, signing, history) vs `aws s3 cp` of the same 1 GiB
//     file to the same server — goal: ≥ 1.0× aws. Both commands pay their own start-up.
//     Every timed upload gets a fresh RGW of its own, warmed up by a 256 MiB upload: an RGW's
//     memstore OSD slows down as it fills (deleted objects are only reclaimed hours later), and
//     the first upload to a new server is slower, whoever makes it. The order alternates
//     between pairs; the result is the geometric mean of the per-pair ratios.
//   - peak memory of a child process uploading 256 MiB and 1 GiB: bounded by part size ×
//     parallel parts and the same for both sizes, not growing with the file
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createS3Client, DEFAULT_PART_SIZE, DEFAULT_QUEUE_SIZE, uploadFile } from '../../packages/sharing/src/index.js';
import { startRgw, type RunningRgw } from '../test-support/rgw.js';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const PAIRS = 4; // even: each tool goes first equally often
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'apps/cli/dist/signet.mjs');

export async function run(): Promise<{ missed: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'signet-bench-upload-'));
  let missed = 0;
  try {
    const build = spawnSync('pnpm', ['--filter', '@signet/cli', 'run', 'build'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stderr}`);
    const big = randomFile(dir, 'big.bin', GiB);
    const quarter = randomFile(dir, 'quarter.bin', GiB / 4);

    // 1) throughput: `signet share` vs `aws s3 cp`, each upload on a fresh, warmed-up server
    console.log(
      `\n## Upload throughput, 1 GiB to RGW on loopback: \`signet share\` vs \`aws s3 cp\`, ${PAIRS} pairs, each upload on a fresh server (${DEFAULT_PART_SIZE / MiB} MiB parts × ${DEFAULT_QUEUE_SIZE} in flight, as aws)`,
    );
    const ratios: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      const order = pair % 2 === 0 ? (['aws', 'signet'] as const) : (['signet', 'aws'] as const);
      const took: Record<'aws' | 'signet', number> = { aws: 0, signet: 0 };
      for (const tool of order) {
        const rgw = await startRgw();
        try {
          const client = createS3Client({ region: rgw.region, endpoint: rgw.endpoint, forcePathStyle: true }, rgw);
          await client.send(new CreateBucketCommand({ Bucket: 'bench' }));
          await uploadFile({ client, bucket: 'bench', key: 'warm-up.bin', filePath: quarter });
          if (tool === 'aws') {
            took.aws = timed(() => aws(rgw, big, 's3://bench/aws.bin'));
          } else {
            const home = join(dir, `home-${pair}`);
            mkdirSync(home);
            signet(rgw, home, [
              'profile',
              'add',
              'bench',
              '--bucket',
              'bench',
              '--endpoint',
              rgw.endpoint,
              '--path-style',
              '--default-chain',
              '--key-template',
              '{uuid}/{name}',
              '--default',
            ]);
            took.signet = timed(() => signet(rgw, home, ['share', big]));
          }
        } finally {
          await rgw.stop();
        }
      }
      const ratio = took.aws / took.signet;
      ratios.push(ratio);
      console.log(
        `      pair ${pair + 1}: aws s3 cp ${took.aws.toFixed(2)} s (${(1024 / took.aws).toFixed(0)} MiB/s), signet share ${took.signet.toFixed(2)} s (${(1024 / took.signet).toFixed(0)} MiB/s) → ${ratio.toFixed(2)}×`,
      );
    }
    const mean = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
    const pass = mean >= 1.0;
    if (!pass) missed++;
    console.log(
      `${pass ? 'PASS' : 'MISS'}  signet share throughput = ${mean.toFixed(2)}× aws s3 cp (geometric mean of ${PAIRS} pairs, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×; goal ≥ 1.0×)`,
    );

    // 2) peak memory in a child process, two file sizes
    const rgw = await startRgw();
    try {
      await createS3Client({ region: rgw.region, endpoint: rgw.endpoint, forcePathStyle: true }, rgw).send(
        new CreateBucketCommand({ Bucket: 'bench' }),
      );
      const bound = DEFAULT_QUEUE_SIZE * DEFAULT_PART_SIZE; // one reused buffer per part in flight
      console.log(
        `\n## Peak memory while uploading (child process; bound = parallel parts × part size = ${bound / MiB} MiB)`,
      );
      const peaks: number[] = [];
      for (const [file, label] of [
        [quarter, '256 MiB'],
        [big, '1 GiB'],
      ] as const) {
        const m = measureMemory(rgw, dir, file);
        const growth = m.peakRss - m.baseRss;
        peaks.push(growth);
        const ok = growth <= 2 * bound;
        if (!ok) missed++;
        console.log(
          `${ok ? 'PASS' : 'MISS'}  ${label}: peak RSS ${(m.peakRss / MiB).toFixed(0)} MiB (${(growth / MiB).toFixed(0)} MiB above start-up), peak heap ${(m.peakHeap / MiB).toFixed(0)} MiB, peak external (buffers) ${(m.peakBuffers / MiB).toFixed(0)} MiB  (goal: growth ≤ 2 × bound = ${(2 * bound) / MiB} MiB)`,
        );
      }
      const flat = peaks[1]! <= peaks[0]! * 1.5 + 32 * MiB;
      if (!flat) missed++;
      console.log(
        `${flat ? 'PASS' : 'MISS'}  4× the file size → ${(peaks[1]! / peaks[0]!).toFixed(2)}× the memory growth (goal: not growing with the file, ≤ 1.5× + 32 MiB)`,
      );
    } finally {
      await rgw.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { missed };
}

function timed(f: () => void): number {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
}

/** The built CLI, credentials from the environment (a --default-chain profile), its own SIGNET_HOME. */
function signet(rgw: RunningRgw, home: string, args: string[]): void {
  const env = {
    ...process.env,
    SIGNET_HOME: home,
    AWS_ACCESS_KEY_ID: rgw.accessKeyId,
    AWS_SECRET_ACCESS_KEY: rgw.secretAccessKey,
    AWS_REGION: rgw.region,
  };
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`signet ${args[0]} failed: ${r.stderr}`);
}

function randomFile(dir: string, name: string, size: number): string {
  const p = join(dir, name);
  const r = spawnSync('bash', ['-c', `head -c ${size} /dev/urandom > '${p}'`]);
  if (r.status !== 0) throw new Error(`could not write ${p}`);
  return p;
}

function aws(rgw: RunningRgw, file: string, target: string): void {
  // Checksums only when required, as Signet sends them (RGW 16 rejects aws-chunked trailers).
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: rgw.accessKeyId,
    AWS_SECRET_ACCESS_KEY: rgw.secretAccessKey,
    AWS_DEFAULT_REGION: rgw.region,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  };
  const cp = spawnSync('aws', ['--endpoint-url', rgw.endpoint, 's3', 'cp', file, target, '--only-show-errors'], {
    env,
    encoding: 'utf8',
  });
  if (cp.status !== 0) throw new Error(`aws s3 cp failed: ${cp.stderr}`);
}

interface Memory {
  baseRss: number;
  peakRss: number;
  peakHeap: number;
  peakBuffers: number;
}

/** Uploads `file` with the product defaults in a fresh process and samples its memory. */
function measureMemory(rgw: RunningRgw, dir: string, file: string): Memory {
  const index = fileURLToPath(new URL('../../packages/sharing/src/index.ts', import.meta.url));
  const child = join(dir, 'memory-child.mts');
  writeFileSync(
    child,
    `import { createS3Client, uploadFile } from ${JSON.stringify(index)};
const client = createS3Client({ region: ${JSON.stringify(rgw.region)}, endpoint: ${JSON.stringify(rgw.endpoint)}, forcePathStyle: true }, { accessKeyId: process.env.K!, secretAccessKey: process.env.S! });
const baseRss = process.resourceUsage().maxRSS * 1024;
let peakHeap = 0, peakBuffers = 0;
const sample = () => { const m = process.memoryUsage(); peakHeap = Math.max(peakHeap, m.heapUsed); peakBuffers = Math.max(peakBuffers, m.external); };
const timer = setInterval(sample, 20);
await uploadFile({ client, bucket: 'bench', key: 'mem/' + Date.now(), filePath: ${JSON.stringify(file)} });
clearInterval(timer); sample();
console.log(JSON.stringify({ baseRss, peakRss: process.resourceUsage().maxRSS * 1024, peakHeap, peakBuffers }));
`,
  );
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const m = spawnSync(tsx, [child], {
    encoding: 'utf8',
    env: {
      ...process.env,
      K: rgw.accessKeyId,
      S: rgw.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
  if (m.status !== 0) throw new Error(`memory child failed: ${m.stderr}`);
  return JSON.parse(m.stdout.trim().split('\n').pop()!) as Memory;
}
