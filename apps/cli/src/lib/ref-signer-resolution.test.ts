// What `signet link` (no profile) signs for each reference class of issue 10: the host, path,
// signing region and kept query of the URL a user gets. The full table of the resolver is in
// packages/core/src/refs/resolve-s3-target.test.ts; this proves the CLI path goes through it.
import { generateKeyPairSync } from 'node:crypto';
import {
  createCloudFrontSigner,
  parseCloudFrontPrivateKey,
  parseProfile,
  SignetError,
  type SignedLink,
} from '@signet/core';
import { describe, expect, it } from 'vitest';
import { createRefSigner, s3ConfigFromAws, withCoveringProfile, type RefSignerOptions } from './ref-signer.js';

const now = new Date('2026-11-22T10:00:00Z');
const expiresAt = new Date('2026-11-22T11:00:00Z');
const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

type Row = [
  klass: string,
  ref: string,
  flags: Partial<RefSignerOptions>,
  expected: { origin: string; path: string; region: string; query?: Record<string, string>; warn?: RegExp } | RegExp,
];

const rows: Row[] = [
  [
    'China via --region',
    's3://data/k',
    { region: 'cn-north-1' },
    { origin: 'https://data.s3.cn-north-1.amazonaws.com.cn', path: '/k', region: 'cn-north-1' },
  ],
  [
    'China ARN',
    'arn:aws-cn:s3:::data/k',
    {},
    {
      origin: 'https://data.s3.cn-north-1.amazonaws.com.cn',
      path: '/k',
      region: 'cn-north-1',
      warn: /aws-cn partition/,
    },
  ],
  [
    'China URL',
    'https://data.s3.cn-north-1.amazonaws.com.cn/k',
    {},
    { origin: 'https://data.s3.cn-north-1.amazonaws.com.cn', path: '/k', region: 'cn-north-1' },
  ],
  [
    'FIPS kept',
    'https://data.s3-fips.us-east-2.amazonaws.com/k',
    {},
    { origin: 'https://data.s3-fips.us-east-2.amazonaws.com', path: '/k', region: 'us-east-2' },
  ],
  [
    'dual-stack kept',
    'https://data.s3.dualstack.eu-west-1.amazonaws.com/k',
    {},
    { origin: 'https://data.s3.dualstack.eu-west-1.amazonaws.com', path: '/k', region: 'eu-west-1' },
  ],
  [
    'accelerate kept, signed for --region',
    'https://data.s3-accelerate.amazonaws.com/k',
    { region: 'eu-central-1' },
    { origin: 'https://data.s3-accelerate.amazonaws.com', path: '/k', region: 'eu-central-1' },
  ],
  [
    'versionId of a pasted link kept',
    'https://data.s3.eu-west-1.amazonaws.com/k?versionId=v1&X-Amz-Signature=00',
    {},
    { origin: 'https://data.s3.eu-west-1.amazonaws.com', path: '/k', region: 'eu-west-1', query: { versionId: 'v1' } },
  ],
  [
    'response-* of a pasted link kept',
    'https://data.s3.eu-west-1.amazonaws.com/k?response-content-type=text%2Fplain',
    {},
    {
      origin: 'https://data.s3.eu-west-1.amazonaws.com',
      path: '/k',
      region: 'eu-west-1',
      query: { 'response-content-type': 'text/plain' },
    },
  ],
  [
    'a dropped parameter is said',
    'https://data.s3.eu-west-1.amazonaws.com/k?utm_source=x',
    {},
    {
      origin: 'https://data.s3.eu-west-1.amazonaws.com',
      path: '/k',
      region: 'eu-west-1',
      warn: /Not carried over.*utm_source/,
    },
  ],
  [
    'AWS URL never signed for a custom endpoint',
    'https://data.s3.eu-west-1.amazonaws.com/k',
    { endpoint: 'http://127.0.0.1:9000' },
    /AWS S3 URL/,
  ],
  [
    '--endpoint https://s3.amazonaws.com is AWS',
    's3://data/k',
    { endpoint: 'https://s3.amazonaws.com', region: 'eu-west-3' },
    { origin: 'https://data.s3.eu-west-3.amazonaws.com', path: '/k', region: 'eu-west-3' },
  ],
  [
    'Backblaze B2 region from the host',
    'https://s3.us-west-004.backblazeb2.com/data/k',
    {},
    { origin: 'https://s3.us-west-004.backblazeb2.com', path: '/data/k', region: 'us-west-004' },
  ],
  [
    'MinIO host:port',
    'http://minio.lan:9000/data/k',
    {},
    { origin: 'http://minio.lan:9000', path: '/data/k', region: 'us-east-1' },
  ],
  [
    'unknown host says --endpoint',
    'https://files.example.org/data/k',
    {},
    /pass --endpoint https:\/\/files\.example\.org/,
  ],
  [
    'B2 via --endpoint: the region the host says, not the AWS default',
    's3://data/k',
    { endpoint: 'https://s3.us-west-004.backblazeb2.com', defaultRegion: 'eu-north-1' },
    { origin: 'https://s3.us-west-004.backblazeb2.com', path: '/data/k', region: 'us-west-004' },
  ],
  [
    'Wasabi via --endpoint-url: its region',
    's3://data/k',
    { endpoint: 'https://s3.eu-central-1.wasabisys.com', defaultRegion: 'us-west-2' },
    { origin: 'https://s3.eu-central-1.wasabisys.com', path: '/data/k', region: 'eu-central-1' },
  ],
  [
    'IP URL: --region is used (the URL names no region), no warning',
    'http://10.1.2.3:7480/data/k',
    { region: 'eu-west-1' },
    { origin: 'http://10.1.2.3:7480', path: '/data/k', region: 'eu-west-1' },
  ],
  [
    'MinIO URL: the AWS default region applies (AWS_REGION / ~/.aws/config)',
    'http://minio.lan:9000/data/k',
    { defaultRegion: 'eu-west-3' },
    { origin: 'http://minio.lan:9000', path: '/data/k', region: 'eu-west-3' },
  ],
  [
    'IP endpoint is path-style',
    's3://data/k',
    { endpoint: 'http://10.1.2.3:7480', pathStyle: false },
    { origin: 'http://10.1.2.3:7480', path: '/data/k', region: 'us-east-1' },
  ],
  [
    'dotted bucket over HTTPS path-style',
    's3://my.dotted.bucket/k',
    { endpoint: 'https://s3.example.com', pathStyle: false },
    { origin: 'https://s3.example.com', path: '/my.dotted.bucket/k', region: 'us-east-1' },
  ],
  [
    'folder marker when asked',
    's3://data/dir/',
    { folderMarker: true },
    { origin: 'https://data.s3.amazonaws.com', path: '/dir/', region: 'us-east-1' },
  ],
  [
    'whitespace at key ends kept',
    's3://data/ k ',
    {},
    { origin: 'https://data.s3.amazonaws.com', path: '/%20k%20', region: 'us-east-1' },
  ],
];

describe('signet link (no profile): each reference class', () => {
  it.each(rows)('%s: %s', async (_k, ref, flags, expected) => {
    const signer = createRefSigner({
      method: 'GET',
      defaultRegion: 'us-east-1',
      credentials: async () => creds,
      ...flags,
    });
    const run = signer.sign(ref, expiresAt, now);
    if (expected instanceof RegExp) {
      await expect(run).rejects.toThrow(expected);
      return;
    }
    const link = await run;
    const url = new URL(link.url);
    expect(url.origin).toBe(expected.origin);
    expect(url.pathname).toBe(expected.path);
    expect(url.searchParams.get('X-Amz-Credential')).toContain(`/${expected.region}/s3/aws4_request`);
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => !k.startsWith('X-Amz-')))).toEqual(
      expected.query ?? {},
    );
    if (expected.warn) expect(link.warnings.map((w) => w.message).join('\n')).toMatch(expected.warn);
    else expect(link.warnings).toEqual([]);
  });

  it('CloudFront: --download-name, --inline and --content-type reach the signed URL (they were dropped)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signer = createRefSigner({
      method: 'GET',
      defaultRegion: 'us-east-1',
      credentials: async () => creds,
      downloadName: '100%25 done.pdf',
      contentType: 'application/pdf',
      cloudFront: () =>
        createCloudFrontSigner({
          keyPairId: 'K2JCJMDEHXQW5F',
          privateKey: parseCloudFrontPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
        }),
    });
    const q = new URL((await signer.sign('https://d1.cloudfront.net/r.pdf', expiresAt, now)).url).searchParams;
    expect(q.get('response-content-disposition')).toBe(
      `attachment; filename="100%25 done.pdf"; filename*=UTF-8''100%2525%20done.pdf`,
    );
    expect(q.get('response-content-type')).toBe('application/pdf');
  });

  it('CloudFront: the URL keeps its own query inside what is signed; a literal * is not a wildcard; dot segments warned', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signer = createRefSigner({
      method: 'GET',
      defaultRegion: 'us-east-1',
      credentials: async () => creds,
      cloudFront: () =>
        createCloudFrontSigner({
          keyPairId: 'K2JCJMDEHXQW5F',
          privateKey: parseCloudFrontPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
        }),
    });
    const withQuery = new URL((await signer.sign('https://d1.cloudfront.net/img.png?w=640', expiresAt, now)).url);
    expect(withQuery.searchParams.get('w')).toBe('640');
    expect(withQuery.searchParams.get('Expires')).toBeTruthy();
    const star = await signer.sign('https://d1.cloudfront.net/a*b.png', expiresAt, now);
    // canned policy (Expires=), not a custom wildcard Policy
    expect(new URL(star.url).searchParams.get('Policy')).toBeNull();
    expect(star.url).toContain('/a%2Ab.png?');
    const dots = await signer.sign('https://d1.cloudfront.net/a/%2E%2E/b.png', expiresAt, now);
    expect(dots.warnings.map((w) => w.code)).toContain('KEY_DOT_SEGMENTS');
  });
});

describe('signet link (no profile): AWS configuration and covering Signet profiles', () => {
  it('s3ConfigFromAws: flags first, then the AWS configuration, then us-east-1; FIPS/dual-stack as an endpoint', () => {
    expect(s3ConfigFromAws({}, {})).toEqual({
      region: undefined,
      endpoint: undefined,
      pathStyle: undefined,
      defaultRegion: 'us-east-1',
    });
    expect(s3ConfigFromAws({}, { region: 'eu-west-3', endpoint: 'http://m:9000', pathStyle: true })).toEqual({
      region: undefined,
      endpoint: 'http://m:9000',
      pathStyle: true,
      defaultRegion: 'eu-west-3',
    });
    expect(
      s3ConfigFromAws({ region: 'us-east-2', endpoint: 'http://x:1', pathStyle: false }, { endpoint: 'http://m:9000' }),
    ).toMatchObject({ region: 'us-east-2', endpoint: 'http://x:1', pathStyle: false });
    expect(s3ConfigFromAws({}, { region: 'us-gov-west-1', fips: true }).endpoint).toBe(
      'https://s3-fips.us-gov-west-1.amazonaws.com',
    );
  });

  it('withCoveringProfile: a covered reference goes to its profile (said once), others to the stateless signer', async () => {
    const profiles = [
      parseProfile({ id: 'work', bucket: 'media', region: 'eu-west-1' }),
      parseProfile({ id: 'lab', bucket: 'media', endpoint: 'http://127.0.0.1:7480' }),
    ];
    const via: string[] = [];
    const told: string[] = [];
    const stateless: string[] = [];
    const link: SignedLink = {
      url: 'u',
      kind: 's3',
      method: 'GET',
      expiresAt,
      effectiveExpiresAt: expiresAt,
      warnings: [],
    };
    const signer = withCoveringProfile(
      { sign: async (ref) => (stateless.push(ref), { ...link }) },
      {
        load: async () => ({ profiles, defaultId: 'lab' }),
        viaProfile: async (ref, id) => (via.push(`${id} ${ref}`), { ...link }),
        onProfile: (p) => told.push(p.id),
      },
    );
    await signer.sign('s3://media/a', expiresAt, now);
    await signer.sign('s3://media/b', expiresAt, now);
    await signer.sign('https://media.s3.eu-west-1.amazonaws.com/c', expiresAt, now);
    await signer.sign('s3://other/d', expiresAt, now);
    await signer.sign('s3://media/folder/', expiresAt, now);
    expect(via).toEqual(['lab s3://media/a', 'lab s3://media/b', 'work https://media.s3.eu-west-1.amazonaws.com/c']);
    expect(told).toEqual(['lab', 'work']);
    expect(stateless).toEqual(['s3://other/d', 's3://media/folder/']);
  });

  it('bulk with a covering profile: no AWS credentials fails the uncovered lines only, covered ones are still signed', async () => {
    const wide = new SignetError('CREDENTIALS_MISSING', 'No AWS credentials found.');
    let fallbackCalls = 0;
    const signer = withCoveringProfile(
      {
        sign: async () => {
          fallbackCalls++;
          throw wide;
        },
      },
      {
        load: async () => ({
          profiles: [parseProfile({ id: 'lab', bucket: 'media', endpoint: 'http://127.0.0.1:7480' })],
        }),
        viaProfile: async () => ({
          url: 'u',
          kind: 's3',
          method: 'GET',
          expiresAt,
          effectiveExpiresAt: expiresAt,
          warnings: [],
        }),
        onProfile: () => {},
        fallbackFailsAll: (e) => e === wide,
      },
    );
    // The caller stops the whole run on an error that fallbackFailsAll marks: the uncovered
    // lines' errors must not be that one, or line 5 (covered) is never tried.
    const first = await signer.sign('s3://other/a', expiresAt, now).catch((e: unknown) => e);
    expect(first).not.toBe(wide);
    expect(first).toMatchObject({ code: 'CREDENTIALS_MISSING', message: 'No AWS credentials found.' });
    await expect(signer.sign('s3://media/b', expiresAt, now)).resolves.toMatchObject({ url: 'u' });
    await expect(signer.sign('s3://other/c', expiresAt, now)).rejects.toMatchObject({ code: 'CREDENTIALS_MISSING' });
    // the credential lookup is not repeated for every uncovered line
    expect(fallbackCalls).toBe(1);
  });

  it('withCoveringProfile with --folder-marker: the covering profile signs the marker (it went to the AWS chain)', async () => {
    const via: string[] = [];
    const signer = withCoveringProfile(
      {
        sign: async (ref) => {
          throw new Error(`stateless ${ref}`);
        },
      },
      {
        load: async () => ({
          profiles: [parseProfile({ id: 'lab', bucket: 'media', endpoint: 'http://127.0.0.1:7480' })],
        }),
        viaProfile: async (ref, id) => {
          via.push(`${id} ${ref}`);
          return { url: 'u', kind: 's3', method: 'GET', expiresAt, effectiveExpiresAt: expiresAt, warnings: [] };
        },
        onProfile: () => {},
        folderMarker: true,
      },
    );
    await signer.sign('s3://media/dir/', expiresAt, now);
    expect(via).toEqual(['lab s3://media/dir/']);
  });
});
