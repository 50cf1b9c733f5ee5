// `pnpm bench s3`: per-link cost of S3 presigning, as ratios against baselines measured in the
// same run (never absolute thresholds: the machine is shared).
//   raw bound — the least node:crypto work a SigV4 link needs: SHA-256 of a canonical request and
//               one HMAC-SHA256 with an already-derived signing key (no string building at all)
//   subject   — createS3Presigner(...).presign / presignSync over distinct keys (bulk signing)
//   naive     — getSignedUrl(new S3Client(...), new GetObjectCommand(...)) per link, the way most
//               code calls @aws-sdk/s3-request-presigner
// Goals (issue 2): bulk presign ≤ 3× the raw bound, and ≥ 10× faster per link than naive.
// Also prints one-process throughput for a 50 000-key batch.
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createS3Presigner, presignS3Url } from '../../packages/core/src/index.js';
import { measure, printRows, ratio } from './measure.js';

// The presigner is a dependency of @signet/core, not of the repo root: load it from there.
type GetSignedUrl = (client: S3Client, command: GetObjectCommand, options: { expiresIn: number }) => Promise<string>;
const { getSignedUrl } = createRequire(new URL('../../packages/core/package.json', import.meta.url))(
  '@aws-sdk/s3-request-presigner',
) as {
  getSignedUrl: GetSignedUrl;
};

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const region = 'eu-west-1';
const bucket = 'bench-bucket';
const KEYS = Array.from(
  { length: 10_000 },
  (_, i) => `reports/2026/${String(i).padStart(5, '0')}/Quarterly report ${i}.pdf`,
);
const EXPIRES_IN = 3600;

export async function run(): Promise<{ missed: number }> {
  // --- raw HMAC bound: canonical requests prepared up front, signing key derived once ---
  const signingKey = createHmac(
    'sha256',
    createHmac(
      'sha256',
      createHmac('sha256', createHmac('sha256', `AWS4${credentials.secretAccessKey}`).update('20260101').digest())
        .update(region)
        .digest(),
    )
      .update('s3')
      .digest(),
  )
    .update('aws4_request')
    .digest();
  const canonical = KEYS.map(
    (k) =>
      `GET\n/${encodeURIComponent(k).replace(/%2F/g, '/')}\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260101%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host\nhost:${bucket}.s3.${region}.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD`,
  );
  const scope = `AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/${region}/s3/aws4_request\n`;
  let r = 0;
  const raw = await measure('raw SHA-256 + HMAC-SHA256 (cached key)', () => {
    const cr = canonical[r++ % canonical.length]!;
    return createHmac('sha256', signingKey)
      .update(scope + createHash('sha256').update(cr).digest('hex'))
      .digest('hex');
  });

  // --- Signet's reusable presigner ---
  const presigner = createS3Presigner({ credentials, region });
  let i = 0;
  const sync = await measure('presignSync (reused presigner)', () => {
    const now = new Date();
    return presigner.presignSync({
      bucket,
      key: KEYS[i++ % KEYS.length]!,
      expiresAt: new Date(now.getTime() + EXPIRES_IN * 1000),
      now,
    });
  });
  let j = 0;
  const async = await measure('presign (reused presigner, awaited)', () => {
    const now = new Date();
    return presigner.presign({
      bucket,
      key: KEYS[j++ % KEYS.length]!,
      expiresAt: new Date(now.getTime() + EXPIRES_IN * 1000),
      now,
    });
  });
  let k = 0;
  const oneOff = await measure('presignS3Url (one-off, new presigner per link)', () => {
    const now = new Date();
    return presignS3Url(
      { credentials, region },
      { bucket, key: KEYS[k++ % KEYS.length]!, expiresAt: new Date(now.getTime() + EXPIRES_IN * 1000), now },
    );
  });

  // --- naive SDK use: a new client and command per link ---
  let n = 0;
  const naive = await measure(
    'naive getSignedUrl(new S3Client, new GetObjectCommand)',
    () =>
      getSignedUrl(
        new S3Client({
          region,
          credentials,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
        new GetObjectCommand({ Bucket: bucket, Key: KEYS[n++ % KEYS.length]! }),
        { expiresIn: EXPIRES_IN },
      ),
    { minMs: 1500, warmupMs: 300, batch: 20 },
  );

  // The naive row is expressed as naive/subject (a speed-up), so ≥ 10 is the goal.
  const speedup = { ...naive, name: naive.name };
  const rows = [
    ratio(sync, raw, '≤ 3× the raw HMAC bound', (x) => x <= 3),
    ratio(async, raw, '≤ 3× the raw HMAC bound', (x) => x <= 3),
    ratio(speedup, async, 'naive ≥ 10× slower than presign', (x) => x >= 10),
    ratio(oneOff, naive, 'one-off presignS3Url ≤ 0.1× naive', (x) => x <= 0.1),
  ];
  printRows('S3 presign: per-link cost', rows);

  // --- one-process throughput over a large batch (distinct keys) ---
  const BATCH = 50_000;
  const batchKeys = Array.from({ length: BATCH }, (_, x) => `bulk/${x}/file ${x}.bin`);
  const t0 = performance.now();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + EXPIRES_IN * 1000);
  let bytes = 0;
  for (const key of batchKeys) bytes += (await presigner.presign({ bucket, key, expiresAt, now })).url.length;
  const ms = performance.now() - t0;
  console.log(
    `      throughput: ${BATCH} distinct keys in ${ms.toFixed(0)} ms = ${Math.round((BATCH / ms) * 1000).toLocaleString('en-US')} links/s in one process (${(bytes / BATCH).toFixed(0)} bytes/URL on average)`,
  );

  return { missed: rows.filter((row) => !row.pass).length };
}
