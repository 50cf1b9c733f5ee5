// More reference forms, and the round trip that matters most: a key signed by Signet's own
// presigner (any endpoint style) parses back to exactly the same bucket and key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSignetError } from '../errors.js';
import { createS3Presigner } from '../s3/create-s3-presigner.js';
import { parseObjectRef } from './parse-object-ref.js';

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'tok/en+=',
};
const NOW = new Date('2026-11-22T12:00:00Z');
const LATER = new Date(NOW.getTime() + 3600_000);

// Segments such as '.', '..' and '' ('//') must survive: URL parsers would resolve or merge them.
const segment = fc.oneof(
  fc.constantFrom('.', '..', '', 'a b', '100%', 'a+b', '?#&=', 'ü', '😀'),
  fc
    .array(fc.constantFrom(...'aZ9 -_.~+&=?#%!*\'()[]{}$@,;:"éß漢字😀'.split(/(?:)/u)), { minLength: 1, maxLength: 12 })
    .map((a) => a.join('')),
);
const keyArb = fc
  .array(segment, { minLength: 1, maxLength: 6 })
  .map((s) => s.join('/'))
  .filter((k) => k.length > 0 && !k.endsWith('/') && Buffer.byteLength(k) <= 1024);

describe('parseObjectRef: round trip through signed URLs', () => {
  it('keys signed by the presigner (virtual-hosted, path-style, custom endpoint) parse back exactly, marked as signed', () => {
    const presigners = [
      { p: createS3Presigner({ credentials, region: 'eu-west-1' }), options: {} },
      { p: createS3Presigner({ credentials, region: 'us-east-1' }), options: {} },
      { p: createS3Presigner({ credentials, region: 'ap-south-1', forcePathStyle: true }), options: {} },
      {
        p: createS3Presigner({
          credentials,
          region: 'us-east-1',
          endpoint: 'http://127.0.0.1:7480',
          forcePathStyle: true,
        }),
        options: { endpoints: ['http://127.0.0.1:7480'] },
      },
      {
        p: createS3Presigner({
          credentials,
          region: 'us-east-1',
          endpoint: 'https://s3.example.com',
          forcePathStyle: false,
        }),
        options: { endpoints: ['https://s3.example.com'] },
      },
    ];
    fc.assert(
      fc.property(keyArb, fc.constantFrom('bkt-1', 'my.dotted.bucket'), fc.boolean(), (key, bucket, withOverrides) => {
        for (const { p, options } of presigners) {
          const { url } = p.presignSync({
            bucket,
            key,
            expiresAt: LATER,
            now: NOW,
            ...(withOverrides ? { downloadName: 'ü x.pdf', contentType: 'application/pdf' } : {}),
          });
          const ref = parseObjectRef(url, options);
          expect(ref, url).toMatchObject({ kind: 's3', bucket, key, wasSigned: true });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('s3:// and ARN forms keep keys literally, percent signs included', () => {
    fc.assert(
      fc.property(keyArb, (key) => {
        expect(parseObjectRef(`s3://bkt-1/${key}`)).toMatchObject({ kind: 's3', key });
        expect(parseObjectRef(`arn:aws:s3:::bkt-1/${key}`)).toMatchObject({ kind: 's3', key });
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseObjectRef: more forms', () => {
  it.each([
    ['https://bkt.s3.eu-west-1.amazonaws.com/a/../b', { bucket: 'bkt', key: 'a/../b' }],
    ['https://bkt.s3.eu-west-1.amazonaws.com/a/%2E%2E/b', { bucket: 'bkt', key: 'a/../b' }],
    ['https://s3-fips.us-east-1.amazonaws.com/bkt/x', { bucket: 'bkt', key: 'x', region: 'us-east-1' }],
    ['https://bkt.s3-website-eu-west-1.amazonaws.com/x.html', { bucket: 'bkt', key: 'x.html', region: 'eu-west-1' }],
    ['https://bkt.s3-website.eu-west-1.amazonaws.com/x.html', { bucket: 'bkt', key: 'x.html', region: 'eu-west-1' }],
    ['https://my.s3.bucket.s3.eu-west-1.amazonaws.com/x', { bucket: 'my.s3.bucket', key: 'x', region: 'eu-west-1' }],
    ['https://bkt.s3.cn-north-1.amazonaws.com.cn/x', { bucket: 'bkt', key: 'x', region: 'cn-north-1' }],
    ['HTTPS://BKT.S3.AMAZONAWS.COM/Key', { bucket: 'bkt', key: 'Key' }],
    ['https://bkt.s3.eu-west-1.amazonaws.com/k#fragment', { bucket: 'bkt', key: 'k' }],
  ])('%s', (input, expected) => {
    expect(parseObjectRef(input)).toMatchObject({ kind: 's3', ...expected });
  });

  it('takes the region of a console link from its query or its regional host, never from s3.console…', () => {
    expect(parseObjectRef('https://s3.console.aws.amazon.com/s3/object/reports?prefix=a.txt')).toEqual({
      kind: 's3',
      bucket: 'reports',
      key: 'a.txt',
      server: 'aws',
      partition: 'aws',
      region: undefined,
      wasSigned: false,
    });
    expect(parseObjectRef('https://eu-north-1.console.aws.amazon.com/s3/object/reports?prefix=a.txt')).toMatchObject({
      region: 'eu-north-1',
    });
  });

  it('reads older console bucket links that carry the folder in the path', () => {
    expect(parseObjectRef('https://console.aws.amazon.com/s3/buckets/reports/2026/q3/?region=us-east-1')).toEqual({
      kind: 's3-prefix',
      bucket: 'reports',
      prefix: '2026/q3/',
      server: 'aws',
      partition: 'aws',
      region: 'us-east-1',
    });
  });

  it.each([
    ['https://bkt-123456789012.s3-accesspoint.eu-west-1.amazonaws.com/x', 'REF_UNSUPPORTED', /access point/],
    ['https://s3.console.aws.amazon.com/s3/buckets/Bad_Bucket?region=us-east-1', 'BUCKET_INVALID', /bucket name/],
    ['https://files.example.org/bkt/x', 'REF_UNSUPPORTED', /pass --endpoint https:\/\/files\.example\.org/],
  ])('refuses %s', (input, code, message) => {
    let err: unknown;
    try {
      parseObjectRef(input);
    } catch (e) {
      err = e;
    }
    expect(isSignetError(err, code as never), String(err)).toBe(true);
    expect((err as Error).message).toMatch(message);
  });
});
