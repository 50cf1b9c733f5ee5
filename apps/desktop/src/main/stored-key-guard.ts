// Issue 11 item 16: the key stored for a profile was given by the user for that profile's server
// and bucket only. A draft (Test connection) or a save from the renderer that names another
// endpoint, bucket or region and types no key would make main sign requests with the stored key
// to any host the renderer names (server-side request forgery) and hand back a working link in
// any bucket. So the stored key is only reused for the same server; for another one the user
// types the key again.
import { parseProfile, type Profile } from '@signet/core';
import type { ProfileSecretsInput, SharingService } from '@signet/sharing';
import { DesktopError } from './desktop-error.js';

/** The parts of a profile that decide where its key is sent. */
function serverOf(p: Profile): string {
  const endpoint = p.endpoint ? p.endpoint.replace(/\/+$/, '').toLowerCase() : '';
  return JSON.stringify([endpoint, p.bucket, p.region]);
}

/**
 * Throws NOT_GIVEN_BY_USER when `input` would reuse the stored key of the saved profile with the
 * same id against another endpoint, bucket or region. A draft that does not
 * parse is left to the service, which says what is wrong with it.
 */
export async function refuseStoredKeyElsewhere(
  service: Pick<SharingService, 'getProfile'>,
  input: unknown,
  secrets: ProfileSecretsInput | undefined,
): Promise<void> {
  if (secrets?.aws) return; // the user typed a key for this server
  let draft: Profile;
  try {
    draft = parseProfile(input);
  } catch {
    return;
  }
  if (draft.credentials.source !== 'keychain') return; // the key does not come from Signet's keychain
  const saved = await service.getProfile(draft.id).catch(() => undefined);
  if (!saved?.hasAwsSecret || serverOf(saved.profile) === serverOf(draft)) return;
  throw new DesktopError(
    'NOT_GIVEN_BY_USER',
    `The access key stored for "${saved.profile.name}" was given for ${saved.profile.endpoint ?? 'AWS S3'}, bucket ${saved.profile.bucket}, region ${saved.profile.region} only. To test or save this profile with another endpoint, bucket or region, type the access key and secret again.`,
  );
}
