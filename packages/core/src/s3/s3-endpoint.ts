import { SignetError } from '../errors.js';
import { uriEncodePath } from './uri-encode.js';

/** Where a bucket is reached: scheme + host (with port when not default) + path prefix. */
export interface S3Endpoint {
  protocol: 'https:' | 'http:';
  host: string;
  /** Path up to and including the bucket for path-style (`/bucket`), empty for virtual-hosted. */
  bucketPath: string;
}

// AWS regions (eu-west-1) and the plain names S3-compatible services use (auto, garage, de-fra).
const REGION = /^(?=.{2,32}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** Checks a region name such as eu-west-1 (S3-compatible services use names of their own). */
export function validateRegion(region: string): void {
  if (!REGION.test(region)) {
    throw new SignetError(
      'REGION_INVALID',
      `"${region}" is not a region name. Use one such as us-east-1 or eu-west-1 (S3-compatible services: the region they document, often us-east-1).`,
    );
  }
}

/** Parses a custom endpoint URL (S3-compatible services). Throws ENDPOINT_INVALID. */
export function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new SignetError(
      'ENDPOINT_INVALID',
      `"${endpoint}" is not an endpoint URL. Use the service's URL, e.g. https://s3.example.com or http://127.0.0.1:7480.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SignetError(
      'ENDPOINT_INVALID',
      `The endpoint must start with https:// or http:// (got ${url.protocol}).`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SignetError(
      'ENDPOINT_INVALID',
      'The endpoint must be a plain URL without credentials, query or fragment, e.g. https://s3.example.com.',
    );
  }
  return url;
}

/**
 * Works out scheme, host and bucket path for a bucket. AWS: virtual-hosted
 * (`bucket.s3.region.amazonaws.com`; us-east-1 uses the global `bucket.s3.amazonaws.com`)
 * unless path-style is asked for or the bucket name has dots (TLS certificates would not
 * match). Custom endpoints: path-style unless `forcePathStyle` is false.
 */
export function resolveS3Endpoint(
  bucket: string,
  region: string,
  endpoint?: string,
  forcePathStyle?: boolean,
): S3Endpoint {
  if (endpoint) {
    const url = parseEndpoint(endpoint);
    const base = url.pathname.replace(/\/+$/, '');
    const protocol = url.protocol as 'https:' | 'http:';
    if (forcePathStyle === false) return { protocol, host: `${bucket}.${url.host}`, bucketPath: base };
    return { protocol, host: url.host, bucketPath: `${base}/${uriEncodePath(bucket)}` };
  }
  const awsHost = region === 'us-east-1' ? 's3.amazonaws.com' : `s3.${region}.amazonaws.com`;
  if (forcePathStyle || bucket.includes('.')) return { protocol: 'https:', host: awsHost, bucketPath: `/${bucket}` };
  return { protocol: 'https:', host: `${bucket}.${awsHost}`, bucketPath: '' };
}
