// Reads what exists (profile, keychain key, distribution, key groups, OAC, bucket policy) and
// turns a set-up request into a plan (plan.ts): only read calls happen here. Every step knows
// whether its work is already done, so a re-run of a finished set-up is a plan of done steps.
import {
  CreateDistributionCommand,
  CreateKeyGroupCommand,
  CreateOriginAccessControlCommand,
  CreatePublicKeyCommand,
  DeleteDistributionCommand,
  DeleteKeyGroupCommand,
  DeleteOriginAccessControlCommand,
  DeletePublicKeyCommand,
  GetDistributionConfigCommand,
  ListOriginAccessControlsCommand,
  UpdateDistributionCommand,
  UpdateKeyGroupCommand,
  type CloudFrontClient,
  type DistributionConfig,
} from '@aws-sdk/client-cloudfront';
import {
  DeleteBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  PutBucketPolicyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { cloudFrontPublicKeyPem, DEFAULT_REGION, samePublicKey, type Profile } from '@signet/core';
import { httpStatusOf, SharingError } from '../errors.js';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import { diffPolicies, mergeOacStatement, parseBucketPolicy, type BucketPolicy } from './bucket-policy.js';
import {
  findDistributionByDomain,
  findKeyGroupByName,
  readBucketPolicy,
  readDistribution,
  readKeyGroup,
  readPublicKey,
  type DistributionState,
  type KeyGroupState,
} from './cloudfront-lookup.js';
import {
  buildDistributionConfig,
  MAX_KEYS_PER_GROUP,
  originForBucket,
  trustedKeyGroupsOf,
  withTrustedKeyGroup,
} from './distribution-config.js';
import { describeKeyType, generateSigningKey, type SigningKeyPair } from './generate-signing-key.js';
import type { PlanStep } from './plan.js';
import type { CloudFrontSetupRequest } from './setup-types.js';

interface SetupClients {
  cloudFront: CloudFrontClient;
  s3: S3Client;
  sts: STSClient;
}

export interface PlanSetupDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  clients: SetupClients;
  now: () => Date;
}

/** What the steps learn from each other while the plan runs (ids made by earlier steps). */
interface SetupState {
  profileId: string;
  bucket: string;
  key?: SigningKeyPair;
  publicKeyId?: string;
  keyGroupId?: string;
  oacId?: string;
  distributionId?: string;
  distributionArn?: string;
  domain?: string;
  originPath?: string;
}

export interface SetupPlan {
  steps: PlanStep[];
  state: SetupState;
  warnings: string[];
  account: string;
}

/** A profile id made from a bucket name (profile ids allow a-z 0-9 - _). */
export function profileIdForBucket(bucket: string): string {
  return `cf-${bucket.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`.slice(0, 40).replace(/-+$/, '');
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
const NEW_ID = (what: string) => `<new ${what} id>`;

export async function planCloudFrontSetup(deps: PlanSetupDeps, req: CloudFrontSetupRequest): Promise<SetupPlan> {
  const { cloudFront: cf, s3, sts } = deps.clients;
  const profileId = req.profileId ?? profileIdForBucket(req.bucket);
  const existing = await deps.profiles.get(profileId).catch((e: unknown) => {
    if ((e as { code?: unknown }).code === 'PROFILE_NOT_FOUND') return undefined;
    throw e;
  });
  if (existing && existing.bucket !== req.bucket) {
    throw new SharingError(
      'SETUP_INVALID',
      `Profile "${profileId}" is for bucket "${existing.bucket}", not "${req.bucket}". Give another --profile name, or --bucket ${existing.bucket}.`,
    );
  }
  if (req.create && req.distributionId) {
    throw new SharingError(
      'SETUP_INVALID',
      'Give either --create (a new distribution) or --distribution ID (an existing one), not both.',
    );
  }
  const warnings: string[] = [];
  const state: SetupState = { profileId, bucket: req.bucket };
  const now = deps.now();

  // Who is this (the account goes into the distribution ARN of the bucket-policy diff).
  const who = await sts.send(new GetCallerIdentityCommand({}));
  const account = who.Account ?? '<account>';

  // The bucket must exist and be reachable with these credentials.
  try {
    await s3.send(new HeadBucketCommand({ Bucket: req.bucket }));
  } catch (e) {
    const status = httpStatusOf(e);
    if (status === 404)
      throw new SharingError(
        'BUCKET_NOT_FOUND',
        `The bucket "${req.bucket}" does not exist (or not in this account/region). Check the name.`,
      );
    throw e;
  }
  const bpa = await s3.send(new GetPublicAccessBlockCommand({ Bucket: req.bucket })).catch(() => undefined);
  const block = bpa?.PublicAccessBlockConfiguration;
  if (
    !block ||
    !(block.BlockPublicAcls && block.IgnorePublicAcls && block.BlockPublicPolicy && block.RestrictPublicBuckets)
  ) {
    warnings.push(
      `Block Public Access is not fully on for "${req.bucket}". Signet leaves it as it is; turn all four settings on (S3 console → bucket → Permissions): CloudFront's access does not need the bucket to be public.`,
    );
  }
  if (existing?.endpoint && !/amazonaws\.com/i.test(existing.endpoint)) {
    warnings.push(
      `Profile "${profileId}" uses the endpoint ${existing.endpoint}: CloudFront's origin access control reaches Amazon S3 buckets only.`,
    );
  }

  // The distribution: given, found through the profile, or to be made.
  let dist: DistributionState | undefined;
  if (req.distributionId) {
    dist = await readDistribution(cf, req.distributionId);
    if (!dist)
      throw new SharingError(
        'CLOUDFRONT_NOT_FOUND',
        `There is no CloudFront distribution ${req.distributionId} in this account. Check the id (aws cloudfront list-distributions), or use --create.`,
      );
  } else if (existing?.link.kind === 'cloudfront') {
    dist = await findDistributionByDomain(cf, existing.link.domain);
    if (!dist && !req.create)
      throw new SharingError(
        'CLOUDFRONT_NOT_FOUND',
        `No distribution serves ${existing.link.domain} (profile "${profileId}") any more. Use --create for a new one, or --distribution ID.`,
      );
  } else if (!req.create) {
    throw new SharingError(
      'SETUP_INVALID',
      'Say which distribution: --create makes a new one for the bucket, --distribution ID uses an existing one.',
    );
  }
  if (dist) {
    const origin = originForBucket(dist.config, req.bucket);
    if (!origin)
      throw new SharingError(
        'SETUP_INVALID',
        `Distribution ${dist.id} has no origin for bucket "${req.bucket}". Pick the distribution that serves this bucket, or use --create.`,
      );
    if (dist.config.DefaultCacheBehavior?.TargetOriginId !== origin.Id) {
      warnings.push(
        `The default behaviour of ${dist.id} sends requests to origin "${dist.config.DefaultCacheBehavior?.TargetOriginId}", not to the bucket's origin "${origin.Id}": links may not reach "${req.bucket}".`,
      );
    }
    if (origin.S3OriginConfig?.OriginAccessIdentity)
      warnings.push(
        `The origin uses a legacy origin access identity (${origin.S3OriginConfig.OriginAccessIdentity}); Signet leaves the bucket policy's grant to it as it is. AWS recommends an origin access control.`,
      );
    else if (!origin.OriginAccessControlId)
      warnings.push(
        `The origin "${origin.Id}" shows no origin access control: CloudFront cannot read a private bucket without one. Attach one (console → origin → Origin access), then run signet doctor.`,
      );
    for (const b of dist.config.CacheBehaviors?.Items ?? []) {
      if (b.TargetOriginId === origin.Id && trustedKeyGroupsOf(b).length === 0 && !b.TrustedSigners?.Enabled)
        warnings.push(
          `The behaviour for "${b.PathPattern}" does not require signed links: objects under that path are served to anyone. Signet only changes the default behaviour.`,
        );
    }
    state.distributionId = dist.id;
    state.distributionArn = dist.arn;
    state.domain = dist.domain;
    if (origin.OriginPath) state.originPath = origin.OriginPath;
  }

  // The signing key: the keychain's, when a group the distribution trusts already holds it.
  let currentKeyId: string | undefined;
  const trusted = dist ? trustedKeyGroupsOf(dist.config.DefaultCacheBehavior) : [];
  let reuse: { keyId: string; groupId: string } | undefined;
  if (existing?.link.kind === 'cloudfront' && dist) {
    const key = await deps.secrets.getCloudFrontKey(profileId).catch(() => null);
    if (key) {
      const pem = cloudFrontPublicKeyPem(key);
      for (const gid of trusted) {
        const g = await readKeyGroup(cf, gid);
        for (const kid of g?.items ?? []) {
          const pk = await readPublicKey(cf, kid);
          if (pk && samePublicKey(pk.encodedKey, pem)) reuse = { keyId: kid, groupId: gid };
        }
      }
    }
    currentKeyId = existing.link.keyPairId;
  }

  const keyType = req.keyType ?? 'ecdsa-p256';
  const steps: PlanStep[] = [];
  let groupBefore: KeyGroupState | undefined;
  if (reuse) {
    state.publicKeyId = reuse.keyId;
    state.keyGroupId = reuse.groupId;
  } else {
    if (req.keyGroupId) {
      groupBefore = await readKeyGroup(cf, req.keyGroupId);
      if (!groupBefore)
        throw new SharingError(
          'CLOUDFRONT_NOT_FOUND',
          `There is no key group ${req.keyGroupId}. Check the id (aws cloudfront list-key-groups), or leave --key-group out and Signet makes one.`,
        );
    } else {
      groupBefore = await findKeyGroupByName(cf, `signet-${profileId}`);
    }
    if (groupBefore && groupBefore.items.length >= MAX_KEYS_PER_GROUP) {
      throw new SharingError(
        'SETUP_INVALID',
        `Key group "${groupBefore.name}" already holds ${groupBefore.items.length} keys, CloudFront's limit per group. Remove a key you no longer sign with (signet cloudfront retire-key), or pick another --key-group.`,
      );
    }
    if (groupBefore && !trusted.includes(groupBefore.id) && trusted.length >= 4) {
      throw new SharingError(
        'SETUP_INVALID',
        `Distribution ${dist?.id} already trusts 4 key groups, CloudFront's limit. Add the key to one of them: --key-group ${trusted[0]}.`,
      );
    }
    if (!groupBefore && trusted.length >= 4) {
      throw new SharingError(
        'SETUP_INVALID',
        `Distribution ${dist?.id} already trusts 4 key groups, CloudFront's limit: Signet cannot add a fifth. Add the key to one of them: --key-group ${trusted[0]}.`,
      );
    }
  }

  // 1. key pair
  steps.push({
    id: 'generate-key',
    done: Boolean(reuse),
    describe: () =>
      reuse
        ? `Keep the signing key in the keychain (public key ${reuse.keyId} is in key group ${reuse.groupId})`
        : `Generate a new ${describeKeyType(keyType)} key pair on this computer (the private key goes only to the keychain)`,
    calls: () => ['local: crypto.generateKeyPair (nothing leaves this computer)'],
    apply: async () => {
      state.key = await generateSigningKey(keyType);
    },
    undo: async () => {
      delete state.key;
      return undefined;
    },
  });

  // 2. public key
  const keyName = `signet-${profileId}-${stamp(now)}`.slice(0, 128);
  let publicKeyEtag = '';
  steps.push({
    id: 'create-public-key',
    done: Boolean(reuse),
    describe: () =>
      reuse ? `Public key ${reuse.keyId} is already in CloudFront` : `Upload the public key as "${keyName}"`,
    calls: () => [`cloudfront:CreatePublicKey Name=${keyName}`],
    apply: async () => {
      const r = await cf.send(
        new CreatePublicKeyCommand({
          PublicKeyConfig: {
            CallerReference: `${keyName}-${Math.random().toString(36).slice(2, 10)}`,
            Name: keyName,
            EncodedKey: state.key!.publicPem,
            Comment: `Signet profile ${profileId}${currentKeyId ? `; replaces ${currentKeyId}` : ''}`,
          },
        }),
      );
      state.publicKeyId = r.PublicKey?.Id;
      publicKeyEtag = r.ETag ?? '';
    },
    undo: async () => {
      const id = state.publicKeyId;
      if (!id) return undefined;
      const etag = (await readPublicKey(cf, id))?.etag ?? publicKeyEtag;
      await cf.send(new DeletePublicKeyCommand({ Id: id, IfMatch: etag }));
      return undefined;
    },
    leftover: () =>
      `Public key ${state.publicKeyId} ("${keyName}") — remove it with: aws cloudfront delete-public-key --id ${state.publicKeyId} --if-match <ETag from get-public-key>.`,
  });

  // 3. key group
  const groupName = `signet-${profileId}`.slice(0, 128);
  if (reuse || !groupBefore) {
    let groupEtag = '';
    steps.push({
      id: 'create-key-group',
      done: Boolean(reuse),
      describe: () =>
        reuse ? `Key group ${reuse.groupId} already holds the key` : `Create key group "${groupName}" with the new key`,
      calls: () => [`cloudfront:CreateKeyGroup Name=${groupName} Items=[${state.publicKeyId ?? NEW_ID('public key')}]`],
      apply: async () => {
        const r = await cf.send(
          new CreateKeyGroupCommand({
            KeyGroupConfig: {
              Name: groupName,
              Items: [state.publicKeyId!],
              Comment: `Signet: keys that sign links of profile ${profileId}`,
            },
          }),
        );
        state.keyGroupId = r.KeyGroup?.Id;
        groupEtag = r.ETag ?? '';
      },
      undo: async () => {
        const id = state.keyGroupId;
        if (!id) return undefined;
        const etag = (await readKeyGroup(cf, id))?.etag ?? groupEtag;
        await cf.send(new DeleteKeyGroupCommand({ Id: id, IfMatch: etag }));
        return undefined;
      },
      leftover: () =>
        `Key group ${state.keyGroupId} ("${groupName}") — remove it with: aws cloudfront delete-key-group --id ${state.keyGroupId} --if-match <ETag from get-key-group>.`,
    });
  } else {
    const g = groupBefore;
    steps.push({
      id: 'add-key-to-group',
      describe: () =>
        `Add the new key to key group "${g.name}" (${g.id}; ${g.items.length} of ${MAX_KEYS_PER_GROUP} keys used)`,
      calls: () => [`cloudfront:GetKeyGroup Id=${g.id}`, `cloudfront:UpdateKeyGroup Id=${g.id} IfMatch=<ETag>`],
      apply: async () => {
        const now = await readKeyGroup(cf, g.id);
        if (!now) throw new SharingError('CLOUDFRONT_NOT_FOUND', `Key group ${g.id} disappeared while setting up.`);
        if (now.items.length >= MAX_KEYS_PER_GROUP)
          throw new SharingError('SETUP_INVALID', `Key group ${g.id} is full (${MAX_KEYS_PER_GROUP} keys).`);
        await cf.send(
          new UpdateKeyGroupCommand({
            Id: g.id,
            IfMatch: now.etag,
            KeyGroupConfig: {
              Name: now.name,
              Items: [...now.items, state.publicKeyId!],
              ...(now.comment ? { Comment: now.comment } : {}),
            },
          }),
        );
        state.keyGroupId = g.id;
      },
      undo: async () => {
        const now = await readKeyGroup(cf, g.id);
        if (!now) return `key group ${g.id} is gone`;
        await cf.send(
          new UpdateKeyGroupCommand({
            Id: g.id,
            IfMatch: now.etag,
            KeyGroupConfig: {
              Name: now.name,
              Items: now.items.filter((k) => k !== state.publicKeyId),
              ...(now.comment ? { Comment: now.comment } : {}),
            },
          }),
        );
        return undefined;
      },
    });
  }

  // 4–5. origin access control and distribution
  if (!dist) {
    const oacName = `signet-${req.bucket}`.slice(0, 64);
    const oacs = await cf.send(new ListOriginAccessControlsCommand({}));
    const foundOac = (oacs.OriginAccessControlList?.Items ?? []).find(
      (o) => o.Name === oacName && o.SigningProtocol === 'sigv4' && o.SigningBehavior === 'always',
    );
    if (foundOac?.Id) state.oacId = foundOac.Id;
    let oacEtag = '';
    steps.push({
      id: 'create-origin-access-control',
      done: Boolean(foundOac),
      describe: () =>
        foundOac
          ? `Origin access control "${oacName}" (${foundOac.Id}) already exists`
          : `Create origin access control "${oacName}" (S3, SigV4, always sign)`,
      calls: () => [
        `cloudfront:CreateOriginAccessControl Name=${oacName} SigningProtocol=sigv4 SigningBehavior=always OriginType=s3`,
      ],
      apply: async () => {
        const r = await cf.send(
          new CreateOriginAccessControlCommand({
            OriginAccessControlConfig: {
              Name: oacName,
              Description: `Signet: CloudFront reads ${req.bucket}`,
              SigningProtocol: 'sigv4',
              SigningBehavior: 'always',
              OriginAccessControlOriginType: 's3',
            },
          }),
        );
        state.oacId = r.OriginAccessControl?.Id;
        oacEtag = r.ETag ?? '';
      },
      undo: async () => {
        if (!state.oacId) return undefined;
        await cf.send(new DeleteOriginAccessControlCommand({ Id: state.oacId, IfMatch: oacEtag }));
        return undefined;
      },
      leftover: () =>
        `Origin access control ${state.oacId} ("${oacName}") — remove it with: aws cloudfront delete-origin-access-control --id ${state.oacId} --if-match <ETag>.`,
    });
    const region = existing?.region ?? req.region ?? DEFAULT_REGION;
    let distEtag = '';
    steps.push({
      id: 'create-distribution',
      describe: () =>
        `Create a distribution for ${req.bucket}: HTTPS only (redirect), signed links required (the key group), ${req.uploads ? 'GET/HEAD/OPTIONS/PUT/PATCH/POST/DELETE' : 'GET/HEAD'}, download-name query strings forwarded`,
      calls: () => [
        `cloudfront:CreateDistribution Origin=${req.bucket}.s3.${region}.amazonaws.com OAC=${state.oacId ?? NEW_ID('origin access control')} TrustedKeyGroups=[${state.keyGroupId ?? NEW_ID('key group')}] ViewerProtocolPolicy=redirect-to-https`,
      ],
      apply: async () => {
        const config = buildDistributionConfig({
          bucket: req.bucket,
          region,
          originAccessControlId: state.oacId!,
          keyGroupId: state.keyGroupId!,
          uploads: Boolean(req.uploads),
          callerReference: `signet-${profileId}-${stamp(deps.now())}`,
          comment: `Signet: signed links to ${req.bucket} (profile ${profileId})`,
        });
        const r = await cf.send(new CreateDistributionCommand({ DistributionConfig: config }));
        state.distributionId = r.Distribution?.Id;
        state.distributionArn = r.Distribution?.ARN;
        state.domain = r.Distribution?.DomainName;
        distEtag = r.ETag ?? '';
      },
      undo: async () => {
        const id = state.distributionId;
        if (!id) return undefined;
        // CloudFront deletes only a disabled, deployed distribution: disable first, then try.
        const c = await cf.send(new GetDistributionConfigCommand({ Id: id }));
        const disabled = await cf.send(
          new UpdateDistributionCommand({
            Id: id,
            IfMatch: c.ETag ?? distEtag,
            DistributionConfig: { ...c.DistributionConfig!, Enabled: false },
          }),
        );
        try {
          await cf.send(new DeleteDistributionCommand({ Id: id, IfMatch: disabled.ETag ?? '' }));
          return undefined;
        } catch {
          return `Distribution ${id} is disabled but not deleted (CloudFront deletes it only once the change is deployed, usually 5–15 minutes): aws cloudfront delete-distribution --id ${id} --if-match <ETag from get-distribution>.`;
        }
      },
    });
  } else {
    const d = dist;
    const alreadyTrusted = Boolean(reuse) || (groupBefore ? trusted.includes(groupBefore.id) : false);
    let before: DistributionConfig | undefined;
    steps.push({
      id: 'trust-key-group',
      done: alreadyTrusted,
      describe: () =>
        alreadyTrusted
          ? `Distribution ${d.id} already trusts the key group on its default behaviour`
          : `Trust the key group on the default behaviour of ${d.id} (${d.domain}); nothing else changes`,
      calls: () => [
        `cloudfront:GetDistributionConfig Id=${d.id}`,
        `cloudfront:UpdateDistribution Id=${d.id} IfMatch=<ETag> (DefaultCacheBehavior.TrustedKeyGroups += ${state.keyGroupId ?? groupBefore?.id ?? NEW_ID('key group')})`,
      ],
      apply: async () => {
        const c = await cf.send(new GetDistributionConfigCommand({ Id: d.id }));
        before = c.DistributionConfig!;
        await cf.send(
          new UpdateDistributionCommand({
            Id: d.id,
            IfMatch: c.ETag ?? '',
            DistributionConfig: withTrustedKeyGroup(before, state.keyGroupId!),
          }),
        );
      },
      undo: async () => {
        if (!before) return undefined;
        const c = await cf.send(new GetDistributionConfigCommand({ Id: d.id }));
        await cf.send(new UpdateDistributionCommand({ Id: d.id, IfMatch: c.ETag ?? '', DistributionConfig: before }));
        return undefined;
      },
    });
  }

  // 6. bucket policy
  const policyText = await readBucketPolicy(s3, req.bucket);
  let policyBefore: BucketPolicy;
  try {
    policyBefore = parseBucketPolicy(policyText);
  } catch (e) {
    throw new SharingError(
      'SETUP_INVALID',
      `The bucket policy of "${req.bucket}" cannot be read (${(e as Error).message}) — Signet will not rewrite a policy it cannot read. Fix it in the S3 console first.`,
    );
  }
  const legacyOai = dist
    ? Boolean(originForBucket(dist.config, req.bucket)?.S3OriginConfig?.OriginAccessIdentity)
    : false;
  const arnForPlan = () =>
    state.distributionArn ?? `arn:aws:cloudfront::${account}:distribution/${NEW_ID('distribution')}`;
  const mergeInput = () => ({
    bucket: req.bucket,
    distributionId: state.distributionId ?? 'NEW',
    distributionArn: arnForPlan(),
    uploads: Boolean(req.uploads),
  });
  const planned = mergeOacStatement(policyBefore, mergeInput());
  const policyDone = legacyOai || !planned.changed;
  steps.push({
    id: 'merge-bucket-policy',
    done: policyDone,
    describe: () =>
      legacyOai
        ? 'Bucket policy left as it is (the origin uses a legacy origin access identity)'
        : policyDone
          ? `The bucket policy already lets this distribution ${req.uploads ? 'read and write' : 'read'} "${req.bucket}"`
          : `Add a statement to the bucket policy of "${req.bucket}": CloudFront (this distribution only) may ${req.uploads ? 'read and write' : 'read'} objects; ${policyBefore.Statement.length} existing statement(s) kept`,
    calls: () => [
      `s3:GetBucketPolicy Bucket=${req.bucket}`,
      `s3:PutBucketPolicy Bucket=${req.bucket} (merged; Block Public Access untouched)`,
    ],
    details: () =>
      `bucket policy diff:\n${diffPolicies(policyBefore, mergeOacStatement(policyBefore, mergeInput()).policy)}`,
    apply: async () => {
      // Read again: the policy may have changed since planning, and the ARN is known now.
      const fresh = parseBucketPolicy(await readBucketPolicy(s3, req.bucket));
      const merged = mergeOacStatement(fresh, mergeInput());
      policyBefore = fresh;
      if (merged.changed)
        await s3.send(new PutBucketPolicyCommand({ Bucket: req.bucket, Policy: JSON.stringify(merged.policy) }));
    },
    undo: async () => {
      if (policyBefore.Statement.length === 0) await s3.send(new DeleteBucketPolicyCommand({ Bucket: req.bucket }));
      else await s3.send(new PutBucketPolicyCommand({ Bucket: req.bucket, Policy: JSON.stringify(policyBefore) }));
      return undefined;
    },
  });

  // 7. keychain
  const hadKey = await deps.secrets.hasCloudFrontKey(profileId).catch(() => false);
  steps.push({
    id: 'store-private-key',
    done: Boolean(reuse),
    describe: () =>
      reuse
        ? `The private key is already in the keychain for profile "${profileId}"`
        : `Store the private key in the keychain for profile "${profileId}"${hadKey ? ' (replacing the key stored there)' : ''}`,
    calls: () => [`keychain: set ${deps.secrets.service} / profile:${profileId}:cloudfront-key`],
    apply: async () => {
      await deps.secrets.setCloudFrontKey(profileId, state.key!.privatePem);
      // The PEM string is not needed any more; drop the reference.
      state.key = { ...state.key!, privatePem: '' };
    },
    undo: async () => {
      if (hadKey)
        return `The keychain now holds the new private key for profile "${profileId}"; the key it held before was replaced.`;
      await deps.secrets.deleteCloudFrontKey(profileId);
      return undefined;
    },
  });

  // 8. profile
  const profileAfter = (): unknown => ({
    ...(existing ?? {
      id: profileId,
      bucket: req.bucket,
      region: req.region ?? DEFAULT_REGION,
      credentials: req.awsProfile ? { source: 'aws-profile', awsProfile: req.awsProfile } : { source: 'default-chain' },
    }),
    link: {
      kind: 'cloudfront',
      domain: state.domain ?? 'pending.cloudfront.net',
      keyPairId: state.publicKeyId ?? 'PENDING',
      hash: existing?.link.kind === 'cloudfront' ? existing.link.hash : 'sha1',
      ...(state.originPath ? { originPath: state.originPath } : {}),
    },
  });
  const profileDone =
    existing?.link.kind === 'cloudfront' &&
    Boolean(reuse) &&
    existing.link.keyPairId === state.publicKeyId &&
    existing.link.domain === state.domain;
  steps.push({
    id: 'save-profile',
    done: profileDone,
    describe: () =>
      profileDone
        ? `Profile "${profileId}" already links through ${state.domain} with key ${state.publicKeyId}`
        : `${existing ? 'Update' : 'Save'} profile "${profileId}": CloudFront links through ${state.domain ?? '<new distribution domain>'} signed with key ${state.publicKeyId ?? NEW_ID('public key')}`,
    calls: () => [`local: write profiles.json (profile ${profileId})`],
    apply: async () => {
      await deps.profiles.save(profileAfter());
    },
    undo: async () => {
      if (existing) await deps.profiles.save(existing satisfies Profile);
      else await deps.profiles.remove(profileId);
      return undefined;
    },
  });

  return { steps, state, warnings, account };
}
