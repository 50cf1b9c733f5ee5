// Signs one reference after another with reused signers: one S3 presigner per
// (region, endpoint, addressing style) and one CloudFront signer, so a bulk run of tens of
// thousands of refs costs one signature each, not one client each.
import {
  awsS3EndpointFor,
  cloudFrontPathWarnings,
  createS3Presigner,
  DEFAULT_REGION,
  isSignetError,
  parseObjectRef,
  resolveS3Target,
  SignetError,
  type AwsCredentials,
  type CloudFrontSigner,
  type Profile,
  type S3Presigner,
  type S3Target,
  type SignedLink,
} from '@signet/core';
// Types only from the main entry: at run time the CLI loads just link-setup (start-up cost).
import type { AwsS3Settings } from '@signet/sharing';
import { resolveProfileForRef } from '@signet/sharing/link-setup';

export interface RefSignerOptions {
  /** Resolved lazily: only S3 refs need AWS credentials. */
  credentials: () => Promise<AwsCredentials>;
  region?: string | undefined;
  endpoint?: string | undefined;
  pathStyle?: boolean | undefined;
  method: 'GET' | 'PUT';
  downloadName?: string | undefined;
  inline?: boolean | undefined;
  contentType?: string | undefined;
  /** CloudFront: a ready signer when --key-pair-id/--private-key (or a CloudFront profile) are given. */
  cloudFront?: (() => CloudFrontSigner) | undefined;
  cloudFrontDomains?: string[] | undefined;
  startAt?: Date | undefined;
  ipAddress?: string | undefined;
  resource?: string | undefined;
  /** Region to use when neither the ref nor --region say (AWS_REGION, ~/.aws/config, else us-east-1). */
  defaultRegion: string;
  /** A key ending in `/` is the folder-marker object itself (asked for explicitly). */
  folderMarker?: boolean | undefined;
  /** Sign for the standard endpoint even when a URL was FIPS, dual-stack or accelerate. */
  standardEndpoint?: boolean | undefined;
}

export interface RefSigner {
  sign(ref: string, expiresAt: Date, now: Date): Promise<SignedLink>;
}

export function createRefSigner(o: RefSignerOptions): RefSigner {
  // Promises, not values: concurrent callers share one credential lookup and one presigner.
  const presigners = new Map<string, Promise<S3Presigner>>();
  // The same presigners once resolved: a bulk run signs from here without a promise per link.
  const ready = new Map<string, S3Presigner>();
  let credentials: Promise<AwsCredentials> | undefined;
  let cloudFront: CloudFrontSigner | undefined;
  const endpoints = o.endpoint ? [o.endpoint] : [];

  function presignerFor(target: S3Target): Promise<S3Presigner> {
    const { region, endpoint, forcePathStyle: pathStyle } = target;
    const id = `${region}\n${endpoint ?? ''}\n${pathStyle}`;
    let p = presigners.get(id);
    if (!p) {
      credentials ??= o.credentials();
      // A failed lookup is not cached: the next ref reports it (or the caller stops).
      credentials.catch(() => (credentials = undefined));
      p = credentials.then((c) => createS3Presigner({ credentials: c, region, endpoint, forcePathStyle: pathStyle }));
      p.then(
        (v) => ready.set(id, v),
        () => presigners.delete(id),
      );
      presigners.set(id, p);
    }
    return p;
  }

  return {
    async sign(text, expiresAt, now) {
      const ref = parseObjectRef(text, {
        endpoints,
        cloudFrontDomains: o.cloudFrontDomains,
        folderMarker: o.folderMarker,
      });
      if (ref.kind === 's3-prefix') {
        throw new SignetError(
          'NOT_AN_OBJECT',
          `s3://${ref.bucket}/${ref.prefix} is a bucket or folder, not an object. Name a file; for a whole folder use a CloudFront wildcard (--resource 'https://…/folder/*'); for a folder-marker object itself, add --folder-marker.`,
        );
      }
      if (ref.kind === 'cloudfront') {
        if (!o.cloudFront) {
          throw new SignetError(
            'CREDENTIALS_MISSING',
            `${ref.url} is a CloudFront URL: give --key-pair-id and --private-key <pem file> (or use a CloudFront profile).`,
          );
        }
        if (o.method !== 'GET')
          throw new SignetError(
            'METHOD_INVALID',
            'CloudFront links are for downloads (GET); upload links (PUT) are S3 presigned URLs.',
          );
        cloudFront ??= o.cloudFront();
        const link = cloudFront.signUrl({
          url: ref.url,
          expiresAt,
          now,
          startAt: o.startAt,
          ipAddress: o.ipAddress,
          resource: o.resource,
          downloadName: o.downloadName,
          inline: o.inline,
          contentType: o.contentType,
        });
        const pathWarnings = cloudFrontPathWarnings(ref.path);
        return pathWarnings.length ? { ...link, warnings: [...link.warnings, ...pathWarnings] } : link;
      }
      if (o.startAt || o.ipAddress || o.resource) {
        throw new SignetError(
          'OPTION_INVALID',
          '--start, --ip and --resource apply to CloudFront links; S3 presigned URLs cannot carry them. Use a CloudFront URL or profile.',
        );
      }
      // The one resolver: endpoint, region, addressing, version and kept parameters.
      const target = resolveS3Target(ref, {
        region: o.region,
        defaultRegion: o.defaultRegion,
        endpoint: o.endpoint,
        forcePathStyle: o.pathStyle,
        standardEndpoint: o.standardEndpoint,
        method: o.method,
        replaces: {
          disposition: o.downloadName !== undefined || Boolean(o.inline),
          contentType: o.contentType !== undefined,
        },
      });
      const p =
        ready.get(`${target.region}\n${target.endpoint ?? ''}\n${target.forcePathStyle}`) ??
        (await presignerFor(target));
      const link = p.presignSync({
        bucket: target.bucket,
        key: target.key,
        method: o.method,
        expiresAt,
        now,
        downloadName: o.downloadName,
        inline: o.inline,
        contentType: o.contentType,
        ...(Object.keys(target.query).length ? { query: target.query } : {}),
      });
      return target.warnings.length ? { ...link, warnings: [...link.warnings, ...target.warnings] } : link;
    },
  };
}

/** What the stateless signer needs of the AWS configuration (resolveAwsS3Settings). */
export type AwsS3SettingsLike = Omit<AwsS3Settings, 'awsProfile' | 'sources'>;

/**
 * The stateless signer's S3 configuration, as the AWS CLI would use it: the flags first, then
 * AWS_REGION / AWS_ENDPOINT_URL(_S3) / ~/.aws/config (region, endpoint_url, the services
 * section, addressing_style, FIPS / dual-stack / accelerate), then us-east-1.
 */
export function s3ConfigFromAws(
  flags: { region?: string | undefined; endpoint?: string | undefined; pathStyle?: boolean | undefined },
  aws: AwsS3SettingsLike,
): {
  region: string | undefined;
  endpoint: string | undefined;
  pathStyle: boolean | undefined;
  defaultRegion: string;
} {
  const defaultRegion = aws.region ?? DEFAULT_REGION;
  const variants = { fips: aws.fips, dualstack: aws.dualstack, accelerate: aws.accelerate };
  const endpoint =
    flags.endpoint ??
    aws.endpoint ??
    (aws.fips || aws.dualstack || aws.accelerate
      ? awsS3EndpointFor(flags.region ?? defaultRegion, variants)
      : undefined);
  return { region: flags.region, endpoint, pathStyle: flags.pathStyle ?? aws.pathStyle, defaultRegion };
}

export interface CoveringProfileOptions {
  /** The Signet profiles, loaded once (on the first reference). A failure means: none. */
  load: () => Promise<{ profiles: Profile[]; defaultId?: string | undefined }>;
  /** Signs through the sharing engine with that profile (credentials from it, recorded). */
  viaProfile: (ref: string, profileId: string) => Promise<SignedLink>;
  /** Called once per profile that signed, since the user did not name it. */
  onProfile: (profile: Profile) => void;
  /** --folder-marker: a key ending in `/` is an object, so a profile can cover it. */
  folderMarker?: boolean | undefined;
  /** Whether a fallback error would stop the whole run (no AWS credentials, no CloudFront key). */
  fallbackFailsAll?: ((err: unknown) => boolean) | undefined;
}

/**
 * `signet link` without --profile: a reference that a Signet profile covers (resolveProfileForRef,
 * the default profile first) is signed with that profile, as `share` does; any other reference
 * falls through to the stateless signer (AWS credential chain).
 */
export function withCoveringProfile(fallback: RefSigner, o: CoveringProfileOptions): RefSigner {
  let loaded: Promise<{ profiles: Profile[]; defaultId?: string | undefined }> | undefined;
  const told = new Set<string>();
  // With profiles, "no AWS credentials" only fails the references no profile covers: the run
  // goes on for the covered ones. The first failure is kept, so the lookup is not repeated.
  let failedAll: unknown;
  const perRef = (e: unknown): unknown =>
    isSignetError(e) ? new SignetError(e.code, e.message) : new Error(e instanceof Error ? e.message : String(e));
  const viaFallback = async (ref: string, expiresAt: Date, now: Date): Promise<SignedLink> => {
    if (failedAll !== undefined) throw perRef(failedAll);
    try {
      return await fallback.sign(ref, expiresAt, now);
    } catch (e) {
      if (!o.fallbackFailsAll?.(e)) throw e;
      failedAll = e;
      throw perRef(e);
    }
  };
  let known: { profiles: Profile[]; defaultId?: string | undefined } | undefined;
  const signWith = (
    { profiles, defaultId }: { profiles: Profile[]; defaultId?: string | undefined },
    ref: string,
    expiresAt: Date,
    now: Date,
  ): Promise<SignedLink> => {
    if (profiles.length === 0) return fallback.sign(ref, expiresAt, now);
    let profile: Profile;
    try {
      ({ profile } = resolveProfileForRef(ref, { profiles, defaultId, folderMarker: o.folderMarker }));
    } catch {
      // Not covered (or not readable): the stateless signer answers, with its own words.
      return viaFallback(ref, expiresAt, now);
    }
    if (!told.has(profile.id)) {
      told.add(profile.id);
      o.onProfile(profile);
    }
    return o.viaProfile(ref, profile.id);
  };
  return {
    // Not async: once the profiles are read, a link costs no extra promise (bulk runs).
    sign(ref, expiresAt, now) {
      if (known) return signWith(known, ref, expiresAt, now);
      loaded ??= o
        .load()
        .catch(() => ({ profiles: [] }))
        .then((v) => (known = v));
      return loaded.then((v) => signWith(v, ref, expiresAt, now));
    },
  };
}
