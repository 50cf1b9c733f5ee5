// The profile a request uses: the one named, else the default one.
import type { Profile } from '@signet/core';
import { SharingError } from '../errors.js';
import type { ProfileStore } from '../profiles/index.js';

export async function pickProfile(profiles: ProfileStore, id?: string): Promise<Profile> {
  if (id) return profiles.get(id);
  const { profiles: all, defaultId, missingDefault } = await profiles.list();
  const p = all.find((x) => x.id === defaultId) ?? (all.length === 1 ? all[0] : undefined);
  if (!p) {
    const none = missingDefault ? `The default profile "${missingDefault}" no longer exists.` : 'No default profile.';
    throw new SharingError(
      'NO_PROFILE',
      all.length === 0
        ? "No profile yet. Create one with: signet profile add <name> --bucket <bucket> (or in the desktop app's Settings)."
        : `${none} Pick one with --profile (${all.map((x) => x.id).join(', ')}) or set a default: signet profile default <id>.`,
    );
  }
  return p;
}
