import { parseProfile } from '@signet/core';
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../api.js';
import { pagePatternsFor } from './page-patterns.js';

const summary = (input: Record<string, unknown>): ProfileSummary => ({
  profile: parseProfile(input),
  isDefault: false,
  hasAwsSecret: false,
  hasCloudFrontKey: false,
});

describe('pagePatternsFor', () => {
  it('gives the custom endpoints (any port, subdomains for virtual-hosted buckets) and the distribution domains', () => {
    const patterns = pagePatternsFor([
      summary({ id: 'ceph', bucket: 'bbb', endpoint: 'http://127.0.0.1:7480', forcePathStyle: true }),
      summary({ id: 'minio', bucket: 'bbb', endpoint: 'https://S3.Example.org:9000' }),
      summary({ id: 'again', bucket: 'ccc', endpoint: 'https://s3.example.org' }),
      summary({ id: 'aws', bucket: 'bbb' }),
      summary({
        id: 'cf',
        bucket: 'media',
        link: { kind: 'cloudfront', domain: 'd111abc.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' },
      }),
    ]);
    expect(patterns).toEqual(['*://*.s3.example.org/*', '*://127.0.0.1/*', 'https://d111abc.cloudfront.net/*']);
  });

  it('is empty without custom endpoints or distributions (AWS pages are known to the extension)', () => {
    expect(pagePatternsFor([summary({ id: 'aws', bucket: 'bbb', region: 'eu-west-1' })])).toEqual([]);
  });
});
