// `signet doctor` against a configuration made by `signet cloudfront setup`, then broken on
// purpose one piece at a time. Which server each part talks to:
//   CloudFront + STS → moto_server (started here); bucket, policy, Block Public Access → Ceph
//   RGW; the private key → the real keychain (scripts/with-keyring.sh).
// moto 5.2 does not keep an origin's OriginAccessControlId, so "Origin access" reads as a problem
// here; checkOriginAccess has unit tests with AWS's documented answer (cloudfront-checks.test.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudFrontClient,
  CreatePublicKeyCommand,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
  type DistributionConfig,
} from '@aws-sdk/client-cloudfront';
import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { cloudFrontPublicKeyPem, parseCloudFrontPrivateKey } from '@signet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type RunningMoto } from '../../../../scripts/test-support/moto.js';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { generateSigningKey, setupCloudFront } from '../cloudfront-setup/index.js';
import { ProfileStore } from '../profiles/index.js';
import { SecretStore } from '../secrets/index.js';
import { formatDoctorReport, runDoctor, type DoctorDeps, type DoctorReport } from './index.js';

describe('signet doctor (CloudFront/STS: moto; bucket: RGW; key: real keychain)', () => {
  let moto: RunningMoto;
  let cf: CloudFrontClient;
  let admin: S3Client;
  let deps: DoctorDeps;
  let secrets: SecretStore;
  let profiles: ProfileStore;
  const home = mkdtempSync(join(tmpdir(), 'signet-doctor-'));
  const bucket = uniqueBucket('doc');
  const id = `doc${randomBytes(3).toString('hex')}`;
  let distId = '';
  let keyId = '';

  const status = (r: DoctorReport, check: string) => r.checks.find((c) => c.id === check);
  async function editDistribution(edit: (c: DistributionConfig) => DistributionConfig) {
    const c = await cf.send(new GetDistributionConfigCommand({ Id: distId }));
    await cf.send(
      new UpdateDistributionCommand({ Id: distId, IfMatch: c.ETag!, DistributionConfig: edit(c.DistributionConfig!) }),
    );
    return c.DistributionConfig!;
  }

  beforeAll(async () => {
    moto = await startMoto();
    cf = new CloudFrontClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    admin = testS3Client();
    profiles = new ProfileStore(home);
    secrets = new SecretStore({ service: `signet-doctor-test-${randomBytes(4).toString('hex')}` });
    deps = { profiles, secrets, env: { ...moto.env }, now: () => new Date() };
    const s3 = testS3();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    await profiles.save({ id, bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
    await secrets.setAwsSecret(id, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const r = await setupCloudFront({ ...deps }, { bucket, profileId: id, create: true, wait: true });
    expect(r.ok, r.message).toBe(true);
    distId = r.distributionId!;
    keyId = r.keyPairId!;
    // Block Public Access on after the policy (RGW refuses the OAC statement while it is on).
    await admin.send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
  });
  afterAll(async () => {
    await moto?.stop();
  });

  it('a set-up made by signet cloudfront setup passes every check moto can answer', async () => {
    const r = await runDoctor(deps, id);
    console.log(`--- doctor report (signet doctor --profile ${id})\n${formatDoctorReport(r)}`);
    const problems = r.checks.filter((c) => c.status === 'problem').map((c) => c.id);
    expect(problems).toEqual(['origin-access']); // moto drops OriginAccessControlId (see header)
    expect(status(r, 'credentials')?.detail).toContain('123456789012');
    expect(status(r, 'signing-key')?.status).toBe('ok');
    expect(status(r, 'bucket-policy')?.status).toBe('ok');
    expect(status(r, 'clock')?.status).toBe('ok');
  });

  it('S3 profile: a policy that lets anyone read is a problem; the clock 20 minutes off is a problem', async () => {
    const s3 = testS3();
    const b = uniqueBucket('docs3');
    const sid = `${id}s3`;
    await admin.send(new CreateBucketCommand({ Bucket: b }));
    await profiles.save({ id: sid, bucket: b, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
    await secrets.setAwsSecret(sid, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    expect(status(await runDoctor(deps, sid), 'bucket-policy')).toMatchObject({ status: 'ok' });
    await admin.send(
      new PutBucketPolicyCommand({
        Bucket: b,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Everyone',
              Effect: 'Allow',
              Principal: '*',
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:::${b}/*`,
            },
          ],
        }),
      }),
    );
    const r = await runDoctor(deps, sid);
    expect(r.kind).toBe('s3');
    expect(status(r, 'bucket-policy')).toMatchObject({ status: 'problem' });
    expect(status(r, 'bucket-policy')?.detail).toMatch(/allows anyone .*statement Everyone/);
    expect(r.checks.some((c) => c.id === 'distribution')).toBe(false);
    const skewed = await runDoctor({ ...deps, now: () => new Date(Date.now() + 20 * 60_000) }, sid);
    expect(status(skewed, 'clock')).toMatchObject({ status: 'problem' });
    expect(status(skewed, 'clock')?.detail).toMatch(/ahead of the server/);
  });

  it('S3 profile: a bucket that does not exist, and a wrong secret, are problems with a fix', async () => {
    const s3 = testS3();
    const gone = `${id}gone`;
    await profiles.save({
      id: gone,
      bucket: uniqueBucket('nobucket'),
      region: s3.region,
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    await secrets.setAwsSecret(gone, { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    const r = await runDoctor(deps, gone);
    expect(status(r, 'bucket')).toMatchObject({
      status: 'problem',
      detail: expect.stringMatching(/There is no bucket/),
    });
    expect(status(r, 'block-public-access')?.status).toBe('skipped');
    const wrong = `${id}wrong`;
    await profiles.save({ id: wrong, bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true });
    await secrets.setAwsSecret(wrong, { accessKeyId: s3.accessKeyId, secretAccessKey: 'not-the-secret' });
    const w = await runDoctor(deps, wrong);
    expect(status(w, 'bucket')).toMatchObject({
      status: 'problem',
      detail: expect.stringMatching(/rejected the credentials \(SignatureDoesNotMatch\)/),
      fix: expect.stringContaining(`signet profile set-secret ${wrong}`),
    });
    expect(JSON.stringify(w)).not.toContain('not-the-secret');
  });

  it('OAC statement missing from the bucket policy (RGW)', async () => {
    const policy = (await admin.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!;
    const keep = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'SomeoneElse',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam:::user/x'] },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
        },
      ],
    };
    // RGW refuses any bucket policy while BlockPublicPolicy is on (AWS would accept these): lift it for the puts.
    const block = (on: boolean) =>
      admin.send(
        new PutPublicAccessBlockCommand({
          Bucket: bucket,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: on,
            RestrictPublicBuckets: true,
          },
        }),
      );
    await block(false);
    await admin.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(keep) }));
    try {
      const c = status(await runDoctor(deps, id), 'bucket-policy')!;
      expect(c.status).toBe('problem');
      expect(c.detail).toMatch(/has no statement for CloudFront/);
      expect(c.fix).toContain('signet cloudfront setup');
    } finally {
      await admin.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
      await block(true);
    }
  });

  it('PUT not allowed when the profile makes upload links', async () => {
    const c = status(await runDoctor(deps, id, { uploads: true }), 'uploads')!;
    expect(c.status).toBe('problem');
    expect(c.detail).toMatch(/only allows GET\/HEAD/);
    expect(c.fix).toMatch(/Allow PUT/);
    expect(status(await runDoctor(deps, id), 'uploads')?.status).toBe('ok');
  });

  it('query strings not forwarded, plain HTTP allowed, distribution disabled', async () => {
    const before = await editDistribution((c) => ({
      ...c,
      Enabled: false,
      DefaultCacheBehavior: {
        ...c.DefaultCacheBehavior!,
        ViewerProtocolPolicy: 'allow-all',
        ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
      },
    }));
    try {
      const r = await runDoctor(deps, id);
      expect(status(r, 'download-names')).toMatchObject({ status: 'problem' });
      expect(status(r, 'download-names')?.detail).toMatch(/response-content-disposition and response-content-type/);
      expect(status(r, 'viewer-protocol')).toMatchObject({ status: 'problem' });
      expect(status(r, 'distribution-enabled')).toMatchObject({ status: 'problem' });
    } finally {
      await editDistribution(() => before);
    }
  });

  it('signed links not required: the default behaviour trusts no key group', async () => {
    const before = await editDistribution((c) => ({
      ...c,
      DefaultCacheBehavior: { ...c.DefaultCacheBehavior!, TrustedKeyGroups: { Enabled: false, Quantity: 0 } },
    }));
    try {
      const r = await runDoctor(deps, id, {});
      expect(status(r, 'signed-links-required')).toMatchObject({ status: 'problem' });
      expect(status(r, 'signing-key')?.detail).toMatch(/is not in any key group the distribution trusts \(none\)/);
    } finally {
      await editDistribution(() => before);
    }
  });

  it('--json shape: every check has an id, a status and words; problems have a fix', async () => {
    const r = await runDoctor(deps, id);
    for (const c of r.checks) {
      expect(['ok', 'problem', 'skipped']).toContain(c.status);
      expect(c.detail.length).toBeGreaterThan(5);
      if (c.status === 'problem') expect(c.fix?.length).toBeGreaterThan(5);
    }
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  // These three replace the keychain's key (it cannot be read back as PEM): they run last.
  it('key not in the group: the profile signs with a public key no trusted group holds', async () => {
    const other = await generateSigningKey();
    const pk = await cf.send(
      new CreatePublicKeyCommand({
        PublicKeyConfig: { CallerReference: `o-${id}`, Name: `outside-${id}`, EncodedKey: other.publicPem },
      }),
    );
    const before = await profiles.get(id);
    await secrets.setCloudFrontKey(id, other.privatePem);
    await profiles.save({ ...before, link: { ...before.link, keyPairId: pk.PublicKey!.Id! } });
    try {
      const c = status(await runDoctor(deps, id), 'signing-key')!;
      expect(c.status).toBe('problem');
      expect(c.detail).toMatch(/is not in any key group the distribution trusts/);
      expect(c.fix).toContain(`--distribution ${distId}`);
    } finally {
      await profiles.save(before);
    }
  });

  it('a different key in the group: the keychain key is not the one CloudFront holds', async () => {
    const other = await generateSigningKey();
    await secrets.setCloudFrontKey(id, other.privatePem);
    const c = status(await runDoctor(deps, id), 'signing-key')!;
    expect(c.status).toBe('problem');
    expect(c.detail).toMatch(new RegExp(`holds a public key ${keyId}, but it is not the public half`));
    expect(c.fix).toMatch(/signet key import|rotate-key/);
    expect(cloudFrontPublicKeyPem(parseCloudFrontPrivateKey(other.privatePem))).not.toBe('');
  });

  it('no key in the keychain', async () => {
    await secrets.deleteCloudFrontKey(id);
    const c = status(await runDoctor(deps, id), 'signing-key')!;
    expect(c.status).toBe('problem');
    expect(c.detail).toMatch(/holds no CloudFront private key/);
  });
});
