// `signet doctor`: reads the real configuration of one profile — credentials, clock, bucket,
// Block Public Access, bucket policy, and for CloudFront profiles the distribution, its key
// groups, origin access and behaviour — and reports each check as ok or a problem with the fix.
// Read-only: it never changes anything. Every call it makes is in the README's doctor policy.
import {
  GetCachePolicyCommand,
  GetOriginRequestPolicyCommand,
  type CloudFrontClient,
} from '@aws-sdk/client-cloudfront';
import {
  GetBucketLocationCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { cloudFrontPublicKeyPem, type Profile } from '@signet/core';
import { resolveCredentials } from '../credentials/index.js';
import { httpStatusOf, toUserMessage } from '../errors.js';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import { dirname } from 'node:path';
import { RetirementStore } from '../cloudfront-setup/retirement-store.js';
import { createS3Client } from '../upload/create-s3-client.js';
import { CREDENTIAL_CODES, probeBucket } from '../upload/explain-refusal.js';
import { controlPlaneEndpoints, createCloudFrontClient, createStsClient } from '../cloudfront-setup/aws-clients.js';
import { parseBucketPolicy } from '../cloudfront-setup/bucket-policy.js';
import {
  findDistributionByDomain,
  readBucketPolicy,
  readKeyGroup,
  readPublicKey,
} from '../cloudfront-setup/cloudfront-lookup.js';
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
import { checkBucketRegion, regionOfLocation } from './bucket-region-check.js';
import { DOCTOR_CHECK_TITLES, type DoctorCheck, type DoctorOptions, type DoctorReport } from './doctor-types.js';

export interface DoctorDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/** More than this and SigV4 requests fail (S3 allows 15 min); links also start or end early. */
const SKEW_PROBLEM_MS = 5 * 60_000;

/** The server's Date header of every answer `client` gets (the clock check). */
function recordStsDate(client: STSClient): () => string | undefined {
  let date: string | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const headers = (out.response as { headers?: Record<string, string> } | undefined)?.headers;
      if (headers?.date) date = headers.date;
      return out;
    },
    { step: 'deserialize', name: 'signetServerDate' },
  );
  return () => date;
}

/** The same for S3 (an S3-compatible server has no STS to ask). */
function recordS3Date(client: S3Client): () => string | undefined {
  let date: string | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const headers = (out.response as { headers?: Record<string, string> } | undefined)?.headers;
      if (headers?.date) date = headers.date;
      return out;
    },
    { step: 'deserialize', name: 'signetServerDate' },
  );
  return () => date;
}

export async function runDoctor(
  deps: DoctorDeps,
  profileId: string,
  options: DoctorOptions = {},
): Promise<DoctorReport> {
  const profile = await deps.profiles.get(profileId);
  const checks: DoctorCheck[] = [];
  const push = (c: DoctorCheck) => checks.push(c);
  const skip = (id: DoctorCheck['id'], why: string) =>
    push({ id, title: DOCTOR_CHECK_TITLES[id], status: 'skipped', detail: why });
  const report = (): DoctorReport => ({
    profileId,
    kind: profile.link.kind,
    ok: checks.every((c) => c.status !== 'problem'),
    checks,
  });

  // Credentials (and whose).
  let creds;
  try {
    creds = await resolveCredentials(profile, deps.secrets, deps.env, deps.now());
  } catch (e) {
    push({
      id: 'credentials',
      title: 'Credentials',
      status: 'problem',
      detail: toUserMessage(e).message,
      fix: 'Give the profile working credentials (signet profile set-secret, or aws sso login), then run the doctor again.',
    });
    return report();
  }
  const endpoints = controlPlaneEndpoints(deps.env);
  const sts = createStsClient(creds, profile.region, endpoints);
  const s3 = createS3Client(profile, creds);
  const stsDate = recordStsDate(sts);
  const s3Date = recordS3Date(s3);
  let account: string | undefined;
  if (profile.endpoint && !endpoints.sts) {
    // An S3-compatible server has no STS to ask: the bucket check below uses the credentials.
    push({
      id: 'credentials',
      title: 'Credentials',
      status: 'skipped',
      detail: `${profile.endpoint} is not AWS, so there is no STS to ask whose they are; the bucket check below uses them.`,
    });
  } else {
    try {
      const who = await sts.send(new GetCallerIdentityCommand({}));
      account = who.Account;
      push({
        id: 'credentials',
        title: 'Credentials',
        status: 'ok',
        detail: `Valid: ${who.Arn ?? 'unknown identity'} (account ${who.Account ?? '?'}).`,
      });
    } catch (e) {
      push({
        id: 'credentials',
        title: 'Credentials',
        status: 'problem',
        detail: `AWS did not accept the credentials: ${toUserMessage(e).message}`,
        fix: 'Store fresh credentials (signet profile set-secret) or refresh the AWS session (aws sso login).',
      });
    }
  }

  // Bucket: exists, and where.
  let bucketOk = false;
  try {
    const head = await s3.send(new HeadBucketCommand({ Bucket: profile.bucket }));
    bucketOk = true;
    let region = head.BucketRegion;
    if (!region) {
      const loc = await s3.send(new GetBucketLocationCommand({ Bucket: profile.bucket })).catch(() => undefined);
      region = loc ? regionOfLocation(loc.LocationConstraint) : undefined;
    }
    push(checkBucketRegion(profile, region));
  } catch (e) {
    const status = httpStatusOf(e);
    // A HEAD answer has no body: ask again with a listing, whose XML names the cause.
    const probe = status === 403 ? await probeBucket(s3, profile.bucket) : undefined;
    const credentialsWrong = probe?.kind === 'refused' && CREDENTIAL_CODES.has(probe.code);
    push({
      id: 'bucket',
      title: 'Bucket',
      status: 'problem',
      detail:
        status === 404
          ? `There is no bucket "${profile.bucket}" at this endpoint.`
          : credentialsWrong && probe?.kind === 'refused'
            ? `The server rejected the credentials (${probe.code}): ${toUserMessage(probe.error).message}`
            : status === 403
              ? `The credentials may not use bucket "${profile.bucket}" (HTTP 403${probe?.kind === 'refused' ? `, ${probe.code}` : ''}).`
              : toUserMessage(e).message,
      fix:
        status === 404
          ? "Check the profile's bucket name, region and endpoint."
          : credentialsWrong
            ? `Store the right access key and secret: signet profile set-secret ${profile.id} --access-key-id <id>.`
            : 'Let these credentials use the bucket (IAM: s3:ListBucket, s3:GetObject, s3:PutObject), or fix the profile.',
    });
  }

  // Clock: any server answer carries its time.
  const serverDate = stsDate() ?? s3Date();
  if (serverDate && !Number.isNaN(Date.parse(serverDate))) {
    const skew = Date.parse(serverDate) - deps.now().getTime();
    const words = `${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? 'behind' : 'ahead of'} the server`;
    push(
      Math.abs(skew) > SKEW_PROBLEM_MS
        ? {
            id: 'clock',
            title: 'Clock',
            status: 'problem',
            detail: `This computer's clock is ${words}: signed requests are refused past 15 minutes, and links start or end at the wrong time.`,
            fix: 'Turn on network time (e.g. timedatectl set-ntp true) and check the time zone.',
          }
        : {
            id: 'clock',
            title: 'Clock',
            status: 'ok',
            detail: `Within ${Math.max(1, Math.round(Math.abs(skew) / 1000))} s of the server's clock.`,
          },
    );
  } else skip('clock', 'No server answered with a Date header.');

  if (!bucketOk) {
    skip('block-public-access', 'The bucket could not be read.');
    skip('bucket-policy', 'The bucket could not be read.');
    return report();
  }

  // Block Public Access.
  try {
    const c = (await s3.send(new GetPublicAccessBlockCommand({ Bucket: profile.bucket })))
      .PublicAccessBlockConfiguration;
    const off = (['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const).filter(
      (k) => !c?.[k],
    );
    push(
      off.length === 0
        ? { id: 'block-public-access', title: 'Block Public Access', status: 'ok', detail: 'All four settings are on.' }
        : {
            id: 'block-public-access',
            title: 'Block Public Access',
            status: 'problem',
            detail: `Off: ${off.join(', ')}. A public ACL or policy would make objects readable without a link.`,
            fix: 'Turn all four on (S3 console → the bucket → Permissions → Block public access); signed links do not need the bucket public.',
          },
    );
  } catch (e) {
    const name = (e as { name?: unknown }).name;
    push(
      name === 'NoSuchPublicAccessBlockConfiguration'
        ? {
            id: 'block-public-access',
            title: 'Block Public Access',
            status: 'problem',
            detail: 'The bucket has no Block Public Access settings.',
            fix: 'Turn all four on (S3 console → the bucket → Permissions → Block public access).',
          }
        : {
            id: 'block-public-access',
            title: 'Block Public Access',
            status: 'skipped',
            detail: `Could not be read (${toUserMessage(e).message})`,
          },
    );
  }

  let policyText: string | undefined;
  let policyReadable = true;
  try {
    policyText = await readBucketPolicy(s3, profile.bucket);
  } catch (e) {
    policyReadable = false;
    skip('bucket-policy', `Could not be read (${toUserMessage(e).message})`);
  }

  if (profile.link.kind !== 'cloudfront') {
    if (policyReadable) push(checkS3BucketPolicy(policyText, profile.bucket));
    return report();
  }

  await checkCloudFront({ deps, profile, creds, endpoints, account, policyText, policyReadable, options, push, skip });
  return report();
}

function checkS3BucketPolicy(text: string | undefined, bucket: string): DoctorCheck {
  const title = 'Bucket policy';
  if (text === undefined)
    return { id: 'bucket-policy', title, status: 'ok', detail: 'No bucket policy: access is decided by IAM.' };
  let policy;
  try {
    policy = parseBucketPolicy(text);
  } catch {
    return {
      id: 'bucket-policy',
      title,
      status: 'problem',
      detail: 'The bucket policy is not valid JSON.',
      fix: 'Fix it in the S3 console.',
    };
  }
  const open = policy.Statement.filter((s) => {
    const p = s.Principal as unknown;
    const star =
      p === '*' || (typeof p === 'object' && p !== null && [(p as { AWS?: unknown }).AWS].flat().includes('*'));
    return s.Effect === 'Allow' && star && !s.Condition;
  });
  return open.length
    ? {
        id: 'bucket-policy',
        title,
        status: 'problem',
        detail: `The bucket policy of "${bucket}" allows anyone (Principal "*") without a condition${open[0]?.Sid ? ` (statement ${open[0].Sid})` : ''}: objects are public, links or not.`,
        fix: 'Remove that statement, or limit it with a condition.',
      }
    : { id: 'bucket-policy', title, status: 'ok', detail: `${policy.Statement.length} statement(s), none public.` };
}

async function checkCloudFront(x: {
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
      fix: `Set the profile's domain to the distribution's (d….cloudfront.net or an alias), or make one: signet cloudfront setup --bucket ${profile.bucket} --profile ${profile.id} --create.`,
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
  checkDistributionState(facts).forEach(push);
  const hint = `signet cloudfront setup --bucket ${profile.bucket} --profile ${profile.id} --distribution ${dist.id}`;
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
      checkSigningKey({ profileId: profile.id, keyPairId: link.keyPairId, keychainPublicKey, groups, setupHint: hint }),
    );

  push(checkOriginAccess(facts, x.policyText, profile.bucket));
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
      detail: `${live.map((p) => `${p.keyId} (replaced by ${p.replacedBy}; may go from ${p.retireAfter})`).join(', ')} ${live.length === 1 ? 'is' : 'are'} still in the key group: the links ${live.length === 1 ? 'it' : 'they'} signed keep working until retired.${due.length ? ` Due now: signet cloudfront retire-key --profile ${profile.id}` : ''}`,
    });
  }
}
