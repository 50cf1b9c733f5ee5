// "Test" on a profile: one real request (HeadBucket) with its credentials, and in words what
// the answer means (a 403 is explained further by explainBucketRefusal).
import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { LinkCheckResult } from '../api.js';
import { resolveCredentials } from '../credentials/index.js';
import { httpStatusOf, toUserMessage } from '../errors.js';
import type { SecretStore } from '../secrets/index.js';
import { explainBucketRefusal } from '../upload/explain-refusal.js';
import { createS3Client } from '../upload/index.js';
import type { ProfileStore } from './profile-store.js';

export interface TestProfileDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
}

export async function testProfile(deps: TestProfileDeps, id: string): Promise<LinkCheckResult> {
  const profile = await deps.profiles.get(id);
  let client: S3Client | undefined;
  try {
    client = createS3Client(profile, await resolveCredentials(profile, deps.secrets, deps.env));
    await client.send(new HeadBucketCommand({ Bucket: profile.bucket }));
    return {
      status: 'ok',
      ok: true,
      message: `Connected: bucket "${profile.bucket}" is reachable with these credentials.`,
    } satisfies LinkCheckResult;
  } catch (e) {
    const status = httpStatusOf(e);
    if (status === 403 && client) return explainBucketRefusal(client, profile.bucket);
    const m = toUserMessage(e);
    const kind =
      status === 404
        ? 'no-such-bucket'
        : status === 403
          ? 'access-denied'
          : m.code === 'SERVER_UNREACHABLE'
            ? 'unreachable'
            : 'unexpected';
    const message =
      status === 404
        ? `The bucket "${profile.bucket}" does not exist on this endpoint. Check the bucket name, region and endpoint.`
        : m.message;
    return {
      status: kind,
      ok: false,
      message,
      ...(status ? { httpStatus: status } : {}),
    } satisfies LinkCheckResult;
  }
}
