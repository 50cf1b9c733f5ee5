import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentials, Profile } from '@signet/core';

/**
 * An S3 client for a profile. Checksums only when required: SDK ≥ 3.729 would otherwise send
 * aws-chunked bodies with trailing checksums, which S3-compatible servers (Ceph RGW 16) reject.
 */
export function createS3Client(profile: Pick<Profile, 'region' | 'endpoint' | 'forcePathStyle'>, credentials: AwsCredentials): S3Client {
  return new S3Client({
    region: profile.region,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
    forcePathStyle: profile.forcePathStyle,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 5,
  });
}
