// createSharingService: the composition root of the sharing engine. It wires the profile
// store, the keychain, credentials, uploads, signing, link checks and the history into the
// SharingService contract (api.ts) that the desktop app, the CLI and the bridge call.
import { userInfo } from 'node:os';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Profile } from '@signet/core';
import type { SharingService } from './api.js';
import { TtlCache } from './cache/ttl-cache.js';
import { checkLink } from './check/index.js';
import { createCloudFrontTools } from './cloudfront-tools.js';
import { resolveCredentials } from './credentials/index.js';
import { LinkHistory } from './history/index.js';
import { resolveSignetPaths, type SignetPaths } from './paths.js';
import { ProfileStore } from './profiles/index.js';
import { removeProfile } from './profiles/remove-profile.js';
import { saveProfile } from './profiles/save-profile.js';
import { importCloudFrontKey, setAwsSecret } from './profiles/set-profile-secrets.js';
import { summarizeProfile, type SecretPresence } from './profiles/summarize-profile.js';
import { testProfile } from './profiles/test-profile.js';
import { SecretStore } from './secrets/index.js';
import {
  createProfileSigner,
  describeRevocation,
  linkObject,
  renewLink,
  revokeLink,
  shareFiles,
  type ProfileSigner,
  type SharingContext,
  UnfinishedUploads,
  abortUnfinishedUploads,
} from './share/index.js';
import { guardLockedSigner } from './share/guard-locked-signer.js';
import { createS3Client } from './upload/index.js';

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
  // several. Signers (credentials + parsed key), S3 clients (their credentials, their sockets kept
  // alive) and "is a secret stored" answers are kept for a minute, keyed by the profile's content,
  // and dropped whenever this process changes a profile or a secret. Another process's change is
  // seen within a minute.
  const TTL_MS = 60_000;
  const signers = new TtlCache<ProfileSigner>(TTL_MS);
  const clients = new TtlCache<Promise<S3Client>>(TTL_MS);
  const presence = new TtlCache<SecretPresence>(TTL_MS);
  const forget = (id: string) => {
    signers.delete(id);
    presence.delete(id);
    clients.delete(id);
  };
  function clientFor(profile: Profile): Promise<S3Client> {
    return clients.getOrCreate(profile.id, JSON.stringify(profile), () => {
      const client = resolveCredentials(profile, secrets, env).then((c) => createS3Client(profile, c));
      client.catch(() => clients.delete(profile.id));
      return client;
    });
  }
  const lastProbe = new Map<string, number>();
  function signerFor(profile: Profile): ProfileSigner {
    const signer = signers.getOrCreate(profile.id, JSON.stringify(profile), () =>
      createProfileSigner(profile, secrets, env),
    );
    return guardLockedSigner({ secrets, forget, lastProbe }, profile, signer);
  }
  const summary = (p: Profile, defaultId: string | undefined) =>
    summarizeProfile({ secrets, known: presence }, p, defaultId);

  const unfinished = new UnfinishedUploads(paths.dataDir);
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
    unfinished,
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
    removeProfile: (id) => removeProfile({ profiles, secrets, history, forget }, id),
    async setDefaultProfile(id) {
      await profiles.setDefault(id);
    },
    setAwsSecret: (profileId, secret) => setAwsSecret({ profiles, secrets, forget }, profileId, secret),
    importCloudFrontKey: (profileId, pemPath, passphrase) =>
      importCloudFrontKey({ profiles, secrets, forget }, profileId, pemPath, passphrase),
    async testProfile(id) {
      const check = await testProfile({ profiles, secrets, env }, id);
      if (!check.ok || (await unfinished.forProfile(id)).length === 0) return check;
      // The server answers: uploads a lost connection left unfinished there can be aborted now.
      const cleaned = await clientFor(await profiles.get(id))
        .then((client) => abortUnfinishedUploads(unfinished, id, client))
        .catch(() => undefined);
      return cleaned ? { ...check, message: `${check.message} ${cleaned.message}` } : check;
    },

    share: (request) => shareFiles(ctx, request),
    link: (request) => linkObject(ctx, request),
    checkLink: (url, method, headers) => checkLink(url, { method: method ?? 'GET', ...(headers ? { headers } : {}) }),

    beginBatch: () => {
      const thaw = profiles.freeze();
      const release = history.hold();
      return async () => {
        thaw();
        await release();
      };
    },
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
