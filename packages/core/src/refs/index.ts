// Object references: everything a user may paste or right-click, turned into bucket + key.
export { parseObjectRef } from './parse-object-ref.js';
export type { ObjectRef, ParseObjectRefOptions, RefServer } from './object-ref.js';
export { decodePath } from './decode-path.js';
export { isAwsEndpoint, partitionOfRegion, type AwsPartition } from './aws-partition.js';
export { awsS3EndpointFor, parseAwsS3Host, type AwsS3Host, type S3EndpointVariants } from './aws-s3-host.js';
export { isIpOrLocalhost, parseCompatibleS3Host, type CompatibleS3Host } from '../browser/compatible-s3-hosts.js';
export { sameS3Server } from './same-s3-server.js';
export { resolvePathStyle, type PathStyleInput } from './resolve-path-style.js';
export { resolveS3Target, type S3ObjectRef, type S3Target, type S3TargetConfig } from './resolve-s3-target.js';
export { cloudFrontPathWarnings } from './cloudfront-path-warnings.js';
