// S3 presigned URLs (SigV4 query signing), GET and PUT, AWS and S3-compatible endpoints.
export type { AwsCredentials } from './aws-credentials.js';
export type { SignedLink } from './signed-link.js';
export {
  createS3Presigner,
  presignS3Url,
  type S3PresignRequest,
  type S3Presigner,
  type S3PresignerConfig,
} from './create-s3-presigner.js';
export {
  createS3PostPolicy,
  S3_POST_MAX_BYTES,
  type S3PostPolicy,
  type S3PostPolicyRequest,
} from './create-s3-post-policy.js';
export { formatContentDisposition } from './content-disposition.js';
export { validateBucketName } from './validate-bucket-name.js';
export { validateObjectKey } from './validate-object-key.js';
export { parseEndpoint, resolveS3Endpoint, validateRegion, type S3Endpoint } from './s3-endpoint.js';
export { uriEncode, uriEncodePath } from './uri-encode.js';
