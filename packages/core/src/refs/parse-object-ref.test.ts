import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSignetError } from '../errors.js';
import { uriEncodePath } from '../s3/index.js';
import { parseObjectRef } from './parse-object-ref.js';

const keyArb = fc
  .array(fc.constantFrom(...'ab Z9-_.~+&=?#%!*\'()[]$@,;:"é漢😀/'.split(/(?:)/u)), { minLength: 1, maxLength: 40 })
  .map((a) => a.join(''))
  .filter((k) => !k.endsWith('/'));

describe('parseObjectRef', () => {
  it.each([
    ['s3://reports/2026/q3 final.pdf', { bucket: 'reports', key: '2026/q3 final.pdf' }],
    ['arn:aws:s3:::reports/a/b.txt', { bucket: 'reports', key: 'a/b.txt' }],
    ['https://reports.s3.amazonaws.com/a%20b.pdf', { bucket: 'reports', key: 'a b.pdf', region: undefined }],
    ['https://reports.s3.eu-west-1.amazonaws.com/a+b.pdf', { bucket: 'reports', key: 'a+b.pdf', region: 'eu-west-1' }],
    ['https://reports.s3-eu-west-1.amazonaws.com/x', { bucket: 'reports', key: 'x', region: 'eu-west-1' }],
    ['https://reports.s3.dualstack.ap-south-1.amazonaws.com/x', { bucket: 'reports', key: 'x', region: 'ap-south-1' }],
    ['https://s3.amazonaws.com/reports/x/y', { bucket: 'reports', key: 'x/y' }],
    [
      'https://s3.us-west-2.amazonaws.com/my.dotted.bucket/x',
      { bucket: 'my.dotted.bucket', key: 'x', region: 'us-west-2' },
    ],
    ['https://s3-external-1.amazonaws.com/reports/x', { bucket: 'reports', key: 'x', region: 'us-east-1' }],
    ['https://reports.s3-accelerate.amazonaws.com/x', { bucket: 'reports', key: 'x', region: undefined }],
    [
      'https://eu-central-1.console.aws.amazon.com/s3/object/reports?region=eu-central-1&bucketType=general&prefix=2026/q3%20final.pdf',
      { bucket: 'reports', key: '2026/q3 final.pdf', region: 'eu-central-1' },
    ],
    [
      'https://s3.console.aws.amazon.com/s3/object/reports?region=us-east-1&prefix=a%2Bb%26c.txt',
      { bucket: 'reports', key: 'a+b&c.txt', region: 'us-east-1' },
    ],
  ])('%s', (input, expected) => {
    expect(parseObjectRef(input)).toMatchObject({ kind: 's3', ...expected, wasSigned: false });
  });

  it('drops the old signature of an already-signed link and says so', () => {
    const signed =
      'https://reports.s3.eu-west-1.amazonaws.com/a%20b.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=abc&x-id=GetObject';
    expect(parseObjectRef(signed)).toEqual({
      kind: 's3',
      bucket: 'reports',
      key: 'a b.pdf',
      server: 'aws',
      partition: 'aws',
      region: 'eu-west-1',
      wasSigned: true,
    });
    expect(
      parseObjectRef('https://reports.s3.amazonaws.com/k?AWSAccessKeyId=AKIA&Expires=1&Signature=x'),
    ).toMatchObject({ key: 'k', wasSigned: true });
  });

  it('understands CloudFront URLs, configured or *.cloudfront.net, signed or not', () => {
    expect(
      parseObjectRef('https://d111111abcdef8.cloudfront.net/v/a%20b.mp4?w=1&Expires=1&Signature=x&Key-Pair-Id=K1'),
    ).toEqual({
      kind: 'cloudfront',
      domain: 'd111111abcdef8.cloudfront.net',
      path: 'v/a b.mp4',
      url: 'https://d111111abcdef8.cloudfront.net/v/a%20b.mp4?w=1',
      wasSigned: true,
    });
    expect(
      parseObjectRef('https://files.example.com/x.pdf', { cloudFrontDomains: ['files.example.com'] }),
    ).toMatchObject({ kind: 'cloudfront', path: 'x.pdf', wasSigned: false });
  });

  it('understands custom S3-compatible endpoints, path-style and virtual-hosted', () => {
    const endpoints = ['http://127.0.0.1:7480', 'https://s3.example.com'];
    expect(parseObjectRef('http://127.0.0.1:7480/bkt/a/b%20c', { endpoints })).toEqual({
      kind: 's3',
      bucket: 'bkt',
      key: 'a/b c',
      server: 'custom',
      region: undefined,
      endpoint: 'http://127.0.0.1:7480',
      forcePathStyle: true,
      wasSigned: false,
    });
    expect(parseObjectRef('https://bkt.s3.example.com/x', { endpoints })).toMatchObject({
      bucket: 'bkt',
      key: 'x',
      forcePathStyle: false,
    });
  });

  it('bucket URLs, folder URIs and console bucket pages are prefixes, not objects', () => {
    expect(parseObjectRef('s3://reports/2026/')).toEqual({
      kind: 's3-prefix',
      bucket: 'reports',
      prefix: '2026/',
      server: 'any',
      region: undefined,
    });
    expect(
      parseObjectRef('https://s3.console.aws.amazon.com/s3/buckets/reports?region=us-east-1&prefix=2026/'),
    ).toMatchObject({ kind: 's3-prefix', bucket: 'reports', prefix: '2026/' });
  });

  it('keys survive a round trip through every form exactly', () => {
    fc.assert(
      fc.property(keyArb, (key) => {
        const enc = uriEncodePath(key);
        const forms = [
          `s3://bkt-1/${key}`,
          `arn:aws:s3:::bkt-1/${key}`,
          `https://bkt-1.s3.eu-west-1.amazonaws.com/${enc}`,
          `https://s3.eu-west-1.amazonaws.com/bkt-1/${enc}`,
          `https://bkt-1.s3.dualstack.eu-west-1.amazonaws.com/${enc}?X-Amz-Signature=00&X-Amz-Expires=60`,
          `https://eu-west-1.console.aws.amazon.com/s3/object/bkt-1?region=eu-west-1&prefix=${encodeURIComponent(key)}`,
        ];
        for (const f of forms) expect(parseObjectRef(f), f).toMatchObject({ kind: 's3', bucket: 'bkt-1', key });
        const cf = parseObjectRef(`https://d1.cloudfront.net/${enc}`);
        expect(cf).toMatchObject({ kind: 'cloudfront', path: key });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['', 'REF_INVALID'],
    ['reports/q3.pdf', 'REF_INVALID'],
    ['s3://Bad_Bucket/x', 'BUCKET_INVALID'],
    ['https://example.com/x.pdf', 'REF_UNSUPPORTED'],
    ['https://console.aws.amazon.com/ec2/home', 'REF_UNSUPPORTED'],
    ['arn:aws:iam::123:user/x', 'REF_UNSUPPORTED'],
    ['https://s3.console.aws.amazon.com/s3/object/reports?region=us-east-1', 'NOT_AN_OBJECT'],
    ['https://d1.cloudfront.net/', 'NOT_AN_OBJECT'],
  ])('refuses %j with %s and a hint', (input, code) => {
    let err: unknown;
    try {
      parseObjectRef(input);
    } catch (e) {
      err = e;
    }
    expect(isSignetError(err, code as never), String(err)).toBe(true);
  });
});
