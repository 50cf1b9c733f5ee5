// A profile with its "has a key" flags, as every client lists it. Whether a secret is stored
// costs a keychain round trip per profile: the answers are kept in `known` (the service's TTL
// cache, dropped when this process changes a secret). A keychain that cannot answer reads as
// "no key", not as an error: listing profiles must work with the keychain away.
import type { Profile } from '@signet/core';
import type { ProfileSummary } from '../api.js';
import type { TtlCache } from '../cache/ttl-cache.js';
import type { SecretStore } from '../secrets/index.js';

export type SecretPresence = { aws: boolean; cf: boolean };

export async function summarizeProfile(
  deps: { secrets: SecretStore; known: TtlCache<SecretPresence> },
  p: Profile,
  defaultId: string | undefined,
): Promise<ProfileSummary> {
  const { secrets } = deps;
  const safeHas = (fn: () => Promise<boolean>) => fn().catch(() => false);
  let known = deps.known.get(p.id);
  if (!known) {
    known = deps.known.set(p.id, {
      aws: p.credentials.source === 'keychain' ? await safeHas(() => secrets.hasAwsSecret(p.id)) : false,
      cf: p.link.kind === 'cloudfront' ? await safeHas(() => secrets.hasCloudFrontKey(p.id)) : false,
    });
  }
  return {
    profile: p,
    isDefault: p.id === defaultId,
    hasAwsSecret: p.credentials.source === 'keychain' && known.aws,
    hasCloudFrontKey: p.link.kind === 'cloudfront' && known.cf,
  };
}
