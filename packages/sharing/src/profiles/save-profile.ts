// "Add a profile with its secret", once for every client (CLI `profile add`, the desktop form).
// Everything that can be refused is checked before anything is stored; the secrets go to the
// keychain first (a keychain profile is never saved without the key it was given), the profile
// next; if that save fails the keychain is put back exactly as it was.
import { parseCloudFrontPrivateKey, parseProfile, type Profile } from '@signet/core';
import type { ProfileSecretsInput } from '../api.js';
import { SharingError } from '../errors.js';
import type { SecretStore } from '../secrets/index.js';
import type { ProfileStore } from './profile-store.js';
import { readKeyFile } from './read-key-file.js';

export interface SaveProfileDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  /** Drops whatever is cached for the profile (signers, clients, "has a key" answers). */
  forget(profileId: string): void;
}

export async function saveProfile(
  deps: SaveProfileDeps,
  input: unknown,
  given: ProfileSecretsInput = {},
): Promise<Profile> {
  const profile = parseProfile(input);
  if (given.aws && profile.credentials.source !== 'keychain') {
    throw new SharingError(
      'SECRET_INVALID',
      `Profile "${profile.id}" takes its credentials from ${profile.credentials.source === 'aws-profile' ? `the AWS profile "${profile.credentials.awsProfile}"` : 'the AWS default chain'}, so Signet keeps no access key for it. Leave the key out, or switch the profile to keychain credentials.`,
    );
  }
  if (given.cloudFront && profile.link.kind !== 'cloudfront') {
    throw new SharingError(
      'SECRET_INVALID',
      `Profile "${profile.id}" makes S3 links, so it has no use for a CloudFront key. Leave the key out, or set the profile's CloudFront distribution.`,
    );
  }
  const pem = given.cloudFront ? await readKeyFile(given.cloudFront.pemPath) : undefined;
  if (pem !== undefined) parseCloudFrontPrivateKey(pem, given.cloudFront?.passphrase); // refused before anything is stored
  if (!given.aws && pem === undefined) {
    deps.forget(profile.id);
    return deps.profiles.save(profile);
  }

  const before = await deps.secrets.snapshotProfileSecrets(profile.id);
  deps.forget(profile.id);
  try {
    if (given.aws) await deps.secrets.setAwsSecret(profile.id, given.aws);
    if (pem !== undefined) await deps.secrets.setCloudFrontKey(profile.id, pem, given.cloudFront?.passphrase);
    return await deps.profiles.save(profile);
  } catch (e) {
    // The first error is the one to report; a keychain that also fails to restore adds nothing a user can act on.
    await before.restore().catch(() => undefined);
    throw e;
  } finally {
    deps.forget(profile.id);
  }
}
