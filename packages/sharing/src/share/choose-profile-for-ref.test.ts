import { parseProfile, type ObjectRef } from '@signet/core';
import { describe, expect, it } from 'vitest';
import { chooseProfileForRef } from './choose-profile-for-ref.js';

const rgw = parseProfile({
  id: 'rgw',
  bucket: 'media',
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:7480',
  forcePathStyle: true,
});
const aws = parseProfile({ id: 'aws', bucket: 'media', region: 'eu-west-1' });
const cdn = parseProfile({
  id: 'cdn',
  bucket: 'site',
  region: 'us-east-1',
  link: { kind: 'cloudfront', domain: 'd1.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F', originPath: '/public' },
});
const profiles = [rgw, aws, cdn];
const s3 = (bucket: string, key: string, endpoint?: string): ObjectRef => ({
  kind: 's3',
  bucket,
  key,
  wasSigned: false,
  ...(endpoint ? { endpoint } : {}),
});

describe('chooseProfileForRef', () => {
  it('matches the bucket on the same endpoint, the default first among several', () => {
    expect(chooseProfileForRef(s3('media', 'a.txt', 'http://127.0.0.1:7480') as never, { profiles }).profile.id).toBe(
      'rgw',
    );
    expect(chooseProfileForRef(s3('media', 'a.txt') as never, { profiles }).profile.id).toBe('rgw');
    expect(chooseProfileForRef(s3('media', 'a.txt') as never, { profiles, defaultId: 'aws' }).profile.id).toBe('aws');
  });

  it('maps a CloudFront path back to the key under the origin path', () => {
    const r = chooseProfileForRef(
      {
        kind: 'cloudfront',
        domain: 'D1.cloudfront.net',
        path: 'img/a b.png',
        url: 'https://d1.cloudfront.net/img/a%20b.png',
        wasSigned: false,
      },
      { profiles },
    );
    expect(r).toMatchObject({ bucket: 'site', key: 'public/img/a b.png' });
    expect(r.profile.id).toBe('cdn');
  });

  it('refuses an object outside every profile, even with a default profile', () => {
    expect(() => chooseProfileForRef(s3('other', 'x') as never, { profiles, defaultId: 'aws' })).toThrow(
      expect.objectContaining({ code: 'NO_PROFILE_FOR_OBJECT' }),
    );
    expect(() => chooseProfileForRef(s3('media', 'x', 'http://10.0.0.9:9000') as never, { profiles })).toThrow(
      /on http:\/\/10\.0\.0\.9:9000/,
    );
  });

  it('an explicit profile signs another bucket on its endpoint, but not another endpoint or domain', () => {
    expect(chooseProfileForRef(s3('other', 'x') as never, { profiles, explicit: aws })).toMatchObject({
      bucket: 'other',
      key: 'x',
    });
    expect(() =>
      chooseProfileForRef(s3('media', 'x', 'http://127.0.0.1:7480') as never, { profiles, explicit: aws }),
    ).toThrow(/talks to AWS S3/);
    expect(() =>
      chooseProfileForRef(
        {
          kind: 'cloudfront',
          domain: 'd2.cloudfront.net',
          path: 'a',
          url: 'https://d2.cloudfront.net/a',
          wasSigned: false,
        },
        { profiles, explicit: cdn },
      ),
    ).toThrow(/does not serve/);
  });
});
