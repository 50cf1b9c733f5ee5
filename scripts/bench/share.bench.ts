// `pnpm bench share`: time from "share this 1 MiB file" to a checked link, through the whole
// sharing engine (profile, keychain credentials, existence check, upload, signing, link check,
// history) against a local RGW. Median over 25 runs after warm-up — goal < 100 ms on loopback.
// Baseline in the same run: a bare PutObject + HEAD of the same bytes with the same client
// settings, i.e. the least network work any share needs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client, createSharingService } from '../../packages/sharing/src/index.js';
import { startRgw } from '../test-support/rgw.js';
import { printRows, ratio, type Measurement } from './measure.js';

const RUNS = 25;

export async function run(): Promise<{ missed: number }> {
  const rgw = await startRgw();
  const dir = mkdtempSync(join(tmpdir(), 'signet-bench-share-'));
  let missed = 0;
  try {
    const client = createS3Client({ region: rgw.region, endpoint: rgw.endpoint, forcePathStyle: true }, rgw);
    await client.send(new CreateBucketCommand({ Bucket: 'bench' }));
    const home = join(dir, 'home');
    const service = createSharingService({ paths: { configDir: home, dataDir: home } });
    await service.saveProfile({
      id: 'bench',
      bucket: 'bench',
      region: rgw.region,
      endpoint: rgw.endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret('bench', { accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey });
    const small = join(dir, 'one-mib.bin');
    writeFileSync(small, Buffer.alloc(2 ** 20, 3));
    const bytes = readFileSync(small);

    const share: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      let t = performance.now();
      const { links } = await service.share({ paths: [small], source: 'cli', check: true });
      if (!links[0]?.check?.ok) throw new Error(`link check failed in bench: ${links[0]?.check?.message}`);
      if (i > 0) share.push(performance.now() - t); // the first run warms up (keychain, TLS-free sockets, JIT)
      t = performance.now();
      await client.send(new PutObjectCommand({ Bucket: 'bench', Key: `bare/${i}`, Body: bytes }));
      await client.send(new HeadObjectCommand({ Bucket: 'bench', Key: `bare/${i}` }));
      if (i > 0) bare.push(performance.now() - t);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
    const ms = (name: string, v: number): Measurement => ({ name, usPerOp: v * 1000, ops: RUNS });
    printRows(`Share a 1 MiB file → checked link (median of ${RUNS})`, [
      ratio(
        ms('share → checked link', median(share)),
        ms('bare PutObject + HeadObject', median(bare)),
        'median < 100 ms; ratio is the engine overhead',
        () => median(share) < 100,
      ),
    ]);
    console.log(
      `      → median ${median(share).toFixed(1)} ms, p90 ${p90(share).toFixed(1)} ms (goal: median < 100 ms); bare PUT+HEAD median ${median(bare).toFixed(1)} ms`,
    );
    if (!(median(share) < 100)) missed++;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await rgw.stop();
  }
  return { missed };
}
