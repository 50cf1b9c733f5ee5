import { execFileSync } from 'node:child_process';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AsyncEntry } from '@napi-rs/keyring';
import { expect, test } from 'vitest';
import { testS3, uniqueBucket } from './s3.js';
test('rgw + keyring', async () => {
  const s3 = testS3();
  const c = new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3 });
  await c.send(new CreateBucketCommand({ Bucket: uniqueBucket() }));
  const e = new AsyncEntry('SignetSmoke', 'acct', { linux: { store: 'secret-service' } } as never);
  await e.setPassword('x1');
  expect(execFileSync('secret-tool', ['lookup', 'service', 'SignetSmoke', 'username', 'acct']).toString()).toBe('x1');
});
