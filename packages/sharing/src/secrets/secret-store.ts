// Secrets live only in the OS keychain (macOS Keychain, Windows Credential Manager, Linux
// Secret Service) through @napi-rs/keyring, never in a file: AWS keys (+ session token) and the
// CloudFront private key PEM (+ passphrase) per profile, and the URLs of links that embed a
// session token. On Linux the Secret Service store is pinned: no silent keyutils fallback.
// Nothing read from the keychain is ever quoted in an error.
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { parseCloudFrontPrivateKey, type AwsCredentials, type CloudFrontPrivateKey } from '@signet/core';
import { z } from 'zod';
import type { AwsSecretInput } from '../api.js';
import { SharingError } from '../errors.js';
import { toKeychainError } from './keychain-error.js';

export interface SecretStoreOptions {
  /** Keychain service name (default `Signet`); tests use their own. */
  service?: string;
}

/** Pinned: without it keyring-rs falls back to the kernel keyring, which a reboot wipes. */
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

const storedAwsSchema = z.object({
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  sessionToken: z.string().min(1).optional(),
  expiration: z.iso.datetime({ offset: true }).optional(),
});
type StoredAws = z.infer<typeof storedAwsSchema>;

const awsInputSchema = z.object({
  accessKeyId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_+=.@-]{3,128}$/, 'the access key id looks wrong (e.g. AKIAIOSFODNN7EXAMPLE)'),
  secretAccessKey: z.string().trim().min(1, 'the secret access key is empty').max(4096),
  sessionToken: z.string().trim().max(8192).optional(),
  expiration: z.iso
    .datetime({ offset: true, error: 'the expiration must be an ISO-8601 date-time, e.g. 2030-01-01T00:00:00Z' })
    .optional(),
});

/** Keychain account names, one per secret kind (`secret-tool lookup service Signet username <account>`). */
export const secretAccounts = {
  aws: (profileId: string) => `profile:${profileId}:aws`,
  cloudFrontKey: (profileId: string) => `profile:${profileId}:cloudfront-key`,
  cloudFrontPassphrase: (profileId: string) => `profile:${profileId}:cloudfront-passphrase`,
  link: (linkId: string) => `link:${linkId}`,
};

export class SecretStore {
  readonly service: string;
  constructor(options: SecretStoreOptions = {}) {
    this.service = options.service ?? 'Signet';
  }

  private entry(account: string): AsyncEntry {
    return new AsyncEntry(this.service, account, ENTRY_OPTIONS);
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

  /** Deleting what is not there is a no-op; a keychain that cannot delete is an error. */
  private async remove(account: string): Promise<void> {
    try {
      await this.entry(account).deletePassword();
    } catch (e) {
      throw toKeychainError(e);
    }
  }

  /** Stores a profile's AWS access key (+ session token and its expiry), checked first. */
  async setAwsSecret(profileId: string, s: AwsSecretInput): Promise<void> {
    const r = awsInputSchema.safeParse(s);
    if (!r.success) {
      // zod issues name the field and the rule; they never quote the input value.
      const why = r.error.issues.map((i) => i.message).join('; ');
      throw new SharingError('SECRET_INVALID', `These AWS credentials cannot be stored: ${why}.`);
    }
    const value: StoredAws = { accessKeyId: r.data.accessKeyId, secretAccessKey: r.data.secretAccessKey };
    if (r.data.sessionToken) value.sessionToken = r.data.sessionToken;
    if (r.data.expiration) value.expiration = new Date(r.data.expiration).toISOString();
    await this.set(secretAccounts.aws(profileId), JSON.stringify(value));
  }

  async getAwsCredentials(profileId: string): Promise<AwsCredentials | null> {
    const raw = await this.get(secretAccounts.aws(profileId));
    if (raw === null) return null;
    const v = parseStoredAws(raw);
    if (!v) {
      // JSON.parse and zod messages could quote the value: say only which item is damaged.
      throw new SharingError(
        'SECRET_INVALID',
        `The AWS credentials stored for profile "${profileId}" in the keychain are damaged. Enter them again (signet profile set-secret ${profileId}, or the desktop app's Settings).`,
      );
    }
    return {
      accessKeyId: v.accessKeyId,
      secretAccessKey: v.secretAccessKey,
      ...(v.sessionToken ? { sessionToken: v.sessionToken } : {}),
      ...(v.expiration ? { expiration: new Date(v.expiration) } : {}),
    };
  }

  async hasAwsSecret(profileId: string): Promise<boolean> {
    return (await this.get(secretAccounts.aws(profileId))) !== null;
  }

  /** Validates the PEM (and passphrase) first: a key that cannot sign is never stored. */
  async setCloudFrontKey(profileId: string, pem: string, passphrase?: string): Promise<CloudFrontPrivateKey> {
    const key = parseCloudFrontPrivateKey(pem, passphrase);
    // Passphrase first: a reader never finds an encrypted key without the passphrase it needs
    // (the old passphrase of an old unencrypted key is harmless).
    if (passphrase) await this.set(secretAccounts.cloudFrontPassphrase(profileId), passphrase);
    await this.set(secretAccounts.cloudFrontKey(profileId), pem.trim());
    if (!passphrase) await this.remove(secretAccounts.cloudFrontPassphrase(profileId));
    return key;
  }

  async getCloudFrontKey(profileId: string): Promise<CloudFrontPrivateKey | null> {
    const pem = await this.get(secretAccounts.cloudFrontKey(profileId));
    if (pem === null) return null;
    const passphrase = await this.get(secretAccounts.cloudFrontPassphrase(profileId));
    // core's key errors say what is wrong with the key and never quote it.
    return parseCloudFrontPrivateKey(pem, passphrase ?? undefined);
  }

  /** Forgets a profile's CloudFront key and passphrase (a set-up rolled back), nothing else. */
  async deleteCloudFrontKey(profileId: string): Promise<void> {
    await this.remove(secretAccounts.cloudFrontKey(profileId));
    await this.remove(secretAccounts.cloudFrontPassphrase(profileId));
  }

  async hasCloudFrontKey(profileId: string): Promise<boolean> {
    return (await this.get(secretAccounts.cloudFrontKey(profileId))) !== null;
  }

  /**
   * The profile's keychain entries as they are now, to put back (or remove) if a change that
   * stored new ones fails. The values stay in the closure: nothing to print or serialise.
   */
  async snapshotProfileSecrets(profileId: string): Promise<{ restore(): Promise<void> }> {
    const accounts = [secretAccounts.aws, secretAccounts.cloudFrontKey, secretAccounts.cloudFrontPassphrase].map(
      (account) => account(profileId),
    );
    const values = await Promise.all(accounts.map((a) => this.get(a)));
    return {
      restore: async () => {
        for (const [i, account] of accounts.entries()) {
          const value = values[i];
          if (value === null || value === undefined) await this.remove(account);
          else await this.set(account, value);
        }
      },
    };
  }

  /** Forgets every secret of a profile (AWS keys, CloudFront key and passphrase). */
  async deleteProfileSecrets(profileId: string): Promise<void> {
    await this.remove(secretAccounts.aws(profileId));
    await this.remove(secretAccounts.cloudFrontKey(profileId));
    await this.remove(secretAccounts.cloudFrontPassphrase(profileId));
  }

  /** URLs that embed a session token (X-Amz-Security-Token) are kept here, not in the history file. */
  async setLinkSecret(linkId: string, url: string): Promise<void> {
    await this.set(secretAccounts.link(linkId), url);
  }
  async getLinkSecret(linkId: string): Promise<string | null> {
    return this.get(secretAccounts.link(linkId));
  }
  async deleteLinkSecret(linkId: string): Promise<void> {
    await this.remove(secretAccounts.link(linkId));
  }
}

function parseStoredAws(raw: string): StoredAws | null {
  try {
    const r = storedAwsSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
