// AWS credentials for signing and uploads.
export { resolveCredentials, type AwsSecretSource } from './resolve-credentials.js';
export { resolveAwsS3Settings, type AwsS3Settings } from './resolve-aws-s3-settings.js';
