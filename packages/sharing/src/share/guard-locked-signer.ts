// A cached signer holds secrets read from the keychain: without this, a keychain locked
// afterwards (screen lock, "Lock" in the password manager) went unnoticed by a running
// `signet serve` or desktop app, which kept signing for up to a minute (docs/security.md,
// item 8). So a profile whose secrets are in the keychain asks the keychain before signing —
// at most once a second, so a batch of links pays one D-Bus round trip, not one each — and a
// locked keychain drops the cached signer and fails with KEYCHAIN_LOCKED.
import type { Profile } from '@signet/core';
import type { SecretStore } from '../secrets/index.js';
import type { ProfileSigner } from './profile-signer.js';

export function guardLockedSigner(
  deps: { secrets: SecretStore; forget(profileId: string): void; lastProbe: Map<string, number> },
  profile: Profile,
  signer: ProfileSigner,
): ProfileSigner {
  const { secrets, lastProbe } = deps;
  const inKeychain = profile.credentials.source === 'keychain' || profile.link.kind === 'cloudfront';
  if (!inKeychain) return signer;
  return {
    ...signer,
    async sign(request) {
      if (Date.now() - (lastProbe.get(profile.id) ?? 0) >= 1000) {
        try {
          await (profile.credentials.source === 'keychain'
            ? secrets.hasAwsSecret(profile.id)
            : secrets.hasCloudFrontKey(profile.id));
        } catch (e) {
          deps.forget(profile.id);
          lastProbe.delete(profile.id);
          throw e;
        }
        lastProbe.set(profile.id, Date.now());
      }
      return signer.sign(request);
    },
  };
}
