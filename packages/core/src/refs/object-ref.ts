import type { AwsPartition } from './aws-partition.js';
import type { S3EndpointVariants } from './aws-s3-host.js';

/**
 * What kind of server a reference points at, which decides the profiles that may cover it:
 * `any` — `s3://` and ARN forms name no server (any profile with the bucket);
 * `aws` — an AWS S3 or console URL (only profiles that talk to AWS);
 * `custom` — a URL on an S3-compatible endpoint (only profiles on that endpoint).
 */
export type RefServer = 'any' | 'aws' | 'custom';

/** Where a shareable object is, as understood from what a user pasted or right-clicked. */
export type ObjectRef =
  | {
      kind: 's3';
      bucket: string;
      key: string;
      server: RefServer;
      /** AWS refs and ARNs: the partition the host or ARN names (bucket names are per partition). */
      partition?: AwsPartition | undefined;
      /** From the host name, when it says. */
      region?: string | undefined;
      /** A custom (S3-compatible) endpoint the reference was on. */
      endpoint?: string | undefined;
      forcePathStyle?: boolean | undefined;
      /** AWS URLs: FIPS, dual-stack or accelerate endpoint (a re-signed link keeps it). */
      variants?: S3EndpointVariants | undefined;
      /** An AWS static-website host: it serves no signed requests (the REST endpoint is used). */
      website?: boolean | undefined;
      /** A pasted link to one version of the object (`versionId=`): the link keeps it. */
      versionId?: string | undefined;
      /** Parameters of a pasted link that change what is served (partNumber, response-*): kept. */
      served?: Record<string, string> | undefined;
      /** Parameters of a pasted link that were dropped (not part of a signature): to be said. */
      dropped?: string[] | undefined;
      /** A known S3-compatible service the host belongs to (Backblaze B2, Cloudflare R2…). */
      service?: string | undefined;
      /** It was an already-signed link: the old signature was dropped. */
      wasSigned: boolean;
    }
  | {
      kind: 's3-prefix';
      bucket: string;
      prefix: string;
      server: RefServer;
      partition?: AwsPartition | undefined;
      region?: string | undefined;
      endpoint?: string | undefined;
    }
  | {
      kind: 'cloudfront';
      domain: string;
      /** Decoded path without the leading '/'. */
      path: string;
      /** The URL without any signing parameters. */
      url: string;
      wasSigned: boolean;
    };

export interface ParseObjectRefOptions {
  /** CloudFront domains of the configured profiles (`*.cloudfront.net` is always recognised). */
  cloudFrontDomains?: string[] | undefined;
  /** Custom S3 endpoints of the configured profiles, e.g. http://127.0.0.1:7480. */
  endpoints?: string[] | undefined;
  /**
   * A key ending in `/` is the folder-marker object itself, not a folder (asked for explicitly:
   * without it such a reference is an `s3-prefix`).
   */
  folderMarker?: boolean | undefined;
}
