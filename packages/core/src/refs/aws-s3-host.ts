// AWS S3 host names, read into what they say: bucket (virtual-hosted), region, partition, and
// the endpoint variant (FIPS, dual-stack, Transfer Acceleration, website). A re-signed link goes
// to the same kind of endpoint, so these are kept, not normalised away.
import { partitionOfRegion, type AwsPartition } from './aws-partition.js';

export interface S3EndpointVariants {
  /** FIPS 140 endpoint (s3-fips.<region>…). */
  fips?: boolean | undefined;
  /** Dual-stack (IPv4 + IPv6) endpoint (s3.dualstack.<region>…). */
  dualstack?: boolean | undefined;
  /** Transfer Acceleration (s3-accelerate…): no region in the host, signed for the bucket's. */
  accelerate?: boolean | undefined;
}

export interface AwsS3Host {
  /** The bucket when the host is virtual-hosted (bucket.s3…). */
  bucket?: string | undefined;
  region?: string | undefined;
  partition: AwsPartition;
  variants: S3EndpointVariants;
  /** A static-website endpoint (s3-website…): it serves no signed requests. */
  website: boolean;
}

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d+';
const HOST = new RegExp(
  `^(?:(.+)\\.)?(?:(s3-accelerate)(\\.dualstack)?|s3-website[.-](${REGION})|s3(-fips)?(\\.dualstack)?(?:[.-](${REGION}|external-1))?)\\.amazonaws\\.com(\\.cn)?$`,
);

/** Reads an AWS S3 host name, or undefined when it is not one. */
export function parseAwsS3Host(host: string): AwsS3Host | undefined {
  const m = HOST.exec(host.toLowerCase());
  if (!m) return undefined;
  const [, bucket, accelerate, accelerateDualstack, websiteRegion, fips, dualstack, hostRegion, cn] = m;
  const region = hostRegion === 'external-1' ? 'us-east-1' : (hostRegion ?? websiteRegion);
  const partition: AwsPartition = cn ? 'aws-cn' : region ? partitionOfRegion(region) : 'aws';
  const variants: S3EndpointVariants = {};
  if (fips) variants.fips = true;
  if (dualstack || accelerateDualstack) variants.dualstack = true;
  if (accelerate) variants.accelerate = true;
  return { bucket, region, partition, variants, website: websiteRegion !== undefined };
}

/**
 * The AWS endpoint (scheme + host, no bucket) for a region, partition and variants: the host a
 * link is signed for. `s3.amazonaws.com` stays the us-east-1 host, as the SDKs sign it.
 */
export function awsS3EndpointFor(region: string, variants: S3EndpointVariants = {}): string {
  const suffix = partitionOfRegion(region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  if (variants.accelerate) return `https://s3-accelerate${variants.dualstack ? '.dualstack' : ''}.${suffix}`;
  const service = `s3${variants.fips ? '-fips' : ''}${variants.dualstack ? '.dualstack' : ''}`;
  if (service === 's3' && region === 'us-east-1') return 'https://s3.amazonaws.com';
  return `https://${service}.${region}.${suffix}`;
}
