// The share / link / renew / revoke use cases.
export { cloudFrontUrlFor, createProfileSigner, type ProfileSigner, type SignObjectRequest } from './profile-signer.js';
export {
  parseRefForProfiles,
  profileCovers,
  resolveProfileForRef,
  type ObjectLikeRef,
  type ProfileCoverageOptions,
  type ProfileForRef,
} from './resolve-profile-for-ref.js';
export { shareFiles } from './share-files.js';
export { linkObject } from './link-object.js';
export { renewLink } from './renew-link.js';
export { describeRevocation, revokeLink } from './revoke-link.js';
export { pickProfile } from './pick-profile.js';
export type { SharingContext } from './sharing-context.js';
export {
  abortUnfinishedUploads,
  UnfinishedUploads,
  type CleanedUpUploads,
  type UnfinishedUpload,
} from './unfinished-uploads.js';
