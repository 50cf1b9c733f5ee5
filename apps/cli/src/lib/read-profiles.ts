// The saved profiles, read straight from the profiles file: for `signet link` to find a profile
// that covers a reference without loading the whole sharing engine (keychain, uploads, history).
import type { Profile } from '@signet/core';
import { ProfileStore, resolveSignetPaths } from '@signet/sharing/link-setup';

export async function readProfiles(): Promise<{ profiles: Profile[]; defaultId?: string | undefined }> {
  const { profiles, defaultId } = await new ProfileStore(resolveSignetPaths().configDir).list();
  return { profiles, defaultId };
}
