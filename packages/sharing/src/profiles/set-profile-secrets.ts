// Setting a secret of an existing profile: its AWS access key, or its CloudFront private key
// (validated first: a key that cannot sign is never stored; the PEM file is not touched).
import { describeCloudFrontKey, parseCloudFrontPrivateKey } from '@signet/core';
import type { AwsSecretInput } from '../api.js';
import { SharingError } from '../errors.js';
import type { SecretStore } from '../secrets/index.js';
import type { ProfileStore } from './profile-store.js';
import { readKeyFile } from './read-key-file.js';

export interface ProfileSecretDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  forget(profileId: string): void;
}

export async function setAwsSecret(deps: ProfileSecretDeps, profileId: string, secret: AwsSecretInput): Promise<void> {
  await deps.profiles.get(profileId);
  if (!secret.accessKeyId?.trim() || !secret.secretAccessKey?.trim()) {
    throw new SharingError('CREDENTIALS_REJECTED', 'Both the access key id and the secret access key are needed.');
  }
  deps.forget(profileId);
  await deps.secrets.setAwsSecret(profileId, secret);
}

export async function importCloudFrontKey(
  deps: ProfileSecretDeps,
  profileId: string,
  pemPath: string,
  passphrase?: string,
): Promise<{ keyType: string; message: string }> {
  await deps.profiles.get(profileId);
  const pem = await readKeyFile(pemPath);
  parseCloudFrontPrivateKey(pem, passphrase); // validate before anything is stored
  deps.forget(profileId);
  const key = await deps.secrets.setCloudFrontKey(profileId, pem, passphrase);
  return {
    keyType: describeCloudFrontKey(key),
    message: `The ${describeCloudFrontKey(key)} key is now in your keychain for profile "${profileId}". Signet did not change ${pemPath}; you can delete it now (keep a backup somewhere safe if you need one).`,
  };
}
