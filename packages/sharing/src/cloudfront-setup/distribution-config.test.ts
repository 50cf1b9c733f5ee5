// Distribution configurations as data: the new one Signet makes, and the one-field edit of an
// existing one (CloudFront's limits respected and explained).
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import { describe, expect, it } from 'vitest';
import { buildDistributionConfig, withTrustedKeyGroup } from './distribution-config.js';

const base = {
  bucket: 'reports',
  region: 'eu-west-1',
  originAccessControlId: 'E2QWRUHAPOMQZL',
  keyGroupId: 'KG1',
  callerReference: 'ref',
  comment: 'c',
};

describe('buildDistributionConfig', () => {
  it('an OAC-read S3 origin, HTTPS redirect, the key group trusted, download-name query strings in the key', () => {
    const c = buildDistributionConfig({ ...base, uploads: false });
    expect(c.Origins?.Items?.[0]).toMatchObject({
      DomainName: 'reports.s3.eu-west-1.amazonaws.com',
      OriginAccessControlId: 'E2QWRUHAPOMQZL',
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
    const b = c.DefaultCacheBehavior!;
    expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(b.TrustedKeyGroups).toEqual({ Enabled: true, Quantity: 1, Items: ['KG1'] });
    expect(b.AllowedMethods?.Items).toEqual(['GET', 'HEAD']);
    expect(b.ForwardedValues?.QueryStringCacheKeys?.Items).toEqual([
      'response-content-disposition',
      'response-content-type',
    ]);
  });
  it('--uploads: the full method set CloudFront accepts (it has no GET+HEAD+PUT set)', () => {
    const b = buildDistributionConfig({ ...base, uploads: true }).DefaultCacheBehavior!;
    expect(b.AllowedMethods?.Items).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    expect(b.AllowedMethods?.Quantity).toBe(7);
    expect(b.AllowedMethods?.CachedMethods?.Items).toEqual(['GET', 'HEAD']);
  });
});

describe('withTrustedKeyGroup', () => {
  const existing: DistributionConfig = {
    CallerReference: 'x',
    Comment: 'hand-made',
    Enabled: true,
    Origins: { Quantity: 1, Items: [{ Id: 'o', DomainName: 'reports.s3.amazonaws.com' }] },
    DefaultCacheBehavior: {
      TargetOriginId: 'o',
      ViewerProtocolPolicy: 'https-only',
      TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: ['A'] },
      CachePolicyId: 'cp',
    },
    CacheBehaviors: { Quantity: 0 },
  };
  it('adds the group and changes nothing else; a group already there is no change', () => {
    const next = withTrustedKeyGroup(existing, 'B');
    expect(next.DefaultCacheBehavior?.TrustedKeyGroups).toEqual({ Enabled: true, Quantity: 2, Items: ['A', 'B'] });
    expect({ ...next, DefaultCacheBehavior: { ...next.DefaultCacheBehavior, TrustedKeyGroups: undefined } }).toEqual({
      ...existing,
      DefaultCacheBehavior: { ...existing.DefaultCacheBehavior, TrustedKeyGroups: undefined },
    });
    expect(withTrustedKeyGroup(existing, 'A')).toBe(existing);
  });
  it('a fifth key group is refused with the limit in words', () => {
    const full: DistributionConfig = {
      ...existing,
      DefaultCacheBehavior: {
        ...existing.DefaultCacheBehavior!,
        TrustedKeyGroups: { Enabled: true, Quantity: 4, Items: ['A', 'B', 'C', 'D'] },
      },
    };
    expect(() => withTrustedKeyGroup(full, 'E')).toThrow(
      /already trusts 4 key groups, CloudFront's limit.*--key-group A/,
    );
  });
});
