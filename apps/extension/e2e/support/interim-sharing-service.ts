// INTERIM, until @signet/sharing's createSharingService lands: a SharingService with just what the
// bridge calls (link, listLinks, getLinkUrl, listProfiles) for one S3 profile, signing SigV4 query
// links by hand. RGW verifies every signature, so the e2e chain is real except for this signer.
// Replace with createSharingService (profile + keychain secret) as soon as it exists.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { LinkRecord, LinkResult, SharingService } from '@signet/sharing';
import type { TestS3 } from '../../../../scripts/test-support/s3.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

export function createInterimSharingService(s3: TestS3, bucket: string, defaultExpiry = '1d'): SharingService {
  const history: { record: LinkRecord; url: string }[] = [];
  const endpoint = new URL(s3.endpoint);
  const link: SharingService['link'] = async (req) => {
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(req.ref) ?? (req.ref.startsWith(s3.endpoint) ? /^\/([^/]+)\/([^?]+)/.exec(new URL(req.ref).pathname) : null);
    if (!m) throw Object.assign(new Error('Not an S3 reference Signet understands.'), { code: 'REF_INVALID' });
    const [objBucket, rawKey] = [m[1]!, decodeURIComponent(m[2]!)];
    if (objBucket !== bucket) throw Object.assign(new Error(`No profile covers the bucket "${objBucket}".`), { code: 'NO_PROFILE_FOR_OBJECT' });
    const d = /^(\d+)([smhdw])$/.exec(req.expires ?? defaultExpiry)!;
    const seconds = Number(d[1]) * UNITS[d[2]!]!;
    const now = new Date();
    const url = presign(endpoint, s3, objBucket, rawKey, seconds, now);
    const expiresAt = new Date(now.getTime() + seconds * 1000).toISOString();
    const record: LinkRecord = { id: randomUUID(), createdAt: now.toISOString(), source: req.source, profileId: 'test', kind: 's3', method: 'GET', bucket: objBucket, key: rawKey, options: {}, expiresAt, effectiveExpiresAt: expiresAt, warnings: [] };
    history.unshift({ record, url });
    const result: LinkResult = { id: record.id, url, kind: 's3', method: 'GET', profileId: 'test', bucket: objBucket, key: rawKey, expiresAt, effectiveExpiresAt: expiresAt, warnings: [] };
    return result;
  };
  return {
    link,
    listLinks: async (q) => history.slice(0, q?.limit ?? 50).map((h) => h.record),
    getLinkUrl: async (id) => history.find((h) => h.record.id === id)!.url,
    listProfiles: async () => [
      {
        profile: { id: 'test', name: 'Test RGW', bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, keyTemplate: '{yyyy}/{mm}/{uuid}/{name}', defaultExpiry, credentials: { source: 'keychain' }, link: { kind: 's3' } },
        isDefault: true,
        hasAwsSecret: true,
        hasCloudFrontKey: false,
      },
    ],
  } as Partial<SharingService> as SharingService;
}

function presign(endpoint: URL, s3: TestS3, bucket: string, key: string, seconds: number, now: Date): string {
  const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${s3.region}/s3/aws4_request`;
  const path = `/${bucket}/${key.split('/').map(encodeRfc3986).join('/')}`;
  const query = [
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${s3.accessKeyId}/${scope}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', String(seconds)],
    ['X-Amz-SignedHeaders', 'host'],
  ]
    .map(([k, v]) => `${encodeRfc3986(k!)}=${encodeRfc3986(v!)}`)
    .sort()
    .join('&');
  const canonical = ['GET', path, query, `host:${endpoint.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let k: Buffer = createHmac('sha256', `AWS4${s3.secretAccessKey}`).update(day).digest();
  for (const part of [s3.region, 's3', 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
  const signature = createHmac('sha256', k).update(toSign).digest('hex');
  return `${endpoint.origin}${path}?${query}&X-Amz-Signature=${signature}`;
}

function encodeRfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
