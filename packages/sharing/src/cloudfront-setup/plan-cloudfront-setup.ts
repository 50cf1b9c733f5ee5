// Reads what exists (profile, keychain key, distribution, key groups, OAC, bucket policy) and
// turns a set-up request into a plan (plan.ts): only read calls happen here. Every step knows
// whether its work is already done, so a re-run of a finished set-up is a plan of done steps.
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { GetPublicAccessBlockCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { cloudFrontPublicKeyPem, samePublicKey } from '@signet/core';
import { httpStatusOf, SharingError } from '../errors.js';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import { bucketPolicySteps } from './bucket-policy-steps.js';
import {
  findDistributionByDomain,
  findKeyGroupByName,
  readDistribution,
  readKeyGroup,
  readPublicKey,
  type DistributionState,
  type KeyGroupState,
} from './cloudfront-lookup.js';
import { MAX_KEYS_PER_GROUP, originForBucket, trustedKeyGroupsOf } from './distribution-config.js';
import { distributionSteps } from './distribution-steps.js';
import { keySteps } from './key-steps.js';
import { localSteps } from './local-steps.js';
import type { PlanStep } from './plan.js';
import type { SetupContext, SetupState } from './setup-context.js';
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
        `The origin "${origin.Id}" shows no origin access control: CloudFront cannot read a private bucket without one. Attach one (console → origin → Origin access), then ${req.for === 'window' ? 'Check setup on the profile' : 'run signet doctor'}.`,
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
        `Key group "${groupBefore.name}" already holds ${groupBefore.items.length} keys, CloudFront's limit per group. ${
          req.for === 'window'
            ? `Remove a key you no longer sign with ("Retire old key now" on the profile's card in Settings).`
            : 'Remove a key you no longer sign with (signet cloudfront retire-key), or pick another --key-group.'
        }`,
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

  const c: SetupContext = {
    cf,
    s3,
    deps,
    req,
    profileId,
    state,
    existing,
    dist,
    trusted,
    reuse,
    groupBefore,
    currentKeyId,
    keyType,
    account,
    now,
  };
  const steps: PlanStep[] = [
    ...keySteps(c),
    ...(await distributionSteps(c)),
    ...(await bucketPolicySteps(c)),
    ...(await localSteps(c)),
  ];

  return { steps, state, warnings, account };
}
