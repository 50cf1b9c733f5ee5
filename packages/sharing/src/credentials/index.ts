// AWS credentials for signing and uploads.
export { resolveCredentials, type AwsSecretSource } from './resolve-credentials.js';
