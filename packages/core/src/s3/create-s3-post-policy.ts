// Presigned POST (browser-form) uploads with limits: a SigV4-signed POST policy that lets
// whoever holds it upload one file, of at most `maxBytes`, under a key prefix (or to one key),
// with a given content type (or type family such as image/*), until the policy expires.
// Unlike a presigned PUT, S3 enforces these limits itself. Signed on node:crypto directly,
// as the PUT/GET presigner is; checked against RGW in create-s3-post-policy.integ.test.ts.
import { SignetError } from '../errors.js';
import { resolveEffectiveExpiry, type LinkWarning } from '../expiry/index.js';
import type { S3PresignerConfig } from './create-s3-presigner.js';
import { parseEndpoint, resolveS3Endpoint, validateRegion } from './s3-endpoint.js';
import { deriveSigningKey, formatAmzDate, hmacHex, SIGV4_ALGORITHM } from './sigv4.js';
import { validateBucketName } from './validate-bucket-name.js';
import { validateObjectKey } from './validate-object-key.js';

/** S3's limit for one POST upload: 5 GiB. */
export const S3_POST_MAX_BYTES = 5 * 1024 ** 3;

export interface S3PostPolicyRequest {
  bucket: string;
  /** Any key that starts with `prefix` (`''`: anywhere in the bucket), or exactly `key`. */
  target: { prefix: string } | { key: string };
  /** When the policy stops accepting uploads: 1 s to 7 days after `now`. */
  expiresAt: Date;
  now?: Date | undefined;
  /** Largest accepted upload in bytes (content-length-range 0..maxBytes). Default: S3's 5 GiB. */
  maxBytes?: number | undefined;
  /** `application/pdf` (exactly that), `image/*` (any image type), or undefined (any). */
  contentType?: string | undefined;
}

export interface S3PostPolicy {
  /** Where the form is POSTed (multipart/form-data, the file as the last field). */
  url: string;
  /** The form fields to send as they are, before the file. */
  fields: Record<string, string>;
  /**
   * Fields the uploader fills in: `Content-Type` for a type family (e.g. starts with `image/`).
   * With a prefix, `key` may be changed to any key under it (`${filename}` is the file's name).
   */
  uploaderSets: Record<string, string>;
  /** The limits the server enforces, for people. */
  limits: { maxBytes: number; keyPrefix?: string; key?: string; contentType?: string };
  expiresAt: Date;
  effectiveExpiresAt: Date;
  warnings: LinkWarning[];
}

const TYPE = /^[a-z0-9!#$&^_.+-]+$/i;

/** `image/*` → starts-with `image/`; `image/png` → exactly that; `*` / `*\/*` → any. */
function contentTypeCondition(value: string | undefined): ['eq' | 'starts-with', string] | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().replace(/\s+/g, ' ');
  if (v === '*' || v === '*/*') return undefined;
  const [type, sub, ...rest] = v.split('/');
  if (rest.length === 0 && type && TYPE.test(type) && sub === '*') return ['starts-with', `${type.toLowerCase()}/`];
  if (rest.length === 0 && type && TYPE.test(type) && sub && /^[a-z0-9!#$&^_.+-]+(\s*;.*)?$/i.test(sub))
    return ['eq', v];
  throw new SignetError(
    'OPTION_INVALID',
    `"${value}" is not a content type. Use a MIME type such as application/pdf, or a family such as image/*.`,
  );
}

/** Signs a POST policy for one upload. */
export function createS3PostPolicy(config: S3PresignerConfig, req: S3PostPolicyRequest): S3PostPolicy {
  const { credentials, region } = config;
  if (!credentials?.accessKeyId || !credentials.secretAccessKey)
    throw new SignetError(
      'CREDENTIALS_MISSING',
      'No AWS credentials to sign with. Configure a profile (signet profile add) or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
    );
  validateRegion(region);
  if (config.endpoint) parseEndpoint(config.endpoint);
  validateBucketName(req.bucket);
  if ('key' in req.target) validateObjectKey(req.target.key);
  else if (req.target.prefix) validateObjectKey(req.target.prefix);
  const maxBytes = req.maxBytes ?? S3_POST_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1 || maxBytes > S3_POST_MAX_BYTES)
    throw new SignetError(
      'OPTION_INVALID',
      `The size limit must be between 1 byte and 5 GiB (S3's limit for one POST upload); got ${String(req.maxBytes)}.`,
    );
  const type = contentTypeCondition(req.contentType);

  const now = req.now ?? new Date();
  const signSeconds = Math.floor(now.getTime() / 1000);
  // The expiry bounds are those of SigV4 links (1 s–7 days), checked on the signed value.
  const seconds = Math.ceil((req.expiresAt.getTime() - now.getTime()) / 1000);
  const expiry = resolveEffectiveExpiry(
    seconds >= 1
      ? {
          expiresAt: new Date((signSeconds + seconds) * 1000),
          now: new Date(signSeconds * 1000),
          credentialExpiration: credentials.expiration,
          kind: 's3',
        }
      : { expiresAt: req.expiresAt, now, credentialExpiration: credentials.expiration, kind: 's3' },
  );

  const amzDate = formatAmzDate(signSeconds);
  const day = amzDate.slice(0, 8);
  const credential = `${credentials.accessKeyId}/${day}/${region}/s3/aws4_request`;
  const fields: Record<string, string> = {};
  const uploaderSets: Record<string, string> = {};
  const conditions: unknown[] = [{ bucket: req.bucket }];
  if ('key' in req.target) {
    fields.key = req.target.key;
    conditions.push({ key: req.target.key });
  } else {
    // S3 puts the uploaded file's name in place of ${filename}.
    fields.key = `${req.target.prefix}\${filename}`;
    conditions.push(['starts-with', '$key', req.target.prefix]);
  }
  conditions.push(['content-length-range', 0, maxBytes]);
  if (type?.[0] === 'eq') {
    fields['Content-Type'] = type[1];
    conditions.push({ 'Content-Type': type[1] });
  } else if (type) {
    uploaderSets['Content-Type'] = type[1];
    conditions.push(['starts-with', '$Content-Type', type[1]]);
  }
  fields['X-Amz-Algorithm'] = SIGV4_ALGORITHM;
  fields['X-Amz-Credential'] = credential;
  fields['X-Amz-Date'] = amzDate;
  conditions.push(
    { 'x-amz-algorithm': SIGV4_ALGORITHM },
    { 'x-amz-credential': credential },
    { 'x-amz-date': amzDate },
  );
  if (credentials.sessionToken) {
    fields['X-Amz-Security-Token'] = credentials.sessionToken;
    conditions.push({ 'x-amz-security-token': credentials.sessionToken });
  }
  const policy = Buffer.from(
    JSON.stringify({ expiration: expiry.expiresAt.toISOString(), conditions }),
    'utf8',
  ).toString('base64');
  fields.Policy = policy;
  fields['X-Amz-Signature'] = hmacHex(deriveSigningKey(credentials.secretAccessKey, day, region, 's3'), policy);

  const ep = resolveS3Endpoint(req.bucket, region, config.endpoint, config.forcePathStyle);
  return {
    url: `${ep.protocol}//${ep.host}${ep.bucketPath}/`,
    fields,
    uploaderSets,
    limits: {
      maxBytes,
      ...('key' in req.target ? { key: req.target.key } : { keyPrefix: req.target.prefix }),
      ...(req.contentType !== undefined && type ? { contentType: type[0] === 'eq' ? type[1] : `${type[1]}*` } : {}),
    },
    expiresAt: expiry.expiresAt,
    effectiveExpiresAt: expiry.effectiveExpiresAt,
    warnings: expiry.warnings,
  };
}
