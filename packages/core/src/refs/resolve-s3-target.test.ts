// The resolver as data: reference + configuration → the link that is signed (host, path,
// signing region, signed query) and the warnings, or the error. Every row is signed with a real
// presigner, so what is checked is the URL a user gets, not an intermediate value.
import { describe, expect, it } from 'vitest';
import { isSignetError } from '../errors.js';
import { createS3Presigner } from '../s3/create-s3-presigner.js';
import { parseObjectRef } from './parse-object-ref.js';
import { resolveS3Target, type S3TargetConfig } from './resolve-s3-target.js';

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const NOW = new Date('2026-11-22T12:00:00Z');
const R2 = '0123456789abcdef0123456789abcdef';

interface Expected {
  /** scheme://host[:port] of the signed link */
  origin: string;
  path: string;
  /** region in X-Amz-Credential */
  region: string;
  /** signed query parameters besides X-Amz-* (exactly these) */
  query?: Record<string, string>;
  warnings?: string[];
}

type Row = [
  klass: string,
  ref: string,
  config: Partial<S3TargetConfig> & { endpoints?: string[]; folderMarker?: boolean; downloadName?: string },
  expected: Expected | { error: string; message?: RegExp },
];

const table: Row[] = [
  // AWS partitions: real hosts, signed for their region
  [
    'China via --region',
    's3://data/k.txt',
    { region: 'cn-north-1' },
    { origin: 'https://data.s3.cn-north-1.amazonaws.com.cn', path: '/k.txt', region: 'cn-north-1' },
  ],
  [
    'China ARN without a region: the partition default, said',
    'arn:aws-cn:s3:::data/k.txt',
    {},
    {
      origin: 'https://data.s3.cn-north-1.amazonaws.com.cn',
      path: '/k.txt',
      region: 'cn-north-1',
      warnings: ['REGION_ASSUMED'],
    },
  ],
  [
    'China URL',
    'https://data.s3.cn-northwest-1.amazonaws.com.cn/k.txt',
    {},
    { origin: 'https://data.s3.cn-northwest-1.amazonaws.com.cn', path: '/k.txt', region: 'cn-northwest-1' },
  ],
  [
    'GovCloud URL',
    'https://data.s3.us-gov-west-1.amazonaws.com/k.txt',
    {},
    { origin: 'https://data.s3.us-gov-west-1.amazonaws.com', path: '/k.txt', region: 'us-gov-west-1' },
  ],
  [
    'GovCloud ARN with the region asked',
    'arn:aws-us-gov:s3:::data/k.txt',
    { region: 'us-gov-east-1' },
    { origin: 'https://data.s3.us-gov-east-1.amazonaws.com', path: '/k.txt', region: 'us-gov-east-1' },
  ],
  // Endpoint variants kept
  [
    'FIPS (virtual-hosted)',
    'https://data.s3-fips.us-east-2.amazonaws.com/k',
    {},
    { origin: 'https://data.s3-fips.us-east-2.amazonaws.com', path: '/k', region: 'us-east-2' },
  ],
  [
    'FIPS + dual-stack (path-style URL)',
    'https://s3-fips.dualstack.us-west-2.amazonaws.com/data/k',
    {},
    { origin: 'https://data.s3-fips.dualstack.us-west-2.amazonaws.com', path: '/k', region: 'us-west-2' },
  ],
  [
    'dual-stack',
    'https://data.s3.dualstack.eu-west-1.amazonaws.com/k',
    {},
    { origin: 'https://data.s3.dualstack.eu-west-1.amazonaws.com', path: '/k', region: 'eu-west-1' },
  ],
  [
    'Transfer Acceleration, signed for the bucket region asked',
    'https://data.s3-accelerate.amazonaws.com/k',
    { region: 'eu-central-1' },
    { origin: 'https://data.s3-accelerate.amazonaws.com', path: '/k', region: 'eu-central-1' },
  ],
  [
    'dual-stack, the standard endpoint asked for',
    'https://data.s3.dualstack.eu-west-1.amazonaws.com/k',
    { standardEndpoint: true },
    { origin: 'https://data.s3.eu-west-1.amazonaws.com', path: '/k', region: 'eu-west-1' },
  ],
  [
    'dual-stack, another AWS endpoint given explicitly',
    'https://data.s3.dualstack.eu-west-1.amazonaws.com/k',
    { endpoint: 'https://s3-fips.eu-west-1.amazonaws.com' },
    { origin: 'https://data.s3-fips.eu-west-1.amazonaws.com', path: '/k', region: 'eu-west-1' },
  ],
  [
    'website endpoint → REST endpoint, said',
    'https://data.s3-website-eu-west-1.amazonaws.com/index.html',
    {},
    {
      origin: 'https://data.s3.eu-west-1.amazonaws.com',
      path: '/index.html',
      region: 'eu-west-1',
      warnings: ['WEBSITE_ENDPOINT'],
    },
  ],
  [
    'the URL region wins over --region, said',
    'https://data.s3.eu-west-1.amazonaws.com/k',
    { region: 'us-east-1' },
    {
      origin: 'https://data.s3.eu-west-1.amazonaws.com',
      path: '/k',
      region: 'eu-west-1',
      warnings: ['REGION_FROM_URL'],
    },
  ],
  // Query parameters that change what is served
  [
    'versionId kept (signed link re-signed)',
    'https://data.s3.eu-west-1.amazonaws.com/k?versionId=3HL4kqtJlcpXroDTDmJ%2Bv&X-Amz-Signature=00&X-Amz-Expires=60&x-id=GetObject',
    {},
    {
      origin: 'https://data.s3.eu-west-1.amazonaws.com',
      path: '/k',
      region: 'eu-west-1',
      query: { versionId: '3HL4kqtJlcpXroDTDmJ+v' },
    },
  ],
  [
    'response-* overrides kept, partNumber kept',
    'https://data.s3.eu-west-1.amazonaws.com/k?response-content-disposition=inline&response-cache-control=no-cache&partNumber=2',
    {},
    {
      origin: 'https://data.s3.eu-west-1.amazonaws.com',
      path: '/k',
      region: 'eu-west-1',
      query: { partNumber: '2', 'response-cache-control': 'no-cache', 'response-content-disposition': 'inline' },
    },
  ],
  [
    "response-content-disposition replaced by the link's download name, said",
    'https://data.s3.eu-west-1.amazonaws.com/k?response-content-disposition=inline',
    { downloadName: 'a.pdf', replaces: { disposition: true } },
    {
      origin: 'https://data.s3.eu-west-1.amazonaws.com',
      path: '/k',
      region: 'eu-west-1',
      query: { 'response-content-disposition': 'attachment; filename="a.pdf"' },
      warnings: ['QUERY_REPLACED'],
    },
  ],
  [
    'other parameters dropped, said',
    'https://data.s3.eu-west-1.amazonaws.com/k?utm_source=mail&X-Amz-Signature=00',
    {},
    { origin: 'https://data.s3.eu-west-1.amazonaws.com', path: '/k', region: 'eu-west-1', warnings: ['QUERY_DROPPED'] },
  ],
  [
    'versionId not carried into an upload link, said',
    'https://data.s3.eu-west-1.amazonaws.com/k?versionId=abc',
    { method: 'PUT' },
    { origin: 'https://data.s3.eu-west-1.amazonaws.com', path: '/k', region: 'eu-west-1', warnings: ['QUERY_DROPPED'] },
  ],
  // AWS URLs and custom endpoints
  [
    'AWS URL with a custom endpoint configured → refused',
    'https://data.s3.eu-west-1.amazonaws.com/k',
    { endpoint: 'http://127.0.0.1:9000' },
    { error: 'OPTION_INVALID', message: /AWS S3 URL.*http:\/\/127\.0\.0\.1:9000.*s3:\/\/data\/k/ },
  ],
  [
    'URL on one server, endpoint of another → refused',
    'https://s3.us-west-004.backblazeb2.com/data/k',
    { endpoint: 'https://minio.example.com' },
    { error: 'OPTION_INVALID', message: /wrong server/ },
  ],
  [
    '--endpoint https://s3.amazonaws.com is AWS (virtual-hosted, regional)',
    's3://data/k',
    { endpoint: 'https://s3.amazonaws.com', region: 'eu-west-3' },
    { origin: 'https://data.s3.eu-west-3.amazonaws.com', path: '/k', region: 'eu-west-3' },
  ],
  [
    '--endpoint of an AWS FIPS host keeps FIPS and its region',
    's3://data/k',
    { endpoint: 'https://s3-fips.us-east-1.amazonaws.com' },
    { origin: 'https://data.s3-fips.us-east-1.amazonaws.com', path: '/k', region: 'us-east-1' },
  ],
  [
    's3:// with a custom endpoint: signed for it',
    's3://data/k',
    { endpoint: 'http://127.0.0.1:9000' },
    { origin: 'http://127.0.0.1:9000', path: '/data/k', region: 'us-east-1' },
  ],
  // S3-compatible hosts, without a profile
  [
    'Cloudflare R2 path-style',
    `https://${R2}.r2.cloudflarestorage.com/data/k`,
    {},
    { origin: `https://${R2}.r2.cloudflarestorage.com`, path: '/data/k', region: 'auto' },
  ],
  [
    'Cloudflare R2 virtual-hosted',
    `https://data.${R2}.r2.cloudflarestorage.com/k`,
    {},
    { origin: `https://data.${R2}.r2.cloudflarestorage.com`, path: '/k', region: 'auto' },
  ],
  [
    'Backblaze B2, region from the host',
    'https://s3.us-west-004.backblazeb2.com/data/k',
    {},
    { origin: 'https://s3.us-west-004.backblazeb2.com', path: '/data/k', region: 'us-west-004' },
  ],
  [
    'Backblaze B2 virtual-hosted',
    'https://data.s3.eu-central-003.backblazeb2.com/k',
    {},
    { origin: 'https://data.s3.eu-central-003.backblazeb2.com', path: '/k', region: 'eu-central-003' },
  ],
  [
    'Wasabi regional',
    'https://s3.eu-central-1.wasabisys.com/data/k',
    {},
    { origin: 'https://s3.eu-central-1.wasabisys.com', path: '/data/k', region: 'eu-central-1' },
  ],
  [
    'Wasabi global',
    'https://data.s3.wasabisys.com/k',
    {},
    { origin: 'https://data.s3.wasabisys.com', path: '/k', region: 'us-east-1' },
  ],
  [
    'DigitalOcean Spaces',
    'https://data.nyc3.digitaloceanspaces.com/k',
    {},
    { origin: 'https://data.nyc3.digitaloceanspaces.com', path: '/k', region: 'nyc3' },
  ],
  [
    'Google Cloud Storage interop',
    'https://storage.googleapis.com/data/k',
    {},
    { origin: 'https://storage.googleapis.com', path: '/data/k', region: 'auto' },
  ],
  [
    'MinIO host:port',
    'http://minio.lan:9000/data/k',
    {},
    { origin: 'http://minio.lan:9000', path: '/data/k', region: 'us-east-1' },
  ],
  [
    'an unknown host → says to pass --endpoint',
    'https://files.example.org/data/k',
    {},
    { error: 'REF_UNSUPPORTED', message: /pass --endpoint https:\/\/files\.example\.org/ },
  ],
  // Addressing
  [
    'IP endpoint is path-style even when virtual-hosted is asked',
    's3://data/k',
    { endpoint: 'http://10.1.2.3:7480', forcePathStyle: false },
    { origin: 'http://10.1.2.3:7480', path: '/data/k', region: 'us-east-1' },
  ],
  [
    'localhost endpoint is path-style',
    's3://data/k',
    { endpoint: 'http://localhost:9000', forcePathStyle: false },
    { origin: 'http://localhost:9000', path: '/data/k', region: 'us-east-1' },
  ],
  [
    'dotted bucket over HTTPS stays path-style on a custom endpoint',
    's3://my.dotted.bucket/k',
    { endpoint: 'https://s3.example.com', forcePathStyle: false },
    { origin: 'https://s3.example.com', path: '/my.dotted.bucket/k', region: 'us-east-1' },
  ],
  [
    'dotted bucket over HTTPS stays path-style on AWS',
    'https://my.dotted.bucket.s3.eu-west-1.amazonaws.com/k',
    {},
    { origin: 'https://s3.eu-west-1.amazonaws.com', path: '/my.dotted.bucket/k', region: 'eu-west-1' },
  ],
  [
    'virtual-hosted custom endpoint when asked',
    's3://data/k',
    { endpoint: 'https://s3.example.com', forcePathStyle: false },
    { origin: 'https://data.s3.example.com', path: '/k', region: 'us-east-1' },
  ],
  // Keys
  [
    'a key ending in / when asked for explicitly (folder marker)',
    's3://data/dir/',
    { folderMarker: true },
    { origin: 'https://data.s3.amazonaws.com', path: '/dir/', region: 'us-east-1' },
  ],
  [
    'whitespace at both ends of an s3:// key is kept',
    's3://data/ k ',
    {},
    { origin: 'https://data.s3.amazonaws.com', path: '/%20k%20', region: 'us-east-1' },
  ],
];

describe('resolveS3Target: reference + configuration → the link', () => {
  it.each(table)('%s: %s', (_klass, text, config, expected) => {
    const run = () => {
      const ref = parseObjectRef(text, { endpoints: config.endpoints, folderMarker: config.folderMarker });
      if (ref.kind !== 's3') throw new Error(`not an object: ${ref.kind}`);
      const t = resolveS3Target(ref, { defaultRegion: 'us-east-1', ...config });
      const link = createS3Presigner({
        credentials,
        region: t.region,
        endpoint: t.endpoint,
        forcePathStyle: t.forcePathStyle,
      }).presignSync({
        bucket: t.bucket,
        key: t.key,
        method: config.method ?? 'GET',
        expiresAt: new Date(NOW.getTime() + 3600_000),
        now: NOW,
        downloadName: config.downloadName,
        query: t.query,
      });
      return { t, url: new URL(link.url) };
    };
    if ('error' in expected) {
      let err: unknown;
      try {
        run();
      } catch (e) {
        err = e;
      }
      expect(isSignetError(err, expected.error as never), String(err)).toBe(true);
      if (expected.message) expect((err as Error).message).toMatch(expected.message);
      return;
    }
    const { t, url } = run();
    expect(url.origin).toBe(expected.origin);
    expect(url.pathname).toBe(expected.path);
    expect(url.searchParams.get('X-Amz-Credential')).toContain(`/${expected.region}/s3/aws4_request`);
    const query = Object.fromEntries([...url.searchParams].filter(([k]) => !k.startsWith('X-Amz-')));
    expect(query).toEqual(expected.query ?? {});
    expect(t.warnings.map((w) => w.code)).toEqual(expected.warnings ?? []);
  });
});
