// createSharingService: the composition root of the sharing engine. It wires the profile
// store, the keychain, credentials, uploads, signing, link checks and the history into the
// SharingService contract (api.ts) that the desktop app, the CLI and the bridge call.
import { userInfo } from 'node:os';
import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { describeCloudFrontKey, parseCloudFrontPrivateKey, type Profile } from '@signet/core';
import type { AwsSecretInput, LinkCheckResult, ProfileSummary, SharingService } from './api.js';
import { checkLink } from './check/index.js';
import { createCloudFrontTools } from './cloudfront-tools.js';
import { resolveCredentials } from './credentials/index.js';
import { httpStatusOf, isSharingError, SharingError, toUserMessage } from './errors.js';
import { LinkHistory } from './history/index.js';
import { resolveSignetPaths, type SignetPaths } from './paths.js';
import { ProfileStore } from './profiles/index.js';
import { readKeyFile } from './profiles/read-key-file.js';
import { saveProfile } from './profiles/save-profile.js';
import { SecretStore } from './secrets/index.js';
import {
  createProfileSigner,
  describeRevocation,
  linkObject,
  renewLink,
  revokeLink,
  shareFiles,
  type SharingContext,
} from './share/index.js';
import { createS3Client } from './upload/index.js';
import { explainBucketRefusal } from './upload/explain-refusal.js';

export interface SharingServiceOptions {
  paths?: SignetPaths;
  secrets?: SecretStore;
  /** The clock (tests fix it). */
  now?: () => Date;
  /** Upload tuning (tests use small parts). */
  upload?: { partSize?: number; queueSize?: number };
  /** Environment for the AWS default credential chain (AWS_*); default: process.env. */
  env?: NodeJS.ProcessEnv;
}

export function createSharingService(options: SharingServiceOptions = {}): SharingService {
  const paths = options.paths ?? resolveSignetPaths();
  const secrets = options.secrets ?? new SecretStore();
  const profiles = new ProfileStore(paths.configDir);
  const history = new LinkHistory(paths.dataDir, secrets);
  const now = options.now ?? (() => new Date());
  const env = options.env ?? process.env;

  // Keychain reads cost a D-Bus round trip each: a right-click in the browser should not pay
  // several. Signers (credentials + parsed key) and "is a secret stored" answers are kept for a
  // minute, keyed by the profile's content, and dropped whenever this process changes a profile
  // or a secret. Another process's change is seen within a minute.
  const TTL_MS = 60_000;
  const signers = new Map<string, { at: number; profile: string; signer: ReturnType<typeof createProfileSigner> }>();
  const presence = new Map<string, { at: number; aws: boolean; cf: boolean }>();
  const clients = new Map<string, { at: number; profile: string; client: Promise<S3Client> }>();
  const forget = (id: string) => {
    signers.delete(id);
    presence.delete(id);
    clients.delete(id);
  };
  // One S3 client per profile (its credentials, its sockets kept alive) for a minute too.
  function clientFor(profile: Profile): Promise<S3Client> {
    const key = JSON.stringify(profile);
    const hit = clients.get(profile.id);
    if (hit && hit.profile === key && Date.now() - hit.at < TTL_MS) return hit.client;
    const client = resolveCredentials(profile, secrets, env).then((c) => createS3Client(profile, c));
    client.catch(() => clients.delete(profile.id));
    clients.set(profile.id, { at: Date.now(), profile: key, client });
    return client;
  }
  function signerFor(profile: Profile): ReturnType<typeof createProfileSigner> {
    const key = JSON.stringify(profile);
    const hit = signers.get(profile.id);
    if (hit && hit.profile === key && Date.now() - hit.at < TTL_MS) return guardLocked(profile, hit.signer);
    const signer = createProfileSigner(profile, secrets, env);
    signers.set(profile.id, { at: Date.now(), profile: key, signer });
    return guardLocked(profile, signer);
  }
  // A cached signer holds secrets read from the keychain: without this, a keychain locked
  // afterwards (screen lock, "Lock" in the password manager) went unnoticed by a running
  // `signet serve` or desktop app, which kept signing for up to a minute (docs/security.md,
  // item 8). So a profile whose secrets are in the keychain asks the keychain before signing —
  // at most once a second, so a batch of links pays one D-Bus round trip, not one each — and a
  // locked keychain drops the cached signer and fails with KEYCHAIN_LOCKED.
  const lastProbe = new Map<string, number>();
  function guardLocked(
    profile: Profile,
    signer: ReturnType<typeof createProfileSigner>,
  ): ReturnType<typeof createProfileSigner> {
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
            forget(profile.id);
            lastProbe.delete(profile.id);
            throw e;
          }
          lastProbe.set(profile.id, Date.now());
        }
        return signer.sign(request);
      },
    };
  }

  const safeHas = (fn: () => Promise<boolean>) => fn().catch(() => false);
  async function summary(p: Profile, defaultId: string | undefined): Promise<ProfileSummary> {
    let known = presence.get(p.id);
    if (!known || Date.now() - known.at >= TTL_MS) {
      known = {
        at: Date.now(),
        aws: p.credentials.source === 'keychain' ? await safeHas(() => secrets.hasAwsSecret(p.id)) : false,
        cf: p.link.kind === 'cloudfront' ? await safeHas(() => secrets.hasCloudFrontKey(p.id)) : false,
      };
      presence.set(p.id, known);
    }
    return {
      profile: p,
      isDefault: p.id === defaultId,
      hasAwsSecret: p.credentials.source === 'keychain' && known.aws,
      hasCloudFrontKey: p.link.kind === 'cloudfront' && known.cf,
    };
  }

  const ctx: SharingContext = {
    profiles,
    secrets,
    history,
    now,
    signerFor,
    clientFor,
    forget,
    upload: options.upload,
    user: safeUser(),
  };

  return {
    async listProfiles() {
      const { profiles: all, defaultId } = await profiles.list();
      return Promise.all(all.map((p) => summary(p, defaultId)));
    },
    async getProfile(id) {
      const { defaultId } = await profiles.list();
      return summary(await profiles.get(id), defaultId);
    },
    async saveProfile(input, given) {
      const p = await saveProfile({ profiles, secrets, forget }, input, given);
      const { defaultId } = await profiles.list();
      return summary(p, defaultId);
    },
    async removeProfile(id) {
      const p = await profiles.get(id);
      forget(id);
      let keychainCleared = true;
      try {
        await secrets.deleteProfileSecrets(id);
      } catch (e) {
        // A profile that stores no secret (AWS profile / default chain, S3 links) can be removed
        // without a keychain. One that may hold a secret cannot: it would be left behind.
        const storesSecrets = p.credentials.source === 'keychain' || p.link.kind === 'cloudfront';
        if (storesSecrets || !(isSharingError(e, 'KEYCHAIN_UNAVAILABLE') || isSharingError(e, 'KEYCHAIN_LOCKED')))
          throw e;
        keychainCleared = false;
      }
      // Links of this profile that carried a session token keep their URL in the keychain:
      // working credentials of a profile that is gone. They go with it (or are counted as left).
      const linkUrls = await history.deleteKeychainUrlsOf(id).catch(() => 'unknown' as const);
      await profiles.remove(id);
      return { keychainCleared, linkUrls };
    },
    async setDefaultProfile(id) {
      await profiles.setDefault(id);
    },
    async setAwsSecret(profileId: string, secret: AwsSecretInput) {
      await profiles.get(profileId);
      if (!secret.accessKeyId?.trim() || !secret.secretAccessKey?.trim()) {
        throw new SharingError('CREDENTIALS_REJECTED', 'Both the access key id and the secret access key are needed.');
      }
      forget(profileId);
      await secrets.setAwsSecret(profileId, secret);
    },
    async importCloudFrontKey(profileId, pemPath, passphrase) {
      await profiles.get(profileId);
      const pem = await readKeyFile(pemPath);
      parseCloudFrontPrivateKey(pem, passphrase); // validate before anything is stored
      forget(profileId);
      const key = await secrets.setCloudFrontKey(profileId, pem, passphrase);
      return {
        keyType: describeCloudFrontKey(key),
        message: `The ${describeCloudFrontKey(key)} key is now in your keychain for profile "${profileId}". Signet did not change ${pemPath}; you can delete it now (keep a backup somewhere safe if you need one).`,
      };
    },
    async testProfile(id) {
      const profile = await profiles.get(id);
      let client: S3Client | undefined;
      try {
        client = createS3Client(profile, await resolveCredentials(profile, secrets, env));
        await client.send(new HeadBucketCommand({ Bucket: profile.bucket }));
        return {
          status: 'ok',
          ok: true,
          message: `Connected: bucket "${profile.bucket}" is reachable with these credentials.`,
        } satisfies LinkCheckResult;
      } catch (e) {
        const status = httpStatusOf(e);
        if (status === 403 && client) return explainBucketRefusal(client, profile.bucket);
        const m = toUserMessage(e);
        const kind =
          status === 404
            ? 'no-such-bucket'
            : status === 403
              ? 'access-denied'
              : m.code === 'SERVER_UNREACHABLE'
                ? 'unreachable'
                : 'unexpected';
        const message =
          status === 404
            ? `The bucket "${profile.bucket}" does not exist on this endpoint. Check the bucket name, region and endpoint.`
            : m.message;
        return {
          status: kind,
          ok: false,
          message,
          ...(status ? { httpStatus: status } : {}),
        } satisfies LinkCheckResult;
      }
    },

    share: (request) => shareFiles(ctx, request),
    link: (request) => linkObject(ctx, request),
    checkLink: (url, method, headers) => checkLink(url, { method: method ?? 'GET', ...(headers ? { headers } : {}) }),

    listLinks: (query) => history.list(query ?? {}, now()),
    getLinkUrl: (id) => history.getUrl(id),
    renewLink: (id, expires, source) => renewLink(ctx, id, expires, source),
    describeRevocation: (id) => describeRevocation(ctx, id),
    revokeLink: (id, o) => revokeLink(ctx, id, o),
    pruneExpired: () => history.prune(now()),
    historyHealth: () => history.inspect(now()),

    ...createCloudFrontTools({ profiles, secrets, history, env, now, forget }),
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'user';
  }
}
