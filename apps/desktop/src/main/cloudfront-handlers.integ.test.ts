// The desktop's "Set up CloudFront" and "Check setup" IPC handlers, through the real handler
// table (sender check, zod payloads) and the real sharing service. Which server each part talks to:
//   CloudFront + STS control plane → moto_server (scripts/test-support/moto.ts), started here;
//   bucket, bucket policy, Block Public Access → Ceph RGW (the real S3 server of the integ tier);
//   the private key → the real keychain (gnome-keyring via scripts/with-keyring.sh).
// moto 5.2 does not keep an origin's OriginAccessControlId, so the doctor's "Origin access" reads
// as a problem against it (the sharing package unit-tests that check with AWS's documented answer).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  ApprovalStore,
  createSharingService,
  generateSigningKey,
  SecretStore,
  type SharingService,
} from '@signet/sharing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMoto, type RunningMoto } from '../../../../scripts/test-support/moto.js';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import type { CloudFrontSetupView, DoctorReportView, SetupStepEventView } from '../shared/cloudfront-api.js';
import { createDesktopHandlers, type DesktopHandlers } from './create-desktop-handlers.js';
import { GrantedPaths } from './granted-paths.js';

// The part of @aws-sdk/client-cloudfront this test uses, typed here: the SDK is the sharing
// package's dependency, not the desktop app's (its main only calls the sharing service).
interface Listed {
  PublicKeyList?: { Items?: { Id?: string }[] };
  KeyGroupList?: { Items?: { KeyGroup?: { Id?: string } }[] };
  OriginAccessControlList?: { Items?: { Id?: string }[] };
  DistributionList?: { Items?: { Id?: string }[] };
}
type Command = new (input: object) => object;
interface CloudFrontSdk {
  CloudFrontClient: new (config: object) => { send(command: object): Promise<Listed> };
  ListPublicKeysCommand: Command;
  ListKeyGroupsCommand: Command;
  ListOriginAccessControlsCommand: Command;
  ListDistributionsCommand: Command;
}
const sharingPackage = fileURLToPath(new URL('../../../../packages/sharing/package.json', import.meta.url));
const TRUSTED = 'file:///opt/Signet/resources/app/dist/renderer/index.html';
const me = { url: TRUSTED };

describe('desktop CloudFront handlers (CloudFront/STS: moto; bucket policy: RGW; key: real keychain)', () => {
  let moto: RunningMoto;
  let sdk: CloudFrontSdk;
  let cf: InstanceType<CloudFrontSdk['CloudFrontClient']>;
  let admin: S3Client;
  let secrets: SecretStore;
  let service: SharingService;
  let h: DesktopHandlers;
  const home = mkdtempSync(join(tmpdir(), 'signet-desk-cf-'));
  /** Every answer the handlers gave, to prove no private key ever reaches the renderer. */
  const answers: string[] = [];
  const call = async <T>(method: keyof DesktopHandlers, args: unknown[], sender = me): Promise<T> => {
    const r = await (h as unknown as Record<string, (s: { url: string }, a: unknown[]) => Promise<T>>)[method]!(
      sender,
      args,
    );
    answers.push(JSON.stringify(r));
    return r;
  };

  /** Everything moto holds (CloudFront control plane), listed with the SDK the sharing package
   *  uses: the desktop app itself has no CloudFront SDK dependency (its main calls the service),
   *  and moto's /moto-api/data.json still lists deleted items, so it cannot prove a rollback. */
  async function cloudFrontState() {
    const [keys, groups, oacs, dists] = await Promise.all([
      cf.send(new sdk.ListPublicKeysCommand({})),
      cf.send(new sdk.ListKeyGroupsCommand({})),
      cf.send(new sdk.ListOriginAccessControlsCommand({})),
      cf.send(new sdk.ListDistributionsCommand({})),
    ]);
    return {
      keys: (keys.PublicKeyList?.Items ?? []).map((k) => k.Id).sort(),
      groups: (groups.KeyGroupList?.Items ?? []).map((g) => g.KeyGroup?.Id).sort(),
      oacs: (oacs.OriginAccessControlList?.Items ?? []).map((o) => o.Id).sort(),
      dists: (dists.DistributionList?.Items ?? []).map((d) => d.Id).sort(),
    };
  }
  const policyOf = async (bucket: string) =>
    (await admin.send(new GetBucketPolicyCommand({ Bucket: bucket })).catch(() => undefined))?.Policy;
  async function s3Profile(id: string, bucket: string) {
    const s3 = testS3();
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    await service.saveProfile(
      { id, name: id, bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true },
      { aws: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } },
    );
  }

  beforeAll(async () => {
    moto = await startMoto();
    sdk = (await import(
      pathToFileURL(createRequire(sharingPackage).resolve('@aws-sdk/client-cloudfront')).href
    )) as CloudFrontSdk;
    cf = new sdk.CloudFrontClient({
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    admin = testS3Client();
    secrets = new SecretStore({ service: `signet-desk-cf-test-${randomBytes(4).toString('hex')}` });
    service = createSharingService({ paths: { configDir: home, dataDir: home }, secrets, env: { ...moto.env } });
    h = createDesktopHandlers({
      service,
      approvals: new ApprovalStore(home),
      isTrustedSender: (url) => url === TRUSTED,
      emitProgress: () => {},
      openExternal: async () => {},
      startAtLogin: { get: () => false, set: () => {} },
      nativeHostPath: '/opt/Signet/signet-native-host',
      grantedPaths: new GrantedPaths(),
    });
  });
  afterAll(async () => {
    await moto?.stop();
  });

  const bucket = uniqueBucket('deskcf');
  const id = `dcf${randomBytes(3).toString('hex')}`;
  let applied: CloudFrontSetupView;

  it('refuses another sender and bad payloads before anything is read or changed', async () => {
    await s3Profile(id, bucket);
    const before = await cloudFrontState();
    const req = { bucket, profileId: id, create: true };
    await expect(
      call('applyCloudFrontSetup', ['run-1', req], { url: 'https://evil.example.com/' }),
    ).rejects.toMatchObject({
      code: 'UNTRUSTED_SENDER',
    });
    for (const args of [
      ['run-1', { ...req, dryRun: false, evil: true }], // an extra field (the handler adds dryRun itself)
      ['run-1', { ...req, keyType: 'dsa-512' }],
      ['../../x', req],
      ['run-1'],
    ])
      await expect(call('applyCloudFrontSetup', args)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call('checkSetup', [''])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // The service's own checks, in words: a distribution id CloudFront would refuse.
    await expect(call('planCloudFrontSetup', [{ bucket, profileId: id, distributionId: 'not-an-id' }])).rejects.toThrow(
      /is not a CloudFront distribution id/,
    );
    expect(await cloudFrontState()).toEqual(before);
  });

  it('rotating a key on an S3 profile says what to do in the window, not which command to type', async () => {
    // `id` is still an S3 profile here (the set-up is applied further down).
    const err = (await call('rotateCloudFrontKey', [id, { retire: 'now' }]).catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      `Profile "${id}" makes S3 links; there is no CloudFront key to rotate. Set it up first: Settings → CloudFront → Set up CloudFront…`,
    );
    const retire = (await call('retireCloudFrontKey', [id, 'K2JCJMDEHXQW5F']).catch((e: unknown) => e)) as Error;
    expect(retire.message).toContain('Settings → CloudFront → Set up CloudFront…');
    for (const m of [err.message, retire.message]) expect(m).not.toMatch(/signet |--/);
  });

  it('the plan is the dry run: every step and call, the policy diff, and nothing changes', async () => {
    const before = {
      cf: await cloudFrontState(),
      policy: await policyOf(bucket),
      profile: await service.getProfile(id),
    };
    const plan = await call<CloudFrontSetupView>('planCloudFrontSetup', [{ bucket, profileId: id, create: true }]);
    expect(plan).toMatchObject({ dryRun: true, ok: true, unchanged: false, profileId: id });
    expect(plan.steps.map((s) => s.id)).toEqual([
      'generate-key',
      'create-public-key',
      'create-key-group',
      'create-origin-access-control',
      'create-distribution',
      'merge-bucket-policy',
      'store-private-key',
      'save-profile',
    ]);
    expect(plan.plan).toContain('cloudfront:CreateDistribution');
    expect(plan.plan).toMatch(/\+ .*"cloudfront\.amazonaws\.com"/);
    expect(await cloudFrontState()).toEqual(before.cf);
    expect(await policyOf(bucket)).toBe(before.policy);
    expect(await service.getProfile(id)).toEqual(before.profile);
  });

  it('Apply: the profile links through CloudFront; every step reported as it ran; no key in any answer', async () => {
    const runId = 'run-apply-1';
    applied = await call<CloudFrontSetupView>('applyCloudFrontSetup', [runId, { bucket, profileId: id, create: true }]);
    expect(applied.ok, applied.message).toBe(true);
    const events = await call<SetupStepEventView[]>('cloudFrontSetupProgress', [runId]);
    expect(events.filter((e) => e.phase === 'done').map((e) => e.stepId)).toEqual(applied.steps.map((s) => s.id));
    expect(events[0]).toMatchObject({ stepId: 'generate-key', phase: 'start' });
    const profile = (await call<{ id: string; link: { kind: string; domain?: string } }[]>('listProfiles', [])).find(
      (p) => p.id === id,
    );
    expect(profile?.link).toMatchObject({ kind: 'cloudfront', domain: applied.domain });
    expect((await cloudFrontState()).dists).toContain(applied.distributionId);
    // A second Apply with the same run id is refused (a replayed message does not run it again).
    await expect(call('applyCloudFrontSetup', [runId, { bucket, profileId: id, create: true }])).rejects.toThrow(
      /already ran/,
    );
    // A re-run plans nothing to change.
    const again = await call<CloudFrontSetupView>('planCloudFrontSetup', [{ bucket, profileId: id, create: true }]);
    expect(again.unchanged).toBe(true);
  });

  it("a plan for an existing distribution warns in the window's words (moto drops the OAC id: see header)", async () => {
    const plan = await call<CloudFrontSetupView>('planCloudFrontSetup', [
      { bucket, profileId: id, distributionId: applied.distributionId },
    ]);
    const oac = plan.warnings.find((w) => w.includes('shows no origin access control'));
    expect(oac).toMatch(/then Check setup on the profile\.$/);
    for (const w of plan.warnings) expect(w).not.toMatch(/signet |--[a-z]/);
  });

  it('Check setup: each check ok or a problem with a fix; a different key in the keychain is the problem', async () => {
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
    const ok = await call<DoctorReportView>('checkSetup', [id]);
    expect(ok.kind).toBe('cloudfront');
    expect(ok.checks.find((c) => c.id === 'signing-key')?.status).toBe('ok');
    expect(ok.checks.filter((c) => c.status === 'problem').map((c) => c.id)).toEqual(['origin-access']); // moto: see header
    const other = await generateSigningKey();
    await secrets.setCloudFrontKey(id, other.privatePem);
    const broken = await call<DoctorReportView>('checkSetup', [id]);
    const key = broken.checks.find((c) => c.id === 'signing-key')!;
    expect(key.status).toBe('problem');
    expect(key.detail).toContain(`holds a public key ${applied.keyPairId}, but it is not the public half`);
    // The window's words: its own controls, not `signet key import` / `signet cloudfront rotate-key`.
    expect(key.fix).toBe(
      `Import the private key that belongs to ${applied.keyPairId} (Keys → CloudFront private key (.pem) on the profile's card in Settings), or make a new pair that joins the group: "Rotate signing key…" on the profile's card in Settings.`,
    );
    for (const c of [...ok.checks, ...broken.checks]) expect(c.fix ?? '', c.id).not.toMatch(/signet |--[a-z]/);
    expect(broken.ok).toBe(false);
    const body = other.privatePem.split('\n').filter((l) => l && !l.startsWith('-----'))[0]!;
    for (const a of answers) {
      expect(a).not.toContain('PRIVATE KEY');
      expect(a).not.toContain(body);
    }
  });

  it('a failure half-way rolls back and says what was undone and what is left (RGW refuses the policy)', async () => {
    const b2 = uniqueBucket('deskcfrb');
    const id2 = `${id}rb`;
    await s3Profile(id2, b2);
    // RGW refuses every PutBucketPolicy while BlockPublicPolicy is on: the merge step fails for real.
    await admin.send(
      new PutPublicAccessBlockCommand({
        Bucket: b2,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
    const before = { cf: await cloudFrontState(), profile: await service.getProfile(id2) };
    const r = await call<CloudFrontSetupView>('applyCloudFrontSetup', [
      'run-rollback',
      { bucket: b2, profileId: id2, create: true },
    ]);
    console.log(`--- desktop set-up stopped half-way:\n${r.message}`);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Set-up stopped at/);
    expect(r.message).toMatch(/Rolled back what this run had made: .*the public key/);
    const events = await call<SetupStepEventView[]>('cloudFrontSetupProgress', ['run-rollback']);
    expect(events.filter((e) => e.phase === 'undo').map((e) => e.stepId)).toContain('create-public-key');
    expect(await service.getProfile(id2)).toEqual(before.profile);
    // moto 5.2 has no DeleteKeyGroup: the key group cannot be undone there, and the result names
    // it with the command that removes it; everything else this run made is gone again.
    const after = await cloudFrontState();
    expect({ ...after, groups: [] }).toEqual({ ...before.cf, groups: [] });
    const leftGroups = after.groups.filter((g) => !before.cf.groups.includes(g));
    expect(r.left).toHaveLength(leftGroups.length);
    for (const g of leftGroups) expect(r.left.join(' ')).toContain(`aws cloudfront delete-key-group --id ${g}`);
  });
});
