// Removing a profile takes its secrets with it: its keychain entries, and the keychain URLs of
// its links that carried a session token (working credentials of a profile that is gone).
import type { SharingService } from '../api.js';
import { isSharingError } from '../errors.js';
import type { LinkHistory } from '../history/index.js';
import type { SecretStore } from '../secrets/index.js';
import type { ProfileStore } from './profile-store.js';

export interface RemoveProfileDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  history: LinkHistory;
  forget(profileId: string): void;
}

export async function removeProfile(deps: RemoveProfileDeps, id: string): ReturnType<SharingService['removeProfile']> {
  const { profiles, secrets, history } = deps;
  const p = await profiles.get(id);
  deps.forget(id);
  let keychainCleared = true;
  try {
    await secrets.deleteProfileSecrets(id);
  } catch (e) {
    // A profile that stores no secret (AWS profile / default chain, S3 links) can be removed
    // without a keychain. One that may hold a secret cannot: it would be left behind.
    const storesSecrets = p.credentials.source === 'keychain' || p.link.kind === 'cloudfront';
    if (storesSecrets || !(isSharingError(e, 'KEYCHAIN_UNAVAILABLE') || isSharingError(e, 'KEYCHAIN_LOCKED'))) throw e;
    keychainCleared = false;
  }
  // Links of this profile that carried a session token keep their URL in the keychain:
  // working credentials of a profile that is gone. They go with it (or are counted as left).
  const linkUrls = await history.deleteKeychainUrlsOf(id).catch(() => 'unknown' as const);
  await profiles.remove(id);
  return { keychainCleared, linkUrls };
}
