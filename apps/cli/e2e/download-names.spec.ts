// Download names as a real Chromium saves them: an S3 link's response-content-disposition, served
// by RGW, through a real download. Chromium percent-decodes %XX in a plain filename="…", so a name
// with % needs filename* (RFC 5987) to arrive exactly as given.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Presigner } from '../../../packages/core/src/index.js';
import { testS3, testS3Client, uniqueBucket } from '../../../scripts/test-support/s3.js';

describe('download names in Chromium', () => {
  const bucket = uniqueBucket('dlname');
  let browser: Browser;

  beforeAll(async () => {
    await testS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    await testS3Client().send(new PutObjectCommand({ Bucket: bucket, Key: 'report.bin', Body: 'bytes' }));
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      env: { ...process.env, HOME: await mkdtemp(join(tmpdir(), 'signet-chromium-home-')) },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => browser?.close());

  it.each(['100%25 done.pdf', '50% off.txt', 'Größe %C3%A4.pdf', 'plain name.pdf'])(
    'a link with download name %j is saved under exactly that name',
    async (name) => {
      const s3 = testS3();
      const link = createS3Presigner({
        credentials: s3,
        region: s3.region,
        endpoint: s3.endpoint,
        forcePathStyle: true,
      }).presignSync({ bucket, key: 'report.bin', downloadName: name, expiresAt: new Date(Date.now() + 300_000) });
      const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
      const [download] = await Promise.all([page.waitForEvent('download'), page.goto(link.url).catch(() => {})]);
      expect(download.suggestedFilename()).toBe(name);
      await page.context().close();
    },
  );
});
