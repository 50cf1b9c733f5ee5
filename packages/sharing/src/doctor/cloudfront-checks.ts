// The CloudFront half of the doctor as pure functions over what CloudFront answered (a
// distribution config, key groups with their public keys, the keychain key's public half, a
// cache / origin-request policy, the bucket policy). The doctor fetches; these judge — so each
// broken configuration can be tested with AWS's documented answers as well as against moto.
import type {
  CachePolicyQueryStringsConfig,
  DefaultCacheBehavior,
  DistributionConfig,
  OriginRequestPolicyQueryStringsConfig,
} from '@aws-sdk/client-cloudfront';
import { samePublicKey } from '@signet/core';
import { cloudFrontGrantsOf, parseBucketPolicy } from '../cloudfront-setup/bucket-policy.js';
import {
  allowedMethodsOf,
  defaultOrigin,
  DOWNLOAD_QUERY_STRINGS,
  trustedKeyGroupsOf,
} from '../cloudfront-setup/distribution-config.js';
import { DEPLOY_TIME_WORDS } from '../cloudfront-setup/wait-deployed.js';
import type { DoctorCheck } from './doctor-types.js';
import { CLI_WORDS, type FixWords } from '../fix-words.js';

const ok = (id: DoctorCheck['id'], title: string, detail: string): DoctorCheck => ({ id, title, status: 'ok', detail });
const problem = (id: DoctorCheck['id'], title: string, detail: string, fix: string): DoctorCheck => ({
  id,
  title,
  status: 'problem',
  detail,
  fix,
});

export interface DistributionFacts {
  id: string;
  arn: string;
  domain: string;
  status: string;
  enabled: boolean;
  config: DistributionConfig;
}

export function checkDistributionState(d: DistributionFacts, words: FixWords = CLI_WORDS): DoctorCheck[] {
  return [
    d.enabled
      ? ok('distribution-enabled', 'Distribution enabled', `${d.id} is enabled.`)
      : problem(
          'distribution-enabled',
          'Distribution enabled',
          `${d.id} is disabled: CloudFront serves nothing through it.`,
          'Enable it (CloudFront console → the distribution → Enable), then wait until it is deployed.',
        ),
    d.status === 'Deployed'
      ? ok('distribution-deployed', 'Distribution deployed', `${d.id} is deployed.`)
      : problem(
          'distribution-deployed',
          'Distribution deployed',
          `${d.id} is ${d.status}: a change (a new key, a new behaviour) works only once it is deployed (${DEPLOY_TIME_WORDS}).`,
          `Wait until its status is Deployed (${words.waitDeployed}), then check again.`,
        ),
  ];
}

/** The default behaviour (and path-pattern behaviours on the same origin) require signed links. */
export function checkSignedLinksRequired(d: DistributionFacts, setupHint: string): DoctorCheck {
  const title = 'Signed links required';
  const b = d.config.DefaultCacheBehavior;
  const groups = trustedKeyGroupsOf(b);
  const open = (d.config.CacheBehaviors?.Items ?? [])
    .filter(
      (x) => x.TargetOriginId === b?.TargetOriginId && !trustedKeyGroupsOf(x).length && !x.TrustedSigners?.Enabled,
    )
    .map((x) => x.PathPattern);
  if (groups.length === 0 && !b?.TrustedSigners?.Enabled) {
    return problem(
      'signed-links-required',
      title,
      'The default behaviour trusts no key group: CloudFront serves every object to anyone, signed or not, and ignores the signature.',
      `Make the default behaviour trust a key group: ${setupHint}`,
    );
  }
  if (open.length > 0) {
    return problem(
      'signed-links-required',
      title,
      `The behaviour(s) for ${open.map((p) => `"${p}"`).join(', ')} do not require signed links: objects under those paths are public through CloudFront.`,
      'Set "Restrict viewer access" to the same key group on those behaviours (CloudFront console → Behaviors → Edit).',
    );
  }
  if (groups.length === 0)
    return ok(
      'signed-links-required',
      title,
      'The default behaviour uses legacy trusted signers (account key pairs); AWS recommends key groups.',
    );
  return ok('signed-links-required', title, `The default behaviour trusts key group(s) ${groups.join(', ')}.`);
}

export interface KeyGroupFacts {
  id: string;
  name: string;
  keys: { id: string; encodedKey: string }[];
}

/**
 * The most common "access denied": the key group the distribution trusts does not hold the
 * public half of the private key Signet signs with.
 */
export function checkSigningKey(input: {
  profileId: string;
  keyPairId: string;
  /** Public half of the keychain's private key; null when the keychain has none. */
  keychainPublicKey: string | null;
  groups: KeyGroupFacts[];
  setupHint: string;
  words?: FixWords;
}): DoctorCheck {
  const words = input.words ?? CLI_WORDS;
  const title = 'Signing key in the key group';
  const { keyPairId, groups, profileId } = input;
  if (!input.keychainPublicKey) {
    return problem(
      'signing-key',
      title,
      `The keychain holds no CloudFront private key for profile "${profileId}", so no link can be signed.`,
      `Import the private key of ${keyPairId} (${words.importKey(profileId)}), or make a new pair: ${words.rotate(profileId)}.`,
    );
  }
  const all = groups.flatMap((g) => g.keys.map((k) => ({ ...k, group: g })));
  const byId = all.find((k) => k.id === keyPairId);
  const matching = all.find((k) => samePublicKey(k.encodedKey, input.keychainPublicKey!));
  if (byId && samePublicKey(byId.encodedKey, input.keychainPublicKey)) {
    return ok(
      'signing-key',
      title,
      `Key group "${byId.group.name}" (${byId.group.id}) holds public key ${keyPairId}, the public half of the private key in the keychain.`,
    );
  }
  if (byId) {
    return problem(
      'signing-key',
      title,
      `Key group "${byId.group.name}" holds a public key ${keyPairId}, but it is not the public half of the private key in the keychain: CloudFront refuses every link (access denied).${matching ? ` The keychain's key is public key ${matching.id}.` : ''}`,
      matching
        ? `Sign with the key that matches: set the profile's key id to ${matching.id} (${words.setKeyId(profileId, matching.id)}).`
        : `Import the private key that belongs to ${keyPairId} (${words.importKey(profileId)}), or make a new pair that joins the group: ${words.rotate(profileId)}.`,
    );
  }
  if (matching) {
    return problem(
      'signing-key',
      title,
      `The profile signs with key id ${keyPairId}, which no trusted key group holds; the keychain's private key belongs to public key ${matching.id} (group "${matching.group.name}").`,
      `Set the profile's key id to ${matching.id} (${words.setKeyId(profileId, matching.id)}).`,
    );
  }
  return problem(
    'signing-key',
    title,
    `Public key ${keyPairId} is not in any key group the distribution trusts (${groups.map((g) => g.id).join(', ') || 'none'}): CloudFront answers "Unknown Key" / access denied.`,
    `Put the key into a trusted group: ${input.setupHint}`,
  );
}

/** The origin behind the default behaviour reads the bucket through an OAC (or a legacy OAI). */
export function checkOriginAccess(
  d: DistributionFacts,
  bucketPolicy: string | undefined,
  bucket: string,
  words: FixWords = CLI_WORDS,
  profileId = '',
): DoctorCheck {
  const title = 'Origin access';
  const origin = defaultOrigin(d.config);
  if (!origin)
    return problem(
      'origin-access',
      title,
      'The default behaviour points at an origin that does not exist.',
      'Fix the default behaviour’s origin in the CloudFront console.',
    );
  const oai = origin.S3OriginConfig?.OriginAccessIdentity;
  let policy;
  try {
    policy = parseBucketPolicy(bucketPolicy);
  } catch {
    policy = { Statement: [] };
  }
  if (origin.OriginAccessControlId) {
    return ok(
      'origin-access',
      title,
      `Origin "${origin.Id}" uses origin access control ${origin.OriginAccessControlId}.`,
    );
  }
  if (oai) {
    const oaiId = oai.split('/').pop() ?? oai;
    const granted = JSON.stringify(policy.Statement).includes(oaiId);
    return granted
      ? ok(
          'origin-access',
          title,
          `Origin "${origin.Id}" uses the legacy origin access identity ${oaiId}, and the bucket policy grants it.`,
        )
      : problem(
          'origin-access',
          title,
          `Origin "${origin.Id}" uses origin access identity ${oaiId}, but the bucket policy of "${bucket}" does not grant it: S3 refuses CloudFront.`,
          `Grant it s3:GetObject in the bucket policy, or move to an origin access control and run ${words.setUp(bucket, profileId || '<profile>', d.id)}.`,
        );
  }
  return problem(
    'origin-access',
    title,
    `Origin "${origin.Id}" has no origin access control (or identity): CloudFront asks S3 anonymously and a private bucket refuses it.`,
    `Attach an origin access control to the origin (CloudFront console → Origins → Edit → Origin access control settings), then run ${words.setUp(bucket, profileId || '<profile>', d.id)} for the bucket policy.`,
  );
}

/** The bucket policy lets exactly this distribution (its ARN) read through the OAC. */
export function checkBucketPolicyForDistribution(
  d: DistributionFacts,
  bucketPolicy: string | undefined,
  bucket: string,
  setupHint: string,
): DoctorCheck {
  const title = 'Bucket policy';
  let grants;
  try {
    grants = cloudFrontGrantsOf(parseBucketPolicy(bucketPolicy), bucket);
  } catch {
    return problem(
      'bucket-policy',
      title,
      `The bucket policy of "${bucket}" is not valid JSON.`,
      'Fix it in the S3 console (Permissions → Bucket policy).',
    );
  }
  const ours = grants.filter((g) => g.distributionArns.includes(d.arn) && g.canRead);
  const unconditional = grants.filter((g) => g.distributionArns.length === 0);
  if (unconditional.length > 0) {
    return problem(
      'bucket-policy',
      title,
      'The bucket policy lets CloudFront read the bucket without naming a distribution (no AWS:SourceArn condition): any distribution in any account could serve it.',
      `Add the condition "AWS:SourceArn": "${d.arn}" to that statement.`,
    );
  }
  const others = [...new Set(grants.flatMap((g) => g.distributionArns))].filter((a) => a !== d.arn);
  if (ours.length > 0)
    return ok(
      'bucket-policy',
      title,
      `The bucket policy lets distribution ${d.id} (and only through CloudFront) read "${bucket}"${others.length ? `; it also lets ${others.join(', ')} read it — remove those statements if those distributions are gone` : ''}.`,
    );
  return problem(
    'bucket-policy',
    title,
    others.length
      ? `The bucket policy of "${bucket}" grants CloudFront only for ${others.join(', ')}, not for ${d.arn}: S3 answers access denied to this distribution.`
      : `The bucket policy of "${bucket}" has no statement for CloudFront (the OAC's grant is missing): S3 answers access denied to every signed link.`,
    `Add the OAC statement: ${setupHint}`,
  );
}

type QueryConfig = CachePolicyQueryStringsConfig | OriginRequestPolicyQueryStringsConfig;

function forwards(config: QueryConfig | undefined): string[] | 'all' {
  const behavior = config?.QueryStringBehavior;
  const items = config?.QueryStrings?.Items ?? [];
  if (behavior === 'all') return 'all';
  if (behavior === 'whitelist') return items;
  if (behavior === 'allExcept') return DOWNLOAD_QUERY_STRINGS.filter((q) => !items.includes(q));
  return [];
}

/** `response-content-disposition` and `response-content-type` reach S3 (download names work). */
export function checkDownloadNames(input: {
  behavior: DefaultCacheBehavior | undefined;
  cachePolicy?: CachePolicyQueryStringsConfig | undefined;
  originRequestPolicy?: OriginRequestPolicyQueryStringsConfig | undefined;
}): DoctorCheck {
  const title = 'Download names (query strings)';
  const b = input.behavior;
  const seen = new Set<string>();
  let all = false;
  if (b?.CachePolicyId || b?.OriginRequestPolicyId) {
    for (const f of [forwards(input.cachePolicy), forwards(input.originRequestPolicy)]) {
      if (f === 'all') all = true;
      else f.forEach((q) => seen.add(q));
    }
  } else if (b?.ForwardedValues?.QueryString) {
    const keys = b.ForwardedValues.QueryStringCacheKeys?.Items ?? [];
    if (keys.length === 0) all = true;
    else keys.forEach((q) => seen.add(q));
  }
  const missing = all ? [] : DOWNLOAD_QUERY_STRINGS.filter((q) => !seen.has(q));
  if (missing.length === 0)
    return ok('download-names', title, 'response-content-disposition and response-content-type are forwarded to S3.');
  return problem(
    'download-names',
    title,
    `The default behaviour does not forward ${missing.join(' and ')}: links still work, but the download name and content type Signet asks for are ignored.`,
    'Add both query strings to the cache policy (Query strings → Include specified) or to the origin request policy of the default behaviour.',
  );
}

export function checkUploads(input: {
  behavior: DefaultCacheBehavior | undefined;
  expectUploads: boolean;
  bucketPolicy: string | undefined;
  bucket: string;
  distributionArn: string;
  words?: FixWords;
}): DoctorCheck {
  const title = 'Uploads (PUT)';
  const words = input.words ?? CLI_WORDS;
  const methods = allowedMethodsOf(input.behavior);
  const put = methods.includes('PUT');
  if (!put) {
    return input.expectUploads
      ? problem(
          'uploads',
          title,
          `This distribution only allows ${methods.join('/')}: upload links through it get 405 / 403 "method not allowed".`,
          `Allow PUT to upload through it: set the default behaviour’s allowed methods to GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE (${words.setUpUploads} does it for a new distribution).`,
        )
      : ok(
          'uploads',
          title,
          `Only ${methods.join('/')} allowed: fine for download links (upload links are signed for S3).`,
        );
  }
  let canWrite = false;
  try {
    canWrite = cloudFrontGrantsOf(parseBucketPolicy(input.bucketPolicy), input.bucket).some(
      (g) => g.distributionArns.includes(input.distributionArn) && g.canWrite,
    );
  } catch {
    // reported by the bucket-policy check
  }
  if (input.expectUploads && !canWrite)
    return problem(
      'uploads',
      title,
      'PUT is allowed, but the bucket policy does not let CloudFront write (s3:PutObject): uploads get access denied from S3.',
      `Add s3:PutObject to the CloudFront statement of the bucket policy (${words.setUpUploads} merges it).`,
    );
  return ok(
    'uploads',
    title,
    `${methods.join('/')} allowed${canWrite ? '; the bucket policy lets CloudFront write' : ''}.`,
  );
}

export function checkViewerProtocol(behavior: DefaultCacheBehavior | undefined): DoctorCheck {
  const title = 'Viewer protocol';
  const p = behavior?.ViewerProtocolPolicy ?? 'allow-all';
  if (p === 'allow-all')
    return problem(
      'viewer-protocol',
      title,
      'Links also work over plain HTTP: a signed link can be read (and reused) by anyone on the network path.',
      'Set the default behaviour’s viewer protocol policy to "Redirect HTTP to HTTPS".',
    );
  return ok('viewer-protocol', title, `Viewer protocol policy: ${p}.`);
}
