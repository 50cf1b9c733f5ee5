// Test support shared by the e2e spec and `pnpm bench bridge`: a temp SIGNET_HOME, a bucket with
// objects in RGW, the sharing service over it, and the bridge server the native host reaches
// (at $SIGNET_HOME/run/bridge.sock, where the host looks when SIGNET_HOME is set).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  ApprovalStore,
  createBridgeServer,
  createSharingService,
  type BridgeServer,
  type RateLimitOptions,
  type SharingService,
} from '@signet/sharing';
import type { TestS3 } from '../../../../scripts/test-support/s3.js';

export interface SignetFixture {
  home: string;
  bucket: string;
  /**
   * A second bucket (with `temp.txt`) whose profile signs with temporary credentials from the
   * environment (AWS_CREDENTIAL_EXPIRATION two hours ahead, no session token, so RGW accepts the
   * key): its links die before a 1-day expiry.
   */
  tempBucket: string;
  tempExpiresAt: Date;
  approvals: ApprovalStore;
  service: SharingService;
  bridge(): BridgeServer | undefined;
  startBridge(options?: {
    rateLimit?: RateLimitOptions;
    wrap?: (s: SharingService) => SharingService;
  }): Promise<BridgeServer>;
  stopBridge(): Promise<void>;
  dispose(): Promise<void>;
}

export async function createSignetFixture(
  s3: TestS3,
  objects: Record<string, Uint8Array | string>,
): Promise<SignetFixture> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const home = await mkdtemp(join(tmpdir(), 'signet-e2e-home-'));
  const bucket = `ext-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const client = new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: s3 });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [key, body] of Object.entries(objects))
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  // The real sharing engine: a profile for the bucket, its key in the real keychain (the e2e tier
  // runs under scripts/with-keyring.sh), history in the temp SIGNET_HOME.
  const tempBucket = `${bucket}-tmp`;
  await client.send(new CreateBucketCommand({ Bucket: tempBucket }));
  await client.send(new PutObjectCommand({ Bucket: tempBucket, Key: 'temp.txt', Body: 'temp' }));
  const tempExpiresAt = new Date(Math.ceil((Date.now() + 2 * 3_600_000) / 1000) * 1000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_CREDENTIAL_EXPIRATION: tempExpiresAt.toISOString(),
  };
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  const service = createSharingService({ paths: { configDir: home, dataDir: home }, env });
  const profileId = `e2e-${bucket.slice(-6)}`;
  await service.saveProfile({
    id: profileId,
    bucket,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    defaultExpiry: '1d',
  });
  await service.setAwsSecret(profileId, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  await service.saveProfile({
    id: `temp-${bucket.slice(-6)}`,
    bucket: tempBucket,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { source: 'default-chain' },
  });
  const approvals = new ApprovalStore(home);
  let bridge: BridgeServer | undefined;
  return {
    home,
    bucket,
    tempBucket,
    tempExpiresAt,
    approvals,
    service,
    bridge: () => bridge,
    async startBridge(options = {}) {
      bridge = createBridgeServer({
        service: options.wrap ? options.wrap(service) : service,
        approvals,
        socketPath: join(home, 'run', 'bridge.sock'),
        ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      });
      await bridge.listen();
      return bridge;
    },
    async stopBridge() {
      await bridge?.close();
      bridge = undefined;
    },
    async dispose() {
      await bridge?.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
