// Object references: everything a user may paste or right-click, turned into bucket + key.
export { parseObjectRef } from './parse-object-ref.js';
export type { ObjectRef, ParseObjectRefOptions, RefServer } from './object-ref.js';
export { decodePath } from './decode-path.js';
export { awsDnsSuffix, isAwsEndpoint, partitionOfRegion, type AwsPartition } from './aws-partition.js';
