// `pnpm bench share`: the sharing engine against a local RGW, as ratios and figures measured in
// the same run (issue 3):
//   - upload throughput of a 1 GiB share vs `aws s3 cp` of the same file to the same server
//     (goal ≥ 1.0×)
//   - "share this 1 MiB file" → checked link, median over 15 runs (goal < 100 ms on loopback)
//   - peak RSS of a child process uploading 1 GiB: bounded by part size × parallel parts (≤ 2×),
//     not by file size
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createSharingService, DEFAULT_PART_SIZE, DEFAULT_QUEUE_SIZE, uploadFile } from '../../packages/sharing/src/index.js';
import { startRgw } from '../test-support/rgw.js';

const GiB = 1024 ** 3;
// The product's defaults (8 MiB parts, 10 in flight, like `aws s3 cp`) are what is measured.
const PART = DEFAULT_PART_SIZE;
const QUEUE = DEFAULT_QUEUE_SIZE;

export async function run(): Promise<{ missed: number }> {
  const rgw = await startRgw();
  const dir = mkdtempSync(join(tmpdir(), 'signet-bench-'));
  let missed = 0;
  try {
    const client = new S3Client({ endpoint: rgw.endpoint, region: rgw.region, forcePathStyle: true, credentials: rgw, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
    await client.send(new CreateBucketCommand({ Bucket: 'bench' }));
    const big = join(dir, 'big.bin');
    spawnSync('bash', ['-c', `head -c ${GiB} /dev/urandom > '${big}'`]);

    // 1) throughput vs aws s3 cp (same file, same server, same run)
    const awsEnv = { ...process.env, AWS_ACCESS_KEY_ID: rgw.accessKeyId, AWS_SECRET_ACCESS_KEY: rgw.secretAccessKey, AWS_DEFAULT_REGION: rgw.region, AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED', AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED' };
    let t0 = performance.now();
    const cp = spawnSync('aws', ['--endpoint-url', rgw.endpoint, 's3', 'cp', big, 's3://bench/aws-cp.bin', '--only-show-errors'], { env: awsEnv, encoding: 'utf8' });
    const awsSeconds = (performance.now() - t0) / 1000;
    if (cp.status !== 0) throw new Error(`aws s3 cp failed: ${cp.stderr}`);
    t0 = performance.now();
    await uploadFile({ client, bucket: 'bench', key: 'signet.bin', filePath: big, partSize: PART, queueSize: QUEUE });
    const signetSeconds = (performance.now() - t0) / 1000;
    const ratio = awsSeconds / signetSeconds;
    const pass1 = ratio >= 1.0;
    if (!pass1) missed++;
    console.log('\n## Upload throughput, 1 GiB to RGW on loopback');
    console.log(`${pass1 ? 'PASS' : 'MISS'}  Signet ${(1024 / signetSeconds).toFixed(0)} MiB/s (${signetSeconds.toFixed(2)} s)  vs  aws s3 cp ${(1024 / awsSeconds).toFixed(0)} MiB/s (${awsSeconds.toFixed(2)} s)  → ${ratio.toFixed(2)}× aws (goal ≥ 1.0×)`);

    // 2) share 1 MiB → checked link
    const home = join(dir, 'home');
    const service = createSharingService({ paths: { configDir: home, dataDir: home } });
    await service.saveProfile({ id: 'bench', bucket: 'bench', region: rgw.region, endpoint: rgw.endpoint, forcePathStyle: true });
    await service.setAwsSecret('bench', { accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey });
    const small = join(dir, 'one-mib.bin');
    writeFileSync(small, Buffer.alloc(1024 * 1024, 3));
    const times: number[] = [];
    for (let i = 0; i < 16; i++) {
      const t = performance.now();
      const { links } = await service.share({ paths: [small], source: 'cli', check: true });
      if (!links[0]?.check?.ok) throw new Error('link check failed in bench');
      if (i > 0) times.push(performance.now() - t); // first run warms up
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const pass2 = median < 100;
    if (!pass2) missed++;
    console.log('\n## Share a 1 MiB file → checked link (15 runs)');
    console.log(`${pass2 ? 'PASS' : 'MISS'}  median ${median.toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(1)} ms (goal: median < 100 ms)`);

    // 3) peak memory of a child uploading 1 GiB
    const child = join(dir, 'child.mts');
    writeFileSync(child, `import { createS3Client, uploadFile } from ${JSON.stringify(new URL('../../packages/sharing/src/index.ts', import.meta.url).pathname)};
      const client = createS3Client({ region: 'us-east-1', endpoint: ${JSON.stringify(rgw.endpoint)}, forcePathStyle: true }, { accessKeyId: ${JSON.stringify(rgw.accessKeyId)}, secretAccessKey: ${JSON.stringify(rgw.secretAccessKey)} });
      const base = process.resourceUsage().maxRSS;
      await uploadFile({ client, bucket: 'bench', key: 'mem.bin', filePath: ${JSON.stringify(big)}, partSize: ${PART}, queueSize: ${QUEUE} });
      console.log(JSON.stringify({ base: base * 1024, peak: process.resourceUsage().maxRSS * 1024 }));`);
    const m = spawnSync(new URL('../../node_modules/.bin/tsx', import.meta.url).pathname, [child], { encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    if (m.status !== 0) throw new Error(`memory child failed: ${m.stderr}`);
    const { base, peak } = JSON.parse(m.stdout.trim().split('\n').pop()!) as { base: number; peak: number };
    // lib-storage holds the parts in flight, the part being filled and the SDK's request copies:
    // the bound is a small multiple of part size × parallel parts, and independent of file size.
    const bound = 2 * PART * QUEUE;
    const pass3 = peak - base <= bound;
    if (!pass3) missed++;
    console.log('\n## Peak memory while uploading 1 GiB (child process)');
    console.log(`${pass3 ? 'PASS' : 'MISS'}  peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB, ${((peak - base) / 2 ** 20).toFixed(0)} MiB above start-up; goal ≤ 2 × part size × parallel parts = ${(bound / 2 ** 20).toFixed(0)} MiB, far below the 1024 MiB file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await rgw.stop();
  }
  return { missed };
}
