// CloudFront set-up, key rotation and the shared look-ups (the doctor reads through them too).
export { setupCloudFront, type CloudFrontSetupDeps } from './setup-cloudfront.js';
export { retireCloudFrontKey, rotateCloudFrontKey, type KeyRotationDeps } from './rotate-key.js';
export { planCloudFrontSetup, profileIdForBucket, type SetupPlan } from './plan-cloudfront-setup.js';
export { formatPlan, runPlan, type PlanRunResult, type PlanStep } from './plan.js';
export {
  buildOacStatement,
  cloudFrontGrantsOf,
  diffPolicies,
  mergeOacStatement,
  parseBucketPolicy,
  policyGrantsDistribution,
  type BucketPolicy,
  type PolicyStatement,
} from './bucket-policy.js';
export {
  buildDistributionConfig,
  DOWNLOAD_QUERY_STRINGS,
  MAX_KEY_GROUPS_PER_DISTRIBUTION,
  MAX_KEYS_PER_GROUP,
  withTrustedKeyGroup,
} from './distribution-config.js';
export { generateSigningKey, type SigningKeyType } from './generate-signing-key.js';
export { controlPlaneEndpoints } from './aws-clients.js';
export { DEPLOY_TIME_WORDS, waitForDeployed } from './wait-deployed.js';
export type * from './setup-types.js';
