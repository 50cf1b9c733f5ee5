// What the set-up steps share: the clients, the request, what planning found, and the
// state the steps fill in as they run (ids made by earlier steps). Built by
// planCloudFrontSetup; the step builders (*-steps.ts) read it.
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Profile } from '@signet/core';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import type { DistributionState, KeyGroupState } from './cloudfront-lookup.js';
import type { SigningKeyPair, SigningKeyType } from './generate-signing-key.js';
import type { CloudFrontSetupRequest } from './setup-types.js';

/** What the steps learn from each other while the plan runs (ids made by earlier steps). */
export interface SetupState {
  profileId: string;
  bucket: string;
  key?: SigningKeyPair;
  publicKeyId?: string;
  keyGroupId?: string;
  oacId?: string;
  distributionId?: string;
  distributionArn?: string;
  domain?: string;
  originPath?: string;
}

export interface SetupContext {
  cf: CloudFrontClient;
  s3: S3Client;
  deps: { profiles: ProfileStore; secrets: SecretStore; now: () => Date };
  req: CloudFrontSetupRequest;
  profileId: string;
  state: SetupState;
  /** The profile before this run, if there was one. */
  existing: Profile | undefined;
  /** The distribution before this run (--distribution, or the profile's), if any. */
  dist: DistributionState | undefined;
  /** Key groups the default behaviour trusts before this run. */
  trusted: string[];
  /** The keychain's key is already in a trusted group: no new key. */
  reuse: { keyId: string; groupId: string } | undefined;
  /** The group a new key joins (given, or Signet's own for the profile), when it exists. */
  groupBefore: KeyGroupState | undefined;
  /** The profile's key id before this run. */
  currentKeyId: string | undefined;
  keyType: SigningKeyType;
  account: string;
  now: Date;
}

export const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
export const NEW_ID = (what: string) => `<new ${what} id>`;
