/** Where a shareable object is, as understood from what a user pasted or right-clicked. */
export type ObjectRef =
  | {
      kind: 's3';
      bucket: string;
      key: string;
      /** From the host name, when it says. */
      region?: string | undefined;
      /** A custom (S3-compatible) endpoint the reference was on. */
      endpoint?: string | undefined;
      forcePathStyle?: boolean | undefined;
      /** It was an already-signed link: the old signature was dropped. */
      wasSigned: boolean;
    }
  | { kind: 's3-prefix'; bucket: string; prefix: string; region?: string | undefined; endpoint?: string | undefined }
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
}
