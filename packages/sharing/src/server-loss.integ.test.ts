// The storage server going away in the middle of an upload: a second, throw-away RGW is
// stopped while a multipart share is running. The share must fail with a clear error and
// record nothing; sharing again once a server answers works.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { startRgw } from '../../../scripts/test-support/rgw.js';
import { testS3, testS3Client } from '../../../scripts/test-support/s3.js';
import { createSharingService } from './service.js';

describe('server going away mid-upload', () => {
  it('fails with a clear error, records nothing, and a retry against a live server works', async () => {
    const doomed = await startRgw();
    const home = mkdtempSync(join(tmpdir(), 'signet-loss-'));
    const file = join(home, 'payload.bin');
    writeFileSync(file, Buffer.alloc(40 * 1024 * 1024, 9));
    const service = createSharingService({
      paths: { configDir: home, dataDir: home },
      upload: { partSize: 5 * 1024 * 1024, queueSize: 1 },
    });
    try {
      await testS3Client(doomed).send(new CreateBucketCommand({ Bucket: 'loss' }));
      await service.saveProfile({
        id: 'loss',
        bucket: 'loss',
        region: doomed.region,
        endpoint: doomed.endpoint,
        forcePathStyle: true,
      });
      await service.setAwsSecret('loss', { accessKeyId: doomed.accessKeyId, secretAccessKey: doomed.secretAccessKey });
      let stopped: Promise<void> | undefined;
      const share = service.share({
        paths: [file],
        source: 'desktop',
        onProgress: (p) => {
          if (!stopped && p.loaded >= 5 * 1024 * 1024) stopped = doomed.stop();
        },
      });
      const err = (await share.catch((e: unknown) => e)) as { code?: string; message?: string };
      await stopped;
      expect(['SERVER_UNREACHABLE', 'UPLOAD_FAILED']).toContain(err.code);
      expect(err.message).toMatch(/payload\.bin failed: .*(could not be reached|try again|answered)/i);
      expect(await service.listLinks()).toEqual([]);
    } finally {
      await doomed.stop().catch(() => {});
    }

    // the retry path: the same file shared again once a server answers
    const live = testS3();
    await testS3Client(live).send(new CreateBucketCommand({ Bucket: 'loss-retry' }));
    await service.saveProfile({
      id: 'loss',
      bucket: 'loss-retry',
      region: live.region,
      endpoint: live.endpoint,
      forcePathStyle: true,
    });
    await service.setAwsSecret('loss', { accessKeyId: live.accessKeyId, secretAccessKey: live.secretAccessKey });
    const { links } = await service.share({ paths: [file], source: 'desktop', check: true });
    expect(links[0]?.check?.ok).toBe(true);
    expect(await service.listLinks()).toHaveLength(1);
  }, 120_000);
});
