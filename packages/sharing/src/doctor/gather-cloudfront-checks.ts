// The CloudFront half of the doctor: finds the profile's distribution by its domain, reads the
// trusted key groups and their public keys, the keychain key's public half, the cache /
// origin-request policies and pending key retirements, and hands them to the pure checks in
// cloudfront-checks.ts.
import { dirname } from 'node:path';
import {
  GetCachePolicyCommand,
  GetOriginRequestPolicyCommand,
  type CloudFrontClient,
} from '@aws-sdk/client-cloudfront';
import { cloudFrontPublicKeyPem, type Profile } from '@signet/core';
import { type resolveCredentials } from '../credentials/index.js';
import { toUserMessage } from '../errors.js';
import { RetirementStore } from '../cloudfront-setup/retirement-store.js';
import { type controlPlaneEndpoints, createCloudFrontClient } from '../cloudfront-setup/aws-clients.js';
import { findDistributionByDomain, readKeyGroup, readPublicKey } from '../cloudfront-setup/cloudfront-lookup.js';
import { trustedKeyGroupsOf } from '../cloudfront-setup/distribution-config.js';
import {
  checkBucketPolicyForDistribution,
  checkDistributionState,
  checkDownloadNames,
  checkOriginAccess,
  checkSignedLinksRequired,
  checkSigningKey,
  checkUploads,
  checkViewerProtocol,
  type KeyGroupFacts,
} from './cloudfront-checks.js';
import type { DoctorDeps } from './run-doctor.js';
import { DOCTOR_CHECK_TITLES, type DoctorCheck, type DoctorOptions } from './doctor-types.js';
import { fixWordsFor } from '../fix-words.js';

export async function checkCloudFront(x: {
  deps: DoctorDeps;
  profile: Profile;
  creds: Awaited<ReturnType<typeof resolveCredentials>>;
  endpoints: ReturnType<typeof controlPlaneEndpoints>;
  account: string | undefined;
  policyText: string | undefined;
  policyReadable: boolean;
  options: DoctorOptions;
  push: (c: DoctorCheck) => void;
  skip: (id: DoctorCheck['id'], why: string) => void;
}): Promise<void> {
  const { profile, push, skip } = x;
  const words = fixWordsFor(x.options.for);
  if (profile.link.kind !== 'cloudfront') return;
  const link = profile.link;
  const cf: CloudFrontClient = createCloudFrontClient(x.creds, x.endpoints);
  const later = [
    'distribution-enabled',
    'distribution-deployed',
    'signed-links-required',
    'signing-key',
    'origin-access',
    'download-names',
    'uploads',
    'viewer-protocol',
  ] as const;
  let dist;
  try {
    dist = await findDistributionByDomain(cf, link.domain);
  } catch (e) {
    push({
      id: 'distribution',
      title: 'Distribution',
      status: 'problem',
      detail: `CloudFront could not be asked: ${toUserMessage(e).message}`,
      fix: 'Let these credentials read CloudFront (the README lists the doctor’s read-only IAM policy).',
    });
    for (const id of later) skip(id, 'The distribution could not be read.');
    return;
  }
  if (!dist) {
    push({
      id: 'distribution',
      title: 'Distribution',
      status: 'problem',
      detail: `No distribution in this account serves ${link.domain}.`,
      fix: `Set the profile's domain to the distribution's (d….cloudfront.net or an alias), or make one: ${words.setUp(profile.bucket, profile.id)}.`,
    });
    for (const id of later) skip(id, 'There is no distribution to check.');
    return;
  }
  push({ id: 'distribution', title: 'Distribution', status: 'ok', detail: `${dist.id} serves ${link.domain}.` });
  const facts = {
    id: dist.id,
    arn: dist.arn,
    domain: dist.domain,
    status: dist.status,
    enabled: dist.enabled,
    config: dist.config,
  };
  checkDistributionState(facts, words).forEach(push);
  const hint = words.setUp(profile.bucket, profile.id, dist.id);
  push(checkSignedLinksRequired(facts, hint));

  // The keychain's key against the trusted groups' keys.
  const groups: KeyGroupFacts[] = [];
  for (const gid of trustedKeyGroupsOf(dist.config.DefaultCacheBehavior)) {
    const g = await readKeyGroup(cf, gid);
    if (!g) continue;
    const keys = [];
    for (const kid of g.items) {
      const k = await readPublicKey(cf, kid);
      if (k) keys.push({ id: k.id, encodedKey: k.encodedKey });
    }
    groups.push({ id: g.id, name: g.name, keys });
  }
  let keychainPublicKey: string | null = null;
  let keychainRead = true;
  try {
    const key = await x.deps.secrets.getCloudFrontKey(profile.id);
    keychainPublicKey = key ? cloudFrontPublicKeyPem(key) : null;
  } catch (e) {
    keychainRead = false;
    skip('signing-key', `The keychain could not be read (${toUserMessage(e).message}).`);
  }
  if (keychainRead)
    push(
      checkSigningKey({
        profileId: profile.id,
        keyPairId: link.keyPairId,
        keychainPublicKey,
        groups,
        setupHint: hint,
        words,
      }),
    );

  push(checkOriginAccess(facts, x.policyText, profile.bucket, words, profile.id));
  if (x.policyReadable) push(checkBucketPolicyForDistribution(facts, x.policyText, profile.bucket, hint));

  const b = dist.config.DefaultCacheBehavior;
  const cachePolicy = b?.CachePolicyId
    ? await cf
        .send(new GetCachePolicyCommand({ Id: b.CachePolicyId }))
        .then((r) => r.CachePolicy?.CachePolicyConfig?.ParametersInCacheKeyAndForwardedToOrigin?.QueryStringsConfig)
        .catch(() => undefined)
    : undefined;
  const originRequestPolicy = b?.OriginRequestPolicyId
    ? await cf
        .send(new GetOriginRequestPolicyCommand({ Id: b.OriginRequestPolicyId }))
        .then((r) => r.OriginRequestPolicy?.OriginRequestPolicyConfig?.QueryStringsConfig)
        .catch(() => undefined)
    : undefined;
  push(checkDownloadNames({ behavior: b, cachePolicy, originRequestPolicy }));
  push(
    checkUploads({
      behavior: b,
      expectUploads: Boolean(x.options.uploads),
      words,
      bucketPolicy: x.policyText,
      bucket: profile.bucket,
      distributionArn: dist.arn,
    }),
  );
  push(checkViewerProtocol(b));

  // After a rotation the old key stays trusted (its links work) until it is retired.
  const pending = await new RetirementStore(dirname(x.deps.profiles.file)).list(profile.id).catch(() => []);
  const now = x.deps.now().getTime();
  const inGroup = new Set(groups.flatMap((g) => g.keys.map((k) => k.id)));
  const live = pending.filter((p) => inGroup.has(p.keyId));
  if (live.length > 0) {
    const due = live.filter((p) => Date.parse(p.retireAfter) <= now);
    push({
      id: 'key-rotation',
      title: DOCTOR_CHECK_TITLES['key-rotation'],
      status: 'ok',
      detail: `${live.map((p) => `${p.keyId} (replaced by ${p.replacedBy}; may go from ${p.retireAfter})`).join(', ')} ${live.length === 1 ? 'is' : 'are'} still in the key group: the links ${live.length === 1 ? 'it' : 'they'} signed keep working until retired.${due.length ? ` Due now: ${words.retire(profile.id)}` : ''}`,
    });
  }
}
