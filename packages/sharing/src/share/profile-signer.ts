// Signs objects of one profile: presigned S3 URLs with the profile's credentials, or CloudFront
// URLs with the key from the keychain. Credentials and keys are loaded once per signer.
import {
  cloudFrontPathWarnings,
  createCloudFrontSigner,
  createS3Presigner,
  resolveS3Target,
  SignetError,
  uriEncodePath,
  type ObjectRef,
  type Profile,
  type S3ObjectRef,
  type S3Presigner,
  type SignedLink,
} from '@signet/core';
import type { LinkOptions } from '../api.js';
import { resolveCredentials } from '../credentials/index.js';
import type { SecretStore } from '../secrets/index.js';

export interface SignObjectRequest {
  key: string;
  /** Default: the profile's bucket. Another bucket is always signed as an S3 URL. */
  bucket?: string | undefined;
  expiresAt: Date;
  now: Date;
  options: LinkOptions;
  /**
   * The reference the object came from, when there is one (a pasted link): a version, endpoint
   * variant or response overrides it carries are kept; a CloudFront URL keeps its own query.
   */
  ref?: Exclude<ObjectRef, { kind: 's3-prefix' }> | undefined;
}

export interface ProfileSigner {
  sign(req: SignObjectRequest): Promise<SignedLink>;
}

/** The CloudFront URL of an S3 key on a distribution with an origin path. */
export function cloudFrontUrlFor(link: Extract<Profile['link'], { kind: 'cloudfront' }>, key: string): string {
  const origin = (link.originPath ?? '').replace(/^\/+|\/+$/g, '');
  if (origin && !key.startsWith(`${origin}/`)) {
    throw new SignetError(
      'URL_OUTSIDE_DISTRIBUTION',
      `The object ${key} is outside the distribution's origin path /${origin}, so CloudFront cannot serve it. Use an S3 link (via S3) or move the object under ${origin}/.`,
    );
  }
  return `https://${link.domain}/${uriEncodePath(origin ? key.slice(origin.length + 1) : key)}`;
}

export function createProfileSigner(
  profile: Profile,
  secrets: SecretStore,
  env: NodeJS.ProcessEnv = process.env,
): ProfileSigner {
  // One presigner per (region, endpoint, addressing): a pasted FIPS or dual-stack link needs its own.
  const s3 = new Map<string, S3Presigner>();
  let cf: ReturnType<typeof createCloudFrontSigner> | undefined;
  return {
    async sign({ key, bucket = profile.bucket, expiresAt, now, options, ref }) {
      const viaCloudFront =
        profile.link.kind === 'cloudfront' &&
        options.via !== 's3' &&
        (options.method ?? 'GET') === 'GET' &&
        bucket === profile.bucket &&
        // CloudFront serves the current version: a link to another one is signed for S3.
        !options.versionId;
      if (profile.link.kind === 'cloudfront' && viaCloudFront) {
        if (!cf) {
          const privateKey = await secrets.getCloudFrontKey(profile.id);
          if (!privateKey) {
            throw new SignetError(
              'CREDENTIALS_MISSING',
              `Profile "${profile.id}" links through CloudFront but has no private key yet. Import it with: signet key import <private_key.pem> --profile ${profile.id}`,
            );
          }
          cf = createCloudFrontSigner({
            keyPairId: profile.link.keyPairId,
            privateKey,
            hash: profile.link.hash,
            domain: profile.link.domain,
          });
        }
        // A pasted CloudFront URL keeps its own query (e.g. ?w=640), inside what is signed.
        const ownQuery = ref?.kind === 'cloudfront' ? (/\?.*$/.exec(ref.url)?.[0] ?? '') : '';
        const link = cf.signUrl({
          url: `${cloudFrontUrlFor(profile.link, key)}${ownQuery}`,
          expiresAt,
          now,
          startAt: options.startAt,
          ipAddress: options.ipAddress,
          downloadName: options.downloadName,
          inline: options.inline,
          contentType: options.contentType,
        });
        const pathWarnings = cloudFrontPathWarnings(key);
        return pathWarnings.length ? { ...link, warnings: [...link.warnings, ...pathWarnings] } : link;
      }
      if (options.startAt || options.ipAddress) {
        throw new SignetError(
          'OPTION_INVALID',
          'A start time and an IP restriction need a CloudFront link; S3 presigned URLs cannot carry them.',
        );
      }
      // The one resolver, with the profile as configuration: the same endpoint, region and
      // addressing as the profile's uploads and test (resolvePathStyle), plus what a pasted link
      // carried (version, variant, response overrides).
      const s3Ref: S3ObjectRef =
        ref?.kind === 's3' && ref.bucket === bucket && ref.key === key
          ? ref
          : { kind: 's3', bucket, key, server: 'any', wasSigned: false };
      const method = options.method ?? 'GET';
      const target = resolveS3Target(s3Ref, {
        defaultRegion: profile.region,
        endpoint: profile.endpoint,
        forcePathStyle: profile.forcePathStyle,
        method,
        replaces: {
          disposition: options.downloadName !== undefined || Boolean(options.inline),
          contentType: options.contentType !== undefined,
        },
      });
      if (options.versionId && method === 'GET') target.query.versionId = options.versionId;
      const id = `${target.region}\n${target.endpoint ?? ''}\n${target.forcePathStyle}`;
      let presigner = s3.get(id);
      if (!presigner) {
        presigner = createS3Presigner({
          credentials: await resolveCredentials(profile, secrets, env),
          region: target.region,
          endpoint: target.endpoint,
          forcePathStyle: target.forcePathStyle,
        });
        s3.set(id, presigner);
      }
      const link = presigner.presignSync({
        bucket: target.bucket,
        key: target.key,
        method,
        expiresAt,
        now,
        downloadName: options.downloadName,
        inline: options.inline,
        contentType: options.contentType,
        ...(Object.keys(target.query).length ? { query: target.query } : {}),
      });
      return target.warnings.length ? { ...link, warnings: [...link.warnings, ...target.warnings] } : link;
    },
  };
}
