// Secrets live only in the OS keychain (macOS Keychain, Windows Credential Manager, Linux
// Secret Service) through @napi-rs/keyring, never in a file: AWS keys (+ session token) and the
// CloudFront private key PEM (+ passphrase) per profile, and the URLs of links that embed a
// session token. On Linux the Secret Service store is pinned: no silent keyutils fallback.
import { AsyncEntry } from '@napi-rs/keyring';
import { parseCloudFrontPrivateKey, type AwsCredentials, type CloudFrontPrivateKey } from '@signet/core';
import type { AwsSecretInput } from '../api.js';
import { toKeychainError } from './keychain-error.js';

export interface SecretStoreOptions {
  /** Keychain service name (default `Signet`). */
  service?: string;
}

interface StoredAws {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: string;
}

export class SecretStore {
  private readonly service: string;
  constructor(options: SecretStoreOptions = {}) {
    this.service = options.service ?? 'Signet';
  }

  private entry(account: string): AsyncEntry {
    return new AsyncEntry(this.service, account, { linux: { store: 'secret-service' } } as never);
  }

  private async get(account: string): Promise<string | null> {
    try {
      return (await this.entry(account).getPassword()) ?? null;
    } catch (e) {
      throw toKeychainError(e);
    }
  }

  private async set(account: string, value: string): Promise<void> {
    try {
      await this.entry(account).setPassword(value);
    } catch (e) {
      throw toKeychainError(e);
    }
  }

  private async remove(account: string): Promise<void> {
    try {
      await this.entry(account).deletePassword();
    } catch (e) {
      const err = toKeychainError(e);
      if (err.code === 'KEYCHAIN_LOCKED') throw err;
      // "no entry" is fine: deleting what is not there is a no-op.
    }
  }

  async setAwsSecret(profileId: string, s: AwsSecretInput): Promise<void> {
    const value: StoredAws = { accessKeyId: s.accessKeyId.trim(), secretAccessKey: s.secretAccessKey.trim() };
    if (s.sessionToken) value.sessionToken = s.sessionToken.trim();
    if (s.expiration) value.expiration = s.expiration;
    await this.set(`profile:${profileId}:aws`, JSON.stringify(value));
  }

  async getAwsCredentials(profileId: string): Promise<AwsCredentials | null> {
    const raw = await this.get(`profile:${profileId}:aws`);
    if (!raw) return null;
    const v = JSON.parse(raw) as StoredAws;
    return {
      accessKeyId: v.accessKeyId,
      secretAccessKey: v.secretAccessKey,
      ...(v.sessionToken ? { sessionToken: v.sessionToken } : {}),
      ...(v.expiration ? { expiration: new Date(v.expiration) } : {}),
    };
  }

  async hasAwsSecret(profileId: string): Promise<boolean> {
    return (await this.get(`profile:${profileId}:aws`)) !== null;
  }

  /** Validates the PEM (and passphrase) first: a key that cannot sign is never stored. */
  async setCloudFrontKey(profileId: string, pem: string, passphrase?: string): Promise<CloudFrontPrivateKey> {
    const key = parseCloudFrontPrivateKey(pem, passphrase);
    await this.set(`profile:${profileId}:cloudfront-key`, pem.trim());
    if (passphrase) await this.set(`profile:${profileId}:cloudfront-passphrase`, passphrase);
    else await this.remove(`profile:${profileId}:cloudfront-passphrase`);
    return key;
  }

  async getCloudFrontKey(profileId: string): Promise<CloudFrontPrivateKey | null> {
    const pem = await this.get(`profile:${profileId}:cloudfront-key`);
    if (!pem) return null;
    const passphrase = await this.get(`profile:${profileId}:cloudfront-passphrase`);
    return parseCloudFrontPrivateKey(pem, passphrase ?? undefined);
  }

  async hasCloudFrontKey(profileId: string): Promise<boolean> {
    return (await this.get(`profile:${profileId}:cloudfront-key`)) !== null;
  }

  async deleteProfileSecrets(profileId: string): Promise<void> {
    for (const kind of ['aws', 'cloudfront-key', 'cloudfront-passphrase']) await this.remove(`profile:${profileId}:${kind}`);
  }

  /** URLs that embed a session token (X-Amz-Security-Token) are kept here, not in the history file. */
  async setLinkSecret(linkId: string, url: string): Promise<void> {
    await this.set(`link:${linkId}`, url);
  }
  async getLinkSecret(linkId: string): Promise<string | null> {
    return this.get(`link:${linkId}`);
  }
  async deleteLinkSecret(linkId: string): Promise<void> {
    await this.remove(`link:${linkId}`);
  }
}
