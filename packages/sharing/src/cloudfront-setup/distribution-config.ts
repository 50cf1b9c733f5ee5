// CloudFront distribution configurations Signet writes or edits. Pure data: no I/O.
// A new distribution: one S3 origin reached through an origin access control, HTTPS only
// (redirect), the key group trusted on the default behaviour, and the two query strings that
// carry a download name forwarded to S3. An existing one: only the default behaviour's
// trusted key groups change.
//
// Query strings are forwarded with the behaviour's own ForwardedValues whitelist rather than a
// separate cache policy: one resource fewer to create, roll back and grant IAM rights for, and
// the same effect (both names are in the cache key, so two download names never share a
// cached answer). The doctor accepts either form.
import type {
  CacheBehavior,
  DefaultCacheBehavior,
  DistributionConfig,
  Method,
  Origin,
} from '@aws-sdk/client-cloudfront';

/** The query strings S3 reads a download name and a content type from. */
export const DOWNLOAD_QUERY_STRINGS = ['response-content-disposition', 'response-content-type'] as const;

/** CloudFront limits (AWS quotas, not adjustable for these two). */
export const MAX_KEYS_PER_GROUP = 5;
export const MAX_KEY_GROUPS_PER_DISTRIBUTION = 4;

const READ_METHODS: Method[] = ['GET', 'HEAD'];
// CloudFront accepts only three method sets; uploads need the full one.
const UPLOAD_METHODS: Method[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];

/** The S3 REST endpoint of a bucket, as a CloudFront origin domain. */
function s3OriginDomain(bucket: string, region: string): string {
  return `${bucket}.s3.${region}.amazonaws.com`;
}

export function buildDistributionConfig(input: {
  bucket: string;
  region: string;
  originAccessControlId: string;
  keyGroupId: string;
  uploads: boolean;
  callerReference: string;
  comment: string;
}): DistributionConfig {
  const originId = `signet-s3-${input.bucket}`.slice(0, 128);
  const methods = input.uploads ? UPLOAD_METHODS : READ_METHODS;
  return {
    CallerReference: input.callerReference,
    Comment: input.comment.slice(0, 128),
    Enabled: true,
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: originId,
          DomainName: s3OriginDomain(input.bucket, input.region),
          // With an OAC the legacy identity stays empty (AWS requires the element).
          S3OriginConfig: { OriginAccessIdentity: '' },
          OriginAccessControlId: input.originAccessControlId,
        },
      ],
    },
    DefaultCacheBehavior: {
      TargetOriginId: originId,
      ViewerProtocolPolicy: 'redirect-to-https',
      TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: [input.keyGroupId] },
      AllowedMethods: {
        Quantity: methods.length,
        Items: methods,
        CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] },
      },
      Compress: true,
      ForwardedValues: {
        QueryString: true,
        QueryStringCacheKeys: { Quantity: DOWNLOAD_QUERY_STRINGS.length, Items: [...DOWNLOAD_QUERY_STRINGS] },
        Cookies: { Forward: 'none' },
        Headers: { Quantity: 0 },
      },
      MinTTL: 0,
      DefaultTTL: 86_400,
      MaxTTL: 31_536_000,
    },
    PriceClass: 'PriceClass_All',
    HttpVersion: 'http2',
    IsIPV6Enabled: true,
  };
}

/** The key groups the default behaviour trusts. */
export function trustedKeyGroupsOf(b: DefaultCacheBehavior | CacheBehavior | undefined): string[] {
  const t = b?.TrustedKeyGroups;
  return t?.Enabled ? [...(t.Items ?? [])] : [];
}

/**
 * The same configuration with `keyGroupId` trusted on the default behaviour and nothing else
 * changed. Throws (with the limit in words) when the behaviour already trusts four groups.
 */
export function withTrustedKeyGroup(config: DistributionConfig, keyGroupId: string): DistributionConfig {
  const current = trustedKeyGroupsOf(config.DefaultCacheBehavior);
  if (current.includes(keyGroupId)) return config;
  if (current.length >= MAX_KEY_GROUPS_PER_DISTRIBUTION) {
    throw new Error(
      `The default behaviour already trusts ${current.length} key groups, CloudFront's limit per distribution. Add the key to one of them instead (--key-group ${current[0]}), or remove a group you no longer use.`,
    );
  }
  const items = [...current, keyGroupId];
  return {
    ...config,
    DefaultCacheBehavior: {
      ...config.DefaultCacheBehavior!,
      TrustedKeyGroups: { Enabled: true, Quantity: items.length, Items: items },
    },
  };
}

/** The origin a distribution reads `bucket` from (an S3 REST or legacy global endpoint). */
export function originForBucket(config: DistributionConfig, bucket: string): Origin | undefined {
  return (config.Origins?.Items ?? []).find((o) => {
    const d = (o.DomainName ?? '').toLowerCase();
    return d === `${bucket}.s3.amazonaws.com` || d.startsWith(`${bucket}.s3.`) || d.startsWith(`${bucket}.s3-`);
  });
}

/** The origin the default behaviour sends requests to. */
export function defaultOrigin(config: DistributionConfig): Origin | undefined {
  const id = config.DefaultCacheBehavior?.TargetOriginId;
  return (config.Origins?.Items ?? []).find((o) => o.Id === id);
}

/** Methods the default behaviour lets through. */
export function allowedMethodsOf(b: DefaultCacheBehavior | CacheBehavior | undefined): string[] {
  return [...(b?.AllowedMethods?.Items ?? ['GET', 'HEAD'])];
}
