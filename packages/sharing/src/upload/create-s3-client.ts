// The S3 client the sharing engine uploads, deletes and probes with, for one profile.
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentials, Profile } from '@signet/core';

/**
 * An S3 client for a profile.
 * - Checksums only when required: SDK ≥ 3.729 would otherwise send aws-chunked bodies with
 *   trailing checksums, which S3-compatible servers (Ceph RGW 16) reject.
 * - Standard retry mode, 5 attempts: exponential backoff with jitter on throttling, 5xx and
 *   connection errors, per request (so per part of a multipart upload).
 * - A connect timeout and an idle-socket timeout: a server that vanishes without closing the
 *   connection ends in an error instead of a share that hangs forever.
 * - Enough sockets for every parallel part.
 */
export function createS3Client(profile: Pick<Profile, 'region' | 'endpoint' | 'forcePathStyle'>, credentials: AwsCredentials): S3Client {
  return new S3Client({
    region: profile.region,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
    forcePathStyle: profile.forcePathStyle,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    retryMode: 'standard',
    maxAttempts: 5,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000, httpAgent: { keepAlive: true, maxSockets: 64 }, httpsAgent: { keepAlive: true, maxSockets: 64 } },
  });
}
