// What the share / link / renew / revoke use cases need from the composition root
// (createSharingService): the stores, the clock, cached signers and upload tuning.
import type { S3Client } from '@aws-sdk/client-s3';
import type { Profile } from '@signet/core';
import type { LinkHistory } from '../history/index.js';
import type { ProfileStore } from '../profiles/index.js';
import type { SecretStore } from '../secrets/index.js';
import type { ProfileSigner } from './profile-signer.js';
import type { UnfinishedUploads } from './unfinished-uploads.js';

export interface SharingContext {
  profiles: ProfileStore;
  secrets: SecretStore;
  history: LinkHistory;
  now: () => Date;
  /** The (cached) signer of a profile. */
  signerFor(profile: Profile): ProfileSigner;
  /** The (cached) S3 client of a profile, with its resolved credentials. */
  clientFor(profile: Profile): Promise<S3Client>;
  /** Drops what is cached for a profile (after a failure or a change). */
  forget(profileId: string): void;
  /** Upload tuning; defaults: 8 MiB parts, 10 in flight. */
  upload?: { partSize?: number | undefined; queueSize?: number | undefined } | undefined;
  /** The local user name for `{user}` in key templates. */
  user: string;
  /** Multipart uploads a lost server left behind, aborted at the profile's next share (issue 12). */
  unfinished?: UnfinishedUploads | undefined;
}
