// Test-side access to the local S3 server started by rgw-global-setup.ts.
import { randomBytes } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import type { TestS3 } from './rgw.js';

export type { TestS3 };

/** The running RGW for this test run. Only valid inside the integ/e2e projects. */
export function testS3(): TestS3 {
  return inject('s3');
}

/** A bucket name no other test uses (lowercase, DNS-safe). Create it yourself. */
export function uniqueBucket(prefix = 't'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/**
 * An admin S3 client for the test server (or any TestS3-shaped server): path-style, and
 * checksums only when required (RGW 16 cannot parse aws-chunked bodies).
 */
export function testS3Client(s: TestS3 = testS3()): S3Client {
  return new S3Client({
    endpoint: s.endpoint,
    region: s.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
