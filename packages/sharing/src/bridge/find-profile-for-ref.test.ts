import { parseProfile } from '@signet/core';
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../api.js';
import { findProfileForRef } from './find-profile-for-ref.js';

const summary = (input: Record<string, unknown>, isDefault = false): ProfileSummary => ({
  profile: parseProfile(input),
  isDefault,
  hasAwsSecret: true,
  hasCloudFrontKey: false,
});

const profiles = [
  summary({ id: 'work', bucket: 'reports', region: 'eu-west-1' }, true),
  summary({
    id: 'lab',
    bucket: 'reports',
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:7480',
    forcePathStyle: true,
  }),
  summary({
    id: 'media',
    bucket: 'media-origin',
    region: 'us-east-1',
    link: { kind: 'cloudfront', domain: 'd111111abcdef8.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F', hash: 'sha1' },
  }),
];

describe('findProfileForRef', () => {
  it('matches S3 references by bucket (and endpoint when the URL names one), preferring the default', () => {
    expect(findProfileForRef('s3://reports/2026/q3.pdf', profiles)).toEqual({ ok: true, profileId: 'work' });
    expect(findProfileForRef('https://reports.s3.eu-west-1.amazonaws.com/2026/q3.pdf', profiles)).toEqual({
      ok: true,
      profileId: 'work',
    });
    expect(findProfileForRef('http://127.0.0.1:7480/reports/2026/q3.pdf', profiles)).toEqual({
      ok: true,
      profileId: 'lab',
    });
  });

  it('matches CloudFront URLs by the profile domain', () => {
    expect(
      findProfileForRef(
        'https://d111111abcdef8.cloudfront.net/video.mp4?Expires=1&Signature=x&Key-Pair-Id=K',
        profiles,
      ),
    ).toEqual({ ok: true, profileId: 'media' });
  });

  it('refuses objects no profile covers, bucket pages and unreadable text', () => {
    expect(findProfileForRef('s3://someone-else/file.bin', profiles)).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE_FOR_OBJECT', message: expect.stringContaining('someone-else') },
    });
    expect(findProfileForRef('https://d999.cloudfront.net/x.mp4', profiles)).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE_FOR_OBJECT' },
    });
    expect(findProfileForRef('s3://reports/2026/', profiles)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(findProfileForRef('just some words', profiles)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(findProfileForRef('s3://reports/x', [])).toMatchObject({
      ok: false,
      error: { code: 'NO_PROFILE_FOR_OBJECT' },
    });
  });
});
