// `@signet/sharing/link-setup`: what signing a link without the sharing engine needs (the AWS
// credential chain, the AWS CLI's region/endpoint settings, the saved profiles), as its own
// entry so a caller that loads only this (`signet link`) does not load the engine's S3 and
// CloudFront clients, uploads and keychain through the package index.
export { resolveCredentials, type AwsSecretSource } from './credentials/resolve-credentials.js';
export { resolveAwsS3Settings, type AwsS3Settings } from './credentials/resolve-aws-s3-settings.js';
export { ProfileStore } from './profiles/profile-store.js';
export { resolveSignetPaths } from './paths.js';
export { resolveProfileForRef } from './share/resolve-profile-for-ref.js';
