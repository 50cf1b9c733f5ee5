// The one coverage rule, rule by rule, as a table: reference (+ named profile) → the profile that
// signs it and the bucket/key, or the error a user sees.
import { parseProfile } from '@signet/core';
import { describe, expect, it } from 'vitest';
import { resolveProfileForRef, type ProfileCoverageOptions } from './resolve-profile-for-ref.js';

const profiles = [
  parseProfile({ id: 'aws', bucket: 'media', region: 'eu-west-1' }),
  parseProfile({ id: 'rgw', bucket: 'media', endpoint: 'http://127.0.0.1:7480', forcePathStyle: true }),
  parseProfile({ id: 'minio', bucket: 'lab', endpoint: 'http://10.0.0.9:9000', forcePathStyle: true }),
  parseProfile({ id: 'aws-ep', bucket: 'logs', region: 'us-east-1', endpoint: 'https://s3.amazonaws.com' }),
  parseProfile({ id: 'china', bucket: 'cn-data', region: 'cn-north-1' }),
  parseProfile({ id: 'media-us', bucket: 'cn-data', region: 'us-east-1' }),
  parseProfile({
    id: 'cdn',
    bucket: 'site',
    link: { kind: 'cloudfront', domain: 'd1.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F', originPath: '/public' },
  }),
];

type Row = [
  rule: string,
  ref: string,
  options: Partial<ProfileCoverageOptions>,
  expected: { profile: string; bucket?: string; key?: string } | { code: string; message?: RegExp },
];

const table: Row[] = [
  // s3:// and ARNs name no server: any profile with the bucket, the default one first
  ['s3:// → first profile with the bucket', 's3://media/a.txt', {}, { profile: 'aws', bucket: 'media', key: 'a.txt' }],
  ['s3:// → the default first among several', 's3://media/a.txt', { defaultId: 'rgw' }, { profile: 'rgw' }],
  ['ARN → profile with the bucket', 'arn:aws:s3:::lab/x/y', {}, { profile: 'minio', key: 'x/y' }],
  ['arn:aws-cn: → only a China profile', 'arn:aws-cn:s3:::cn-data/k', { defaultId: 'media-us' }, { profile: 'china' }],
  // AWS URLs: only profiles that talk to AWS (no endpoint, or one of AWS's own)
  [
    'AWS URL never matches a custom-endpoint profile, even the default one',
    'https://media.s3.eu-west-1.amazonaws.com/a.txt',
    { defaultId: 'rgw' },
    { profile: 'aws' },
  ],
  [
    'console URL is AWS too',
    'https://s3.console.aws.amazon.com/s3/object/media?region=eu-west-1&prefix=a.txt',
    { defaultId: 'rgw' },
    { profile: 'aws' },
  ],
  [
    'AWS URL, only a custom profile has the bucket → refused, naming it',
    'https://lab.s3.amazonaws.com/x',
    {},
    { code: 'NO_PROFILE_FOR_OBJECT', message: /"minio" has a bucket of that name on http:\/\/10\.0\.0\.9:9000/ },
  ],
  [
    'a profile whose endpoint is https://s3.amazonaws.com is an AWS profile',
    'https://logs.s3.amazonaws.com/2026/a.log',
    {},
    { profile: 'aws-ep', key: '2026/a.log' },
  ],
  [
    '.amazonaws.com.cn URL → the China profile',
    'https://cn-data.s3.cn-north-1.amazonaws.com.cn/k',
    {},
    { profile: 'china' },
  ],
  [
    'global-partition URL never matches a China profile',
    'https://cn-data.s3.amazonaws.com/k',
    { defaultId: 'china' },
    { profile: 'media-us' },
  ],
  // URLs on a custom endpoint: only a profile on that server (scheme, host, port)
  ['custom endpoint URL → the profile on that endpoint', 'http://127.0.0.1:7480/media/a.txt', {}, { profile: 'rgw' }],
  [
    'same bucket on another port is another server',
    'http://10.0.0.9:9000/media/a.txt',
    {},
    {
      code: 'NO_PROFILE_FOR_OBJECT',
      message: /bucket "media" on http:\/\/10\.0\.0\.9:9000.*--endpoint http:\/\/10\.0\.0\.9:9000/,
    },
  ],
  // CloudFront: the distribution domain, key mapped under the origin path
  [
    'CloudFront URL → profile of that domain, key under the origin path',
    'https://D1.cloudfront.net/img/a%20b.png',
    {},
    { profile: 'cdn', bucket: 'site', key: 'public/img/a b.png' },
  ],
  [
    'unknown distribution → refused, saying what to add',
    'https://d2.cloudfront.net/x',
    {},
    { code: 'NO_PROFILE_FOR_OBJECT', message: /--cloudfront-domain d2\.cloudfront\.net/ },
  ],
  // No match
  [
    'no profile has the bucket → refused even with a default profile',
    's3://other/x',
    { defaultId: 'aws' },
    { code: 'NO_PROFILE_FOR_OBJECT', message: /No profile covers the bucket "other".*--bucket other/ },
  ],
  ['a folder is not an object', 's3://media/dir/', {}, { code: 'NOT_AN_OBJECT', message: /not an object/ }],
  ['a folder-marker object when asked for', 's3://media/dir/', { folderMarker: true }, { profile: 'aws', key: 'dir/' }],
  // A named profile ('covered', the default: the bridge) must cover the object itself
  ['named profile that covers it', 's3://media/a.txt', { profileId: 'rgw' }, { profile: 'rgw' }],
  [
    'named profile for a bucket it does not cover → refused',
    's3://other/x',
    { profileId: 'aws' },
    { code: 'NO_PROFILE_FOR_OBJECT', message: /Profile "aws" does not cover the bucket "other"/ },
  ],
  [
    'named custom profile for an AWS URL of its bucket → refused (another server)',
    'https://media.s3.eu-west-1.amazonaws.com/a.txt',
    { profileId: 'rgw' },
    { code: 'NO_PROFILE_FOR_OBJECT', message: /talks to http:\/\/127\.0\.0\.1:7480, but the object is on AWS S3/ },
  ],
  [
    'named profile that does not exist',
    's3://media/a',
    { profileId: 'nope' },
    { code: 'PROFILE_NOT_FOUND', message: /aws, rgw/ },
  ],
  // 'its-server' (the user's own --profile on the command line): other buckets on its server only
  [
    '--profile signs another bucket on its own server',
    's3://other/x',
    { profileId: 'aws', named: 'its-server' },
    { profile: 'aws', bucket: 'other', key: 'x' },
  ],
  [
    '--profile never signs a bucket on another server',
    'http://127.0.0.1:7480/other/x',
    { profileId: 'aws', named: 'its-server' },
    { code: 'NO_PROFILE_FOR_OBJECT', message: /talks to AWS S3 \(eu-west-1\)/ },
  ],
  [
    '--profile never signs another distribution',
    'https://d2.cloudfront.net/x',
    { profileId: 'cdn', named: 'its-server' },
    { code: 'NO_PROFILE_FOR_OBJECT', message: /does not serve the CloudFront domain "d2\.cloudfront\.net"/ },
  ],
];

describe('resolveProfileForRef: one coverage rule', () => {
  it.each(table)('%s (%s)', (_rule, ref, options, expected) => {
    const run = () => resolveProfileForRef(ref, { profiles, ...options });
    if ('code' in expected) {
      expect(run).toThrow(expect.objectContaining({ code: expected.code }));
      if (expected.message) expect(run).toThrow(expected.message);
      return;
    }
    const r = run();
    expect(r.profile.id).toBe(expected.profile);
    if (expected.bucket) expect(r.bucket).toBe(expected.bucket);
    if (expected.key) expect(r.key).toBe(expected.key);
  });
});
