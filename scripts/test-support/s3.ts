// Test-side access to the local S3 server started by rgw-global-setup.ts.
import { randomBytes } from 'node:crypto';
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
