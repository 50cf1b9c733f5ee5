/** SigV4 presigned URLs live 1 s to 7 days (X-Amz-Expires 1–604800). */
export const SIGV4_MIN_EXPIRES_SECONDS = 1;
export const SIGV4_MAX_EXPIRES_SECONDS = 604_800;

/**
 * CloudFront signed URLs and cookies have no limit of their own (the policy carries an epoch
 * second). Signet caps them at 10 years (3,652 days): a sane upper bound for a share link, and
 * far enough below the year 9999 that every expiry is a plain ISO-8601 date the protocol and
 * the history can carry ("9999999w" once made one expiring in the year 193,806).
 */
export const CLOUDFRONT_MAX_EXPIRES_SECONDS = 3652 * 86_400;
