// AWS partitions: the commercial one, China and GovCloud have their own host names and their own
// bucket namespaces, so a bucket name means a different bucket in each.

export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The partition a region belongs to (cn-north-1 → aws-cn, us-gov-west-1 → aws-us-gov). */
export function partitionOfRegion(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * Whether an endpoint URL is one of AWS's own S3 endpoints (`https://s3.amazonaws.com`,
 * `https://s3.eu-west-1.amazonaws.com`, `…amazonaws.com.cn`): such a profile talks to AWS,
 * with AWS's addressing, not to an S3-compatible server.
 */
export function isAwsEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return false;
  }
  return /(^|\.)amazonaws\.com(\.cn)?$/.test(host);
}
