// Vitest global setup for the integ and e2e tiers: one RGW per project run, handed to the
// tests with provide/inject (see s3.ts). SIGNET_TEST_S3_ENDPOINT (+ AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY) reuses a server that is already running, for quick local loops.
import type { TestProject } from 'vitest/node';
import { startRgw, type TestS3 } from './rgw.js';

declare module 'vitest' {
  export interface ProvidedContext {
    s3: TestS3;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reuse = process.env.SIGNET_TEST_S3_ENDPOINT;
  if (reuse) {
    project.provide('s3', {
      endpoint: reuse,
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      region: process.env.AWS_REGION ?? 'us-east-1',
    });
    return async () => {};
  }
  const rgw = await startRgw();
  project.provide('s3', {
    endpoint: rgw.endpoint,
    accessKeyId: rgw.accessKeyId,
    secretAccessKey: rgw.secretAccessKey,
    region: rgw.region,
  });
  return () => rgw.stop();
}
