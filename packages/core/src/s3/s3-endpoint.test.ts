import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../../scripts/test-support/code-of.js';
import { parseEndpoint, resolveS3Endpoint, validateRegion } from './s3-endpoint.js';

describe('validateRegion', () => {
  it.each(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1', 'auto', 'garage', 'de-fra'])(
    'accepts %s',
    (r) => {
      expect(() => validateRegion(r)).not.toThrow();
    },
  );
  it.each(['', 'a', 'EU-West-1', 'eu west 1', '--', '-eu', 'eu-', 'eu..1', 'x'.repeat(33), 'eu-west-1.evil.com'])(
    'refuses %j',
    (r) => {
      expect(codeOf(() => validateRegion(r))).toBe('REGION_INVALID');
    },
  );
});

describe('parseEndpoint / resolveS3Endpoint', () => {
  it.each([
    'ftp://x',
    'not a url',
    'https://user:pw@s3.example.com',
    'https://s3.example.com/?a=1',
    'https://s3.example.com/#x',
    '',
  ])('refuses the endpoint %j', (e) => {
    expect(codeOf(() => parseEndpoint(e))).toBe('ENDPOINT_INVALID');
  });

  it('AWS: virtual-hosted, global host in us-east-1, path-style when asked or for dotted buckets', () => {
    expect(resolveS3Endpoint('bkt', 'eu-west-1')).toEqual({
      protocol: 'https:',
      host: 'bkt.s3.eu-west-1.amazonaws.com',
      bucketPath: '',
    });
    expect(resolveS3Endpoint('bkt', 'us-east-1')).toEqual({
      protocol: 'https:',
      host: 'bkt.s3.amazonaws.com',
      bucketPath: '',
    });
    expect(resolveS3Endpoint('bkt', 'eu-west-1', undefined, true)).toEqual({
      protocol: 'https:',
      host: 's3.eu-west-1.amazonaws.com',
      bucketPath: '/bkt',
    });
    expect(resolveS3Endpoint('a.b', 'eu-west-1')).toEqual({
      protocol: 'https:',
      host: 's3.eu-west-1.amazonaws.com',
      bucketPath: '/a.b',
    });
  });

  it('custom endpoints: path-style by default (keeping a base path), virtual-hosted when path-style is off', () => {
    expect(resolveS3Endpoint('bkt', 'us-east-1', 'http://127.0.0.1:7480')).toEqual({
      protocol: 'http:',
      host: '127.0.0.1:7480',
      bucketPath: '/bkt',
    });
    expect(resolveS3Endpoint('bkt', 'us-east-1', 'https://gw.example.com/s3/')).toEqual({
      protocol: 'https:',
      host: 'gw.example.com',
      bucketPath: '/s3/bkt',
    });
    expect(resolveS3Endpoint('bkt', 'auto', 'https://acc.r2.cloudflarestorage.com', false)).toEqual({
      protocol: 'https:',
      host: 'bkt.acc.r2.cloudflarestorage.com',
      bucketPath: '',
    });
  });
});
