// `pnpm bench upload`: uploads of the sharing engine against a local RGW (issue 3), measured in
// one run against the same server:
//   - throughput of the share path (service.share of a 1 GiB file: existence check, multipart
//     upload, signing, history) vs `aws s3 cp` of the same file — goal: ≥ 1.0× aws (time ≤ 1.0×)
//   - peak memory of a child process uploading 256 MiB and 1 GiB: bounded by part size ×
//     parallel parts and the same for both sizes, not growing with the file
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createS3Client, createSharingService, DEFAULT_PART_SIZE, DEFAULT_QUEUE_SIZE } from '../../packages/sharing/src/index.js';
import { startRgw, type RunningRgw } from '../test-support/rgw.js';
import { printRows, ratio, type Measurement } from './measure.js';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const RUNS = 2; // best of two each, interleaved: the machine is shared

export async function run(): Promise<{ missed: number }> {
  const rgw = await startRgw();
  const dir = mkdtempSync(join(tmpdir(), 'signet-bench-upload-'));
  let missed = 0;
  try {
    await createS3Client({ region: rgw.region, endpoint: rgw.endpoint, forcePathStyle: true }, rgw).send(new CreateBucketCommand({ Bucket: 'bench' }));
    const big = randomFile(dir, 'big.bin', GiB);

    // 1) throughput: share path vs aws s3 cp
    const home = join(dir, 'home');
    const service = createSharingService({ paths: { configDir: home, dataDir: home } });
    await service.saveProfile({ id: 'bench', bucket: 'bench', region: rgw.region, endpoint: rgw.endpoint, forcePathStyle: true, keyTemplate: '{uuid}/{name}' });
    await service.setAwsSecret('bench', { accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey });
    let aws = Infinity;
    let signet = Infinity;
    for (let i = 0; i < RUNS; i++) {
      aws = Math.min(aws, awsCp(rgw, big, `s3://bench/aws-${i}.bin`));
      const t0 = performance.now();
      await service.share({ paths: [big], source: 'cli' });
      signet = Math.min(signet, (performance.now() - t0) / 1000);
    }
    const row = ratio(seconds(`Signet share 1 GiB (${(1024 / signet).toFixed(0)} MiB/s)`, signet), seconds(`aws s3 cp (${(1024 / aws).toFixed(0)} MiB/s)`, aws), 'time ≤ 1.0× aws, i.e. throughput ≥ 1.0×', (r) => r <= 1.0);
    printRows(`Upload throughput, 1 GiB to RGW on loopback, best of ${RUNS} (${DEFAULT_PART_SIZE / MiB} MiB parts × ${DEFAULT_QUEUE_SIZE} in flight)`, [row]);
    console.log(`      → Signet throughput = ${(1 / row.ratio).toFixed(2)}× aws s3 cp`);
    if (!row.pass) missed++;

    // 2) peak memory in a child process, two file sizes
    const bound = (DEFAULT_QUEUE_SIZE + 1) * DEFAULT_PART_SIZE; // parts in flight + the one being filled
    const quarter = randomFile(dir, 'quarter.bin', GiB / 4);
    console.log(`\n## Peak memory while uploading (child process; bound = (parallel parts + 1) × part size = ${bound / MiB} MiB)`);
    const peaks: number[] = [];
    for (const [file, label] of [[quarter, '256 MiB'], [big, '1 GiB']] as const) {
      const m = measureMemory(rgw, dir, file);
      const growth = m.peakRss - m.baseRss;
      peaks.push(growth);
      const pass = growth <= 2 * bound;
      if (!pass) missed++;
      console.log(
        `${pass ? 'PASS' : 'MISS'}  ${label}: peak RSS ${(m.peakRss / MiB).toFixed(0)} MiB (${(growth / MiB).toFixed(0)} MiB above start-up), peak heap ${(m.peakHeap / MiB).toFixed(0)} MiB, peak buffers ${(m.peakBuffers / MiB).toFixed(0)} MiB  (goal: growth ≤ 2 × bound = ${(2 * bound) / MiB} MiB)`,
      );
    }
    const flat = peaks[1]! <= peaks[0]! * 1.5 + 32 * MiB;
    if (!flat) missed++;
    console.log(`${flat ? 'PASS' : 'MISS'}  4× the file size → ${(peaks[1]! / peaks[0]!).toFixed(2)}× the memory growth (goal: not growing with the file, ≤ 1.5× + 32 MiB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await rgw.stop();
  }
  return { missed };
}

function seconds(name: string, s: number): Measurement {
  return { name, usPerOp: s * 1e6, ops: 1 };
}

function randomFile(dir: string, name: string, size: number): string {
  const p = join(dir, name);
  const r = spawnSync('bash', ['-c', `head -c ${size} /dev/urandom > '${p}'`]);
  if (r.status !== 0) throw new Error(`could not write ${p}`);
  return p;
}

function awsCp(rgw: RunningRgw, file: string, target: string): number {
  const env = { ...process.env, AWS_ACCESS_KEY_ID: rgw.accessKeyId, AWS_SECRET_ACCESS_KEY: rgw.secretAccessKey, AWS_DEFAULT_REGION: rgw.region, AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED', AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED' };
  const t0 = performance.now();
  const cp = spawnSync('aws', ['--endpoint-url', rgw.endpoint, 's3', 'cp', file, target, '--only-show-errors'], { env, encoding: 'utf8' });
  if (cp.status !== 0) throw new Error(`aws s3 cp failed: ${cp.stderr}`);
  return (performance.now() - t0) / 1000;
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
const sample = () => { const m = process.memoryUsage(); peakHeap = Math.max(peakHeap, m.heapUsed); peakBuffers = Math.max(peakBuffers, m.external + m.arrayBuffers); };
const timer = setInterval(sample, 20);
await uploadFile({ client, bucket: 'bench', key: 'mem/' + Date.now(), filePath: ${JSON.stringify(file)} });
clearInterval(timer); sample();
console.log(JSON.stringify({ baseRss, peakRss: process.resourceUsage().maxRSS * 1024, peakHeap, peakBuffers }));
`,
  );
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const m = spawnSync(tsx, [child], { encoding: 'utf8', env: { ...process.env, K: rgw.accessKeyId, S: rgw.secretAccessKey, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
  if (m.status !== 0) throw new Error(`memory child failed: ${m.stderr}`);
  return JSON.parse(m.stdout.trim().split('\n').pop()!) as Memory;
}
