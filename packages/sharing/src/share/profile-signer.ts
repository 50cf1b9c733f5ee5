// Signs objects of one profile: presigned S3 URLs with the profile's credentials, or CloudFront
// URLs with the key from the keychain. Credentials and keys are loaded once per signer.
import {
  createCloudFrontSigner,
  createS3Presigner,
  SignetError,
  uriEncodePath,
  type Profile,
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
  let s3: ReturnType<typeof createS3Presigner> | undefined;
  let cf: ReturnType<typeof createCloudFrontSigner> | undefined;
  return {
    async sign({ key, bucket = profile.bucket, expiresAt, now, options }) {
      const viaCloudFront =
        profile.link.kind === 'cloudfront' &&
        options.via !== 's3' &&
        (options.method ?? 'GET') === 'GET' &&
        bucket === profile.bucket;
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
        return cf.signUrl({
          url: cloudFrontUrlFor(profile.link, key),
          expiresAt,
          now,
          startAt: options.startAt,
          ipAddress: options.ipAddress,
        });
      }
      if (options.startAt || options.ipAddress) {
        throw new SignetError(
          'OPTION_INVALID',
          'A start time and an IP restriction need a CloudFront link; S3 presigned URLs cannot carry them.',
        );
      }
      s3 ??= createS3Presigner({
        credentials: await resolveCredentials(profile, secrets, env),
        region: profile.region,
        endpoint: profile.endpoint,
        forcePathStyle: profile.forcePathStyle,
      });
      return s3.presignSync({
        bucket,
        key,
        method: options.method ?? 'GET',
        expiresAt,
        now,
        downloadName: options.downloadName,
        inline: options.inline,
        contentType: options.contentType,
      });
    },
  };
}
