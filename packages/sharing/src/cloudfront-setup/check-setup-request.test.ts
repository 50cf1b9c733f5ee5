// Bad set-up input is refused before any call, each with a sentence that says what to give.
import { describe, expect, it } from 'vitest';
import { checkSetupRequest } from './check-setup-request.js';

describe('checkSetupRequest', () => {
  it('refuses, in words, what CloudFront, S3 or the profile file would refuse half-way', () => {
    expect(() => checkSetupRequest({ bucket: 'Bad_Bucket' }, 'cdn')).toThrow(/bucket/i);
    expect(() => checkSetupRequest({ bucket: 'reports' }, 'Has Space')).toThrow(/cannot be a profile name/);
    expect(() => checkSetupRequest({ bucket: 'reports', region: 'EU West' }, 'cdn')).toThrow(/not a region name/);
    expect(() => checkSetupRequest({ bucket: 'reports', distributionId: 'd111.cloudfront.net' }, 'cdn')).toThrow(
      /not a CloudFront distribution id/,
    );
    expect(() => checkSetupRequest({ bucket: 'reports', keyGroupId: 'a b' }, 'cdn')).toThrow(/key group id/);
    expect(() =>
      checkSetupRequest({ bucket: 'reports', create: true, distributionId: 'EDFDVBD6EXAMPLE' }, 'cdn'),
    ).toThrow(/not both/);
  });
  it('accepts a good request', () => {
    expect(() =>
      checkSetupRequest({ bucket: 'reports.example', distributionId: 'EDFDVBD6EXAMPLE', region: 'eu-west-1' }, 'cdn'),
    ).not.toThrow();
  });
});
