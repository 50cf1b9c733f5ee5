import { SignetError } from '../errors.js';
import { resolveEffectiveExpiry } from '../expiry/index.js';
import type { AwsCredentials } from './aws-credentials.js';
import { formatContentDisposition } from './content-disposition.js';
import { parseEndpoint, resolveS3Endpoint, validateRegion, type S3Endpoint } from './s3-endpoint.js';
import { mergeSignedQuery } from './signed-query.js';
import { deriveSigningKey, formatAmzDate, hmacHex, sha256Hex, SIGV4_ALGORITHM, UNSIGNED_PAYLOAD } from './sigv4.js';
import type { SignedLink } from './signed-link.js';
import { uriEncode, uriEncodePath } from './uri-encode.js';
import { validateBucketName } from './validate-bucket-name.js';
import { validateObjectKey } from './validate-object-key.js';

export interface S3PresignerConfig {
  credentials: AwsCredentials;
  /** Region of the bucket (used in the signature scope and the AWS host name). */
  region: string;
  /** An S3-compatible endpoint, e.g. https://s3.example.com or http://127.0.0.1:7480. */
  endpoint?: string | undefined;
  /** Address the bucket in the path (`host/bucket/key`) instead of the host name. */
  forcePathStyle?: boolean | undefined;
}

export interface S3PresignRequest {
  bucket: string;
  key: string;
  /** GET (download, default) or PUT (upload link). */
  method?: 'GET' | 'PUT';
  /** When the link should stop working. 1 s to 7 days after `now`. */
  expiresAt: Date;
  /** Signing time (default: the clock). Fix it for reproducible links. */
  now?: Date;
  /** GET: the name the browser saves the file as (response-content-disposition). */
  downloadName?: string | undefined;
  /** GET: show in the browser instead of downloading. */
  inline?: boolean | undefined;
  /** GET: response content-type override. PUT: the Content-Type the uploader must send (signed). */
  contentType?: string | undefined;
  /**
   * GET: further signed query parameters — `versionId` (one version of the object), `partNumber`,
   * `response-*` overrides kept from a pasted link. `downloadName`/`inline`/`contentType` win
   * over the same-named overrides here.
   */
  query?: Record<string, string> | undefined;
}

export interface S3Presigner {
  presign(request: S3PresignRequest): Promise<SignedLink>;
  /** The same, synchronously: for bulk signing loops. */
  presignSync(request: S3PresignRequest): SignedLink;
}

// Browsers and fetch() resolve '.' and '..' path segments (even as %2E%2E) before sending, so a
// link to such a key reaches another path and fails its signature. The link is still right for
// clients that send the path as is; the user is told.
const hasDotSegment = (key: string): boolean => /(^|\/)\.\.?(\/|$)/.test(key);
const DOT_SEGMENT_WARNING = {
  code: 'KEY_DOT_SEGMENTS',
  message:
    'The object key has a "." or ".." folder. Browsers rewrite those in URLs, so this link only works with tools that send the path unchanged (e.g. curl --path-as-is). Rename the object for a link that works everywhere.',
};

const MIME = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*[a-z0-9!#$&^_.+-]+=("[^"\r\n]*"|[a-z0-9!#$&^_.+-]+))*$/i;

/**
 * A valid content type in the form SigV4 signs it (trimmed, inner whitespace runs collapsed to one
 * space: the server canonicalises the header it receives this way, so this is also the exact
 * header to give the uploader).
 */
export function checkContentType(value: string): string {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!MIME.test(v))
    throw new SignetError(
      'OPTION_INVALID',
      `"${value}" is not a content type. Use a MIME type such as application/pdf or text/plain; charset=utf-8.`,
    );
  return v;
}

/**
 * A reusable S3 presigner: validates the configuration once, caches the SigV4 signing key per
 * day and the endpoint per bucket, and signs each link with one SHA-256 and one HMAC. URLs
 * carry only what the signature needs (no x-id, no checksum mode, no X-Amz-Content-Sha256),
 * and are identical to what @aws-sdk/s3-request-presigner signs for the same request
 * (create-s3-presigner.test.ts checks that).
 */
export function createS3Presigner(config: S3PresignerConfig): S3Presigner {
  const { credentials, region } = config;
  if (!credentials?.accessKeyId || !credentials.secretAccessKey) {
    throw new SignetError(
      'CREDENTIALS_MISSING',
      'No AWS credentials to sign with. Configure a profile (signet profile add) or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
    );
  }
  if (/[\s/]/.test(credentials.accessKeyId)) {
    throw new SignetError(
      'CREDENTIALS_MISSING',
      'The AWS access key id contains spaces or slashes. Check that it was pasted correctly.',
    );
  }
  validateRegion(region);
  if (config.endpoint) parseEndpoint(config.endpoint);

  const endpoints = new Map<string, S3Endpoint>();
  let keyDay = '';
  let dateSeconds = NaN;
  let amzDateCache = '';
  let signingKey: Buffer = Buffer.alloc(0);
  const sessionToken = credentials.sessionToken ? `&X-Amz-Security-Token=${uriEncode(credentials.sessionToken)}` : '';
  const credentialPrefix = `${uriEncode(credentials.accessKeyId)}%2F`;
  const credentialSuffix = `%2F${uriEncode(region)}%2Fs3%2Faws4_request`;
  const scopeSuffix = `/${region}/s3/aws4_request`;

  function endpointFor(bucket: string): S3Endpoint {
    let ep = endpoints.get(bucket);
    if (!ep) {
      validateBucketName(bucket);
      ep = resolveS3Endpoint(bucket, region, config.endpoint, config.forcePathStyle);
      if (endpoints.size > 10_000) endpoints.clear();
      endpoints.set(bucket, ep);
    }
    return ep;
  }

  function presignSync(req: S3PresignRequest): SignedLink {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'PUT')
      throw new SignetError(
        'METHOD_INVALID',
        `Method ${String(method)} is not supported: use GET (download) or PUT (upload).`,
      );
    const ep = endpointFor(req.bucket);
    validateObjectKey(req.key);
    const now = req.now ?? new Date();
    const nowMs = now.getTime();
    const signSeconds = Math.floor(nowMs / 1000);
    // X-Amz-Expires counts from X-Amz-Date (the signing second). It is computed once, here, and
    // the bounds are checked on exactly this value: the time left, rounded up to a whole second,
    // so 1 s is never refused and 604801 s never signed, whatever the sub-second clock offset.
    const expiresIn = Math.ceil((req.expiresAt.getTime() - nowMs) / 1000);
    const expiry =
      expiresIn >= 1 && !(credentials.expiration && credentials.expiration.getTime() <= nowMs)
        ? resolveEffectiveExpiry({
            expiresAt: new Date((signSeconds + expiresIn) * 1000),
            now: new Date(signSeconds * 1000),
            credentialExpiration: credentials.expiration,
            kind: 's3',
          })
        : // Past expiry or expired credentials (or an invalid date): refused with the asked values.
          resolveEffectiveExpiry({
            expiresAt: req.expiresAt,
            now,
            credentialExpiration: credentials.expiration,
            kind: 's3',
          });
    // Bulk signing happens within the same second: format the date once per second.
    if (signSeconds !== dateSeconds) {
      dateSeconds = signSeconds;
      amzDateCache = formatAmzDate(signSeconds);
    }
    const amzDate = amzDateCache;
    const day = amzDate.slice(0, 8);
    if (day !== keyDay) {
      signingKey = deriveSigningKey(credentials.secretAccessKey, day, region, 's3');
      keyDay = day;
    }

    // Response overrides (GET) or the signed content type (PUT).
    let overrides = '';
    let signedHeaders = 'host';
    let canonicalHeaders = `host:${ep.host}\n`;
    let headers: Record<string, string> | undefined;
    if (method === 'GET') {
      if (req.downloadName !== undefined || req.inline) {
        const disposition =
          req.downloadName !== undefined
            ? formatContentDisposition(req.downloadName, req.inline ? 'inline' : 'attachment')
            : 'inline';
        overrides += `&response-content-disposition=${uriEncode(disposition)}`;
      }
      if (req.contentType !== undefined)
        overrides += `&response-content-type=${uriEncode(checkContentType(req.contentType))}`;
      if (req.query) overrides = mergeSignedQuery(overrides, req.query);
    } else {
      if (req.downloadName !== undefined || req.inline) {
        throw new SignetError(
          'OPTION_INVALID',
          'Download name and inline apply to download (GET) links, not to upload (PUT) links.',
        );
      }
      if (req.contentType !== undefined) {
        const ct = checkContentType(req.contentType);
        signedHeaders = 'content-type;host';
        canonicalHeaders = `content-type:${ct}\nhost:${ep.host}\n`;
        headers = { 'Content-Type': ct };
      }
    }

    // Parameter names in byte order: upper-case X-Amz-* before lower-case response-*.
    const query =
      `X-Amz-Algorithm=${SIGV4_ALGORITHM}` +
      `&X-Amz-Credential=${credentialPrefix}${day}${credentialSuffix}` +
      `&X-Amz-Date=${amzDate}` +
      `&X-Amz-Expires=${expiresIn}` +
      sessionToken +
      `&X-Amz-SignedHeaders=${signedHeaders === 'host' ? 'host' : 'content-type%3Bhost'}` +
      overrides;
    const path = `${ep.bucketPath}/${uriEncodePath(req.key)}`;
    const canonicalRequest = `${method}\n${path}\n${query}\n${canonicalHeaders}\n${signedHeaders}\n${UNSIGNED_PAYLOAD}`;
    const stringToSign = `${SIGV4_ALGORITHM}\n${amzDate}\n${day}${scopeSuffix}\n${sha256Hex(canonicalRequest)}`;
    const signature = hmacHex(signingKey, stringToSign);
    const link: SignedLink = {
      url: `${ep.protocol}//${ep.host}${path}?${query}&X-Amz-Signature=${signature}`,
      kind: 's3',
      method,
      expiresAt: expiry.expiresAt,
      effectiveExpiresAt: expiry.effectiveExpiresAt,
      warnings: hasDotSegment(req.key) ? [...expiry.warnings, DOT_SEGMENT_WARNING] : expiry.warnings,
    };
    if (headers) link.headers = headers;
    return link;
  }

  return {
    presignSync,
    presign: async (req) => presignSync(req),
  };
}

/** One-off presign. For many links, create one presigner with createS3Presigner and reuse it. */
export function presignS3Url(config: S3PresignerConfig, request: S3PresignRequest): Promise<SignedLink> {
  return createS3Presigner(config).presign(request);
}
