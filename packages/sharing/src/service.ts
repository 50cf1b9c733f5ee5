// createSharingService: the composition root of the sharing engine. It wires the profile
// store, the keychain, credentials, uploads, signing, link checks and the history into the
// SharingService contract (api.ts) that the desktop app, the CLI and the bridge call.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { DeleteObjectCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import {
  describeCloudFrontKey,
  parseCloudFrontPrivateKey,
  parseExpiry,
  parseObjectRef,
  renderKeyTemplate,
  type Profile,
  type SignedLink,
} from '@signet/core';
import type {
  AwsSecretInput,
  LinkCheckResult,
  LinkOptions,
  LinkRecord,
  LinkRequest,
  LinkResult,
  LinkSource,
  ProfileSummary,
  ShareRequest,
  ShareResult,
  SharingService,
} from './api.js';
import { checkLink } from './check/index.js';
import { resolveCredentials } from './credentials/index.js';
import { SharingError, toUserMessage } from './errors.js';
import { LinkHistory } from './history/index.js';
import { resolveSignetPaths, type SignetPaths } from './paths.js';
import { ProfileStore } from './profiles/index.js';
import { SecretStore } from './secrets/index.js';
import { createProfileSigner } from './share/index.js';
import { collectFiles, createS3Client, uploadFile } from './upload/index.js';

export interface SharingServiceOptions {
  paths?: SignetPaths;
  secrets?: SecretStore;
  /** The clock (tests fix it). */
  now?: () => Date;
  /** Upload tuning (tests use small parts). */
  upload?: { partSize?: number; queueSize?: number };
}

export function createSharingService(options: SharingServiceOptions = {}): SharingService {
  const paths = options.paths ?? resolveSignetPaths();
  const secrets = options.secrets ?? new SecretStore();
  const profiles = new ProfileStore(paths.configDir);
  const history = new LinkHistory(paths.dataDir, secrets);
  const now = options.now ?? (() => new Date());

  // Keychain reads cost a D-Bus round trip each: a right-click in the browser should not pay
  // several. Signers (credentials + parsed key) and "is a secret stored" answers are kept for a
  // minute, keyed by the profile's content, and dropped whenever this process changes a profile
  // or a secret. Another process's change is seen within a minute.
  const TTL_MS = 60_000;
  const signers = new Map<string, { at: number; profile: string; signer: ReturnType<typeof createProfileSigner> }>();
  const presence = new Map<string, { at: number; aws: boolean; cf: boolean }>();
  const forget = (id: string) => {
    signers.delete(id);
    presence.delete(id);
  };
  function signerFor(profile: Profile): ReturnType<typeof createProfileSigner> {
    const key = JSON.stringify(profile);
    const hit = signers.get(profile.id);
    if (hit && hit.profile === key && Date.now() - hit.at < TTL_MS) return hit.signer;
    const signer = createProfileSigner(profile, secrets);
    signers.set(profile.id, { at: Date.now(), profile: key, signer });
    return signer;
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

  async function pickProfile(id?: string): Promise<Profile> {
    if (id) return profiles.get(id);
    const { profiles: all, defaultId } = await profiles.list();
    const p = all.find((x) => x.id === defaultId);
    if (!p) throw new SharingError('NO_PROFILE', 'No profile yet. Create one with: signet profile add <name> --bucket <bucket> (or in the desktop app\'s Settings).');
    return p;
  }

  function expiryFor(profile: Profile, expires: string | undefined, at: Date): Date {
    return parseExpiry(expires ?? profile.defaultExpiry, at);
  }

  async function record(
    profile: Profile,
    key: string,
    link: SignedLink,
    options: LinkOptions,
    source: LinkSource,
    file?: { name: string; size: number },
  ): Promise<LinkResult> {
    const id = randomUUID();
    const method = options.method ?? 'GET';
    const { startAt, ...rest } = options;
    const entry: LinkRecord = {
      id,
      createdAt: now().toISOString(),
      source,
      profileId: profile.id,
      kind: link.kind,
      method,
      bucket: profile.bucket,
      key,
      options: { ...rest, ...(startAt ? { startAt: startAt.toISOString() } : {}) },
      expiresAt: link.expiresAt.toISOString(),
      effectiveExpiresAt: link.effectiveExpiresAt.toISOString(),
      warnings: link.warnings,
      ...(file ? { file } : {}),
    };
    await history.append(entry, link.url);
    return {
      id,
      url: link.url,
      kind: link.kind,
      method,
      profileId: profile.id,
      bucket: profile.bucket,
      key,
      expiresAt: entry.expiresAt,
      effectiveExpiresAt: entry.effectiveExpiresAt,
      warnings: link.warnings,
    };
  }

  async function signAndRecord(profile: Profile, key: string, expires: string | undefined, options: LinkOptions, source: LinkSource, check: boolean | undefined, file?: { name: string; size: number }) {
    const at = now();
    let link: SignedLink;
    try {
      link = await signerFor(profile).sign({ key, expiresAt: expiryFor(profile, expires, at), now: at, options });
    } catch (e) {
      forget(profile.id); // a failed credential or key load must not be cached
      throw e;
    }
    const result = await record(profile, key, link, options, source, file);
    if (check) result.check = await checkLink(result.url, { method: result.method });
    return result;
  }

  return {
    async listProfiles() {
      const { profiles: all, defaultId } = await profiles.list();
      return Promise.all(all.map((p) => summary(p, defaultId)));
    },
    async getProfile(id) {
      const { defaultId } = await profiles.list();
      return summary(await profiles.get(id), defaultId);
    },
    async saveProfile(input) {
      const p = await profiles.save(input);
      forget(p.id);
      const { defaultId } = await profiles.list();
      return summary(p, defaultId);
    },
    async removeProfile(id) {
      await profiles.get(id);
      forget(id);
      await secrets.deleteProfileSecrets(id);
      await profiles.remove(id);
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
      let pem: string;
      try {
        pem = await readFile(pemPath, 'utf8');
      } catch (e) {
        throw new SharingError('FILE_UNREADABLE', `${pemPath} cannot be read (${(e as NodeJS.ErrnoException).code}). Give the path to your CloudFront private key PEM.`);
      }
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
      try {
        const client = createS3Client(profile, await resolveCredentials(profile, secrets));
        await client.send(new HeadBucketCommand({ Bucket: profile.bucket }));
        return { status: 'ok', ok: true, message: `Connected: bucket "${profile.bucket}" is reachable with these credentials.` } satisfies LinkCheckResult;
      } catch (e) {
        const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const m = toUserMessage(e);
        const kind = status === 404 ? 'no-such-bucket' : status === 403 ? 'access-denied' : m.code === 'SERVER_UNREACHABLE' ? 'unreachable' : 'unexpected';
        const message = status === 404 ? `The bucket "${profile.bucket}" does not exist on this endpoint. Check the bucket name, region and endpoint.` : m.message;
        return { status: kind, ok: false, message, ...(status ? { httpStatus: status } : {}) } satisfies LinkCheckResult;
      }
    },

    async share(request: ShareRequest): Promise<ShareResult> {
      const profile = await pickProfile(request.profileId);
      const linkOptions = request.options ?? {};
      // Everything that can be checked before uploading is checked first: nothing half-done.
      expiryFor(profile, request.expires, now());
      const files = await collectFiles(request.paths);
      const credentials = await resolveCredentials(profile, secrets);
      const client = createS3Client(profile, credentials);
      const user = safeUser();
      const links: LinkResult[] = [];
      for (const f of files) {
        if (request.signal?.aborted) throw new SharingError('UPLOAD_CANCELLED', 'The share was cancelled.');
        const key = renderKeyTemplate(profile.keyTemplate, { name: f.name.split('/').pop() ?? f.name, user, now: now(), uuid: randomUUID() });
        await uploadFile({
          client,
          bucket: profile.bucket,
          key,
          filePath: f.path,
          partSize: options.upload?.partSize,
          queueSize: options.upload?.queueSize,
          onProgress: request.onProgress,
          signal: request.signal,
          expected: { size: f.size, mtimeMs: f.mtimeMs },
        });
        links.push(await signAndRecord(profile, key, request.expires, { ...linkOptions, method: 'GET' }, request.source, request.check, { name: f.name, size: f.size }));
      }
      return { links };
    },

    async link(request: LinkRequest): Promise<LinkResult> {
      const { profiles: all, defaultId } = await profiles.list();
      const ref = parseObjectRef(request.ref, {
        endpoints: all.flatMap((p) => (p.endpoint ? [p.endpoint] : [])),
        cloudFrontDomains: all.flatMap((p) => (p.link.kind === 'cloudfront' ? [p.link.domain] : [])),
      });
      if (ref.kind === 's3-prefix') {
        throw new SharingError('NOTHING_TO_SHARE', `s3://${ref.bucket}/${ref.prefix} is a bucket or folder, not an object. Pick a file.`);
      }
      const matches =
        ref.kind === 's3'
          ? all.filter((p) => p.bucket === ref.bucket)
          : all.filter((p) => p.link.kind === 'cloudfront' && p.link.domain === ref.domain);
      const profile = request.profileId ? await profiles.get(request.profileId) : (matches.find((p) => p.id === defaultId) ?? matches[0]);
      if (!profile) {
        const where = ref.kind === 's3' ? `bucket "${ref.bucket}"` : `CloudFront domain "${ref.domain}"`;
        throw new SharingError('NO_PROFILE_FOR_OBJECT', `No profile covers the ${where}. Add a profile for it (signet profile add, or Settings in the desktop app).`);
      }
      let key: string;
      if (ref.kind === 's3') {
        if (ref.bucket !== profile.bucket) throw new SharingError('NO_PROFILE_FOR_OBJECT', `Profile "${profile.id}" is for bucket "${profile.bucket}", not "${ref.bucket}".`);
        key = ref.key;
      } else {
        if (profile.link.kind !== 'cloudfront' || profile.link.domain !== ref.domain) {
          throw new SharingError('NO_PROFILE_FOR_OBJECT', `Profile "${profile.id}" does not serve the CloudFront domain "${ref.domain}".`);
        }
        const origin = (profile.link.originPath ?? '').replace(/^\/+|\/+$/g, '');
        key = origin ? `${origin}/${ref.path}` : ref.path;
      }
      return signAndRecord(profile, key, request.expires, request.options ?? {}, request.source, request.check);
    },

    checkLink: (url, method) => checkLink(url, { method: method ?? 'GET' }),

    listLinks: (query) => history.list(query ?? {}, now()),
    getLinkUrl: (id) => history.getUrl(id),
    async renewLink(id, expires, source) {
      const old = await history.get(id);
      const profile = await profiles.get(old.profileId);
      const { startAt, ...rest } = old.options;
      const options: LinkOptions = { ...rest, ...(startAt ? { startAt: new Date(startAt) } : {}) };
      if (options.startAt && options.startAt.getTime() < now().getTime()) delete options.startAt;
      return signAndRecord(profile, old.key, expires, options, source ?? old.source, false, old.file);
    },
    async describeRevocation(id) {
      const r = await history.get(id);
      if (r.kind === 'cloudfront') {
        return {
          canDeleteObject: true,
          message:
            'A CloudFront signed URL stays valid until it expires. To stop it now: delete the object (this link and every other link to it stop working), or remove the signing public key from the trusted key group (every link signed with that key stops working).',
        };
      }
      return {
        canDeleteObject: true,
        message:
          'A presigned S3 link cannot be revoked on its own: it works until it expires. To stop it now, delete the object (every link to it stops working), or deactivate the access key that signed it (every link it signed stops working).',
      };
    },
    async revokeLink(id, { deleteObject }) {
      const r = await history.get(id);
      if (r.revokedAt) return r;
      if (!deleteObject) return history.markRevoked(r.id, 'marked revoked (the object was kept, so the link works until it expires)', now());
      const profile = await profiles.get(r.profileId);
      const client = createS3Client(profile, await resolveCredentials(profile, secrets));
      try {
        await client.send(new DeleteObjectCommand({ Bucket: r.bucket, Key: r.key }));
      } catch (e) {
        throw new SharingError('ACCESS_DENIED', `The object could not be deleted: ${toUserMessage(e).message}`, { cause: e });
      }
      return history.markRevoked(r.id, `object deleted: s3://${r.bucket}/${r.key}`, now());
    },
    pruneExpired: () => history.prune(now()),
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'user';
  }
}
