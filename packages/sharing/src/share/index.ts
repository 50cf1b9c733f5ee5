// The share / link / renew / revoke use cases.
export { cloudFrontUrlFor, createProfileSigner, type ProfileSigner, type SignObjectRequest } from './profile-signer.js';
