// The one answer to "which profile covers this object" (issue 9 item 2), used by every client:
// the CLI, the desktop app and the browser bridge. A profile covers a reference when
//   - s3:// and ARN forms (they name no server): the profile's bucket is the reference's bucket
//     (and, for an AWS profile, an ARN's partition is the profile's);
//   - an AWS S3 or console URL: the bucket matches AND the profile talks to AWS (no endpoint, or
//     one of AWS's own) in the same partition — a MinIO/Ceph/R2 profile that happens to have a
//     bucket of that name is another server, and its link would go there;
//   - a URL on a custom endpoint: the bucket matches AND the profile's endpoint is that server
//     (scheme, host and port);
//   - a CloudFront URL: the profile links through that distribution domain.
// Several cover it: the default profile first, else the first. None: NO_PROFILE_FOR_OBJECT with
// what would cover it. A named profile must cover the object too ('covered', the default: a
// bridge request may not pick its own profile); only the user's own `--profile` on the command
// line may also sign other buckets on that profile's server ('its-server'), because its
// credentials may read more buckets than the one the profile names.
import {
  isAwsEndpoint,
  parseObjectRef,
  partitionOfRegion,
  type AwsPartition,
  sameS3Server,
  SignetError,
  type ObjectRef,
  type Profile,
} from '@signet/core';
import { SharingError } from '../errors.js';

export type ObjectLikeRef = Exclude<ObjectRef, { kind: 's3-prefix' }>;

export interface ProfileForRef {
  profile: Profile;
  bucket: string;
  key: string;
  /** The reference as understood with these profiles' endpoints and CloudFront domains. */
  ref: ObjectLikeRef;
}

export interface ProfileCoverageOptions {
  profiles: Profile[];
  defaultId?: string | undefined;
  /** A profile the caller named (a bridge request's profileId, the CLI's --profile). */
  profileId?: string | undefined;
  /**
   * What a named profile may sign. `covered` (default): only what it covers. `its-server`: also
   * other buckets on the profile's own server — for the user's explicit `--profile` only, never
   * for requests that come from the browser.
   */
  named?: 'covered' | 'its-server' | undefined;
  /** A key ending in `/` is the folder-marker object itself (asked for explicitly). */
  folderMarker?: boolean | undefined;
}

/** Parses a reference with the endpoints and CloudFront domains the profiles know. */
export function parseRefForProfiles(text: string, profiles: Profile[], folderMarker?: boolean): ObjectRef {
  return parseObjectRef(text, {
    folderMarker,
    endpoints: profiles.flatMap((p) => (p.endpoint ? [p.endpoint] : [])),
    cloudFrontDomains: profiles.flatMap((p) => (p.link.kind === 'cloudfront' ? [p.link.domain] : [])),
  });
}

/** Whether `profile` covers `ref`, by the rules at the top of this file. */
export function profileCovers(profile: Profile, ref: ObjectLikeRef): boolean {
  if (ref.kind === 'cloudfront') return profile.link.kind === 'cloudfront' && sameHost(profile.link.domain, ref.domain);
  return profile.bucket === ref.bucket && onSameServer(profile, ref);
}

/** The profile that signs `ref`, and the bucket and key that means. Throws NO_PROFILE_FOR_OBJECT. */
export function resolveProfileForRef(input: string | ObjectRef, o: ProfileCoverageOptions): ProfileForRef {
  const parsed = typeof input === 'string' ? parseRefForProfiles(input, o.profiles, o.folderMarker) : input;
  if (parsed.kind === 's3-prefix') {
    throw new SignetError(
      'NOT_AN_OBJECT',
      `s3://${parsed.bucket}/${parsed.prefix} is a bucket or folder, not an object. Pick a file.`,
    );
  }
  const ref = parsed;
  if (o.profileId !== undefined) {
    const named = o.profiles.find((p) => p.id === o.profileId);
    if (!named) {
      throw new SharingError(
        'PROFILE_NOT_FOUND',
        `There is no profile "${o.profileId}".${o.profiles.length ? ` Profiles: ${o.profiles.map((p) => p.id).join(', ')}.` : ' Create one with: signet profile add <name> --bucket <bucket>.'}`,
      );
    }
    if (profileCovers(named, ref)) return resolveWith(named, ref);
    if (o.named === 'its-server' && ref.kind === 's3' && onSameServer(named, ref)) return resolveWith(named, ref);
    throw new SharingError('NO_PROFILE_FOR_OBJECT', namedMismatch(named, ref, o.named ?? 'covered'));
  }
  const matches = o.profiles.filter((p) => profileCovers(p, ref));
  const chosen = matches.find((p) => p.id === o.defaultId) ?? matches[0];
  if (!chosen) throw new SharingError('NO_PROFILE_FOR_OBJECT', noneCovers(ref, o.profiles));
  return resolveWith(chosen, ref);
}

function resolveWith(profile: Profile, ref: ObjectLikeRef): ProfileForRef {
  if (ref.kind === 's3') return { profile, bucket: ref.bucket, key: ref.key, ref };
  const origin = profile.link.kind === 'cloudfront' ? (profile.link.originPath ?? '').replace(/^\/+|\/+$/g, '') : '';
  return { profile, bucket: profile.bucket, key: origin ? `${origin}/${ref.path}` : ref.path, ref };
}

/** The profile talks to the server the S3 reference is on (any server for s3:// and ARNs). */
function onSameServer(profile: Profile, ref: Extract<ObjectRef, { kind: 's3' }>): boolean {
  const awsProfile = !profile.endpoint || isAwsEndpoint(profile.endpoint);
  const partitionOk = !ref.partition || !awsProfile || partitionOfRegion(profile.region) === ref.partition;
  switch (ref.server) {
    case 'any':
      return partitionOk;
    case 'aws':
      return awsProfile && partitionOk;
    case 'custom':
      return !awsProfile && ref.endpoint !== undefined && sameS3Server(profile.endpoint!, ref.endpoint);
  }
}

function serverName(p: Profile): string {
  return p.endpoint && !isAwsEndpoint(p.endpoint) ? p.endpoint : `AWS S3 (${p.region})`;
}

function where(ref: ObjectLikeRef): string {
  if (ref.kind === 'cloudfront') return `the CloudFront domain "${ref.domain}"`;
  if (ref.server === 'custom') return `the bucket "${ref.bucket}" on ${ref.endpoint}`;
  if (ref.server === 'aws') return `the bucket "${ref.bucket}" on ${awsName(ref.partition)}`;
  return `the bucket "${ref.bucket}"`;
}

function awsName(partition: AwsPartition | undefined): string {
  return partition === 'aws-cn' ? 'AWS S3 China' : partition === 'aws-us-gov' ? 'AWS S3 GovCloud' : 'AWS S3';
}

/** What profile would cover the reference, as a command. */
function whatWouldCover(ref: ObjectLikeRef): string {
  if (ref.kind === 'cloudfront')
    return `signet profile add <name> --bucket <origin bucket> --cloudfront-domain ${ref.domain} --key-pair-id <id>`;
  const region = ref.region ? ` --region ${ref.region}` : '';
  if (ref.server === 'custom') return `signet profile add <name> --bucket ${ref.bucket} --endpoint ${ref.endpoint}`;
  return `signet profile add <name> --bucket ${ref.bucket}${region}`;
}

function noneCovers(ref: ObjectLikeRef, profiles: Profile[]): string {
  let text = `No profile covers ${where(ref)}.`;
  if (ref.kind === 's3') {
    const namesake = profiles.filter((p) => p.bucket === ref.bucket);
    if (namesake.length) {
      text += ` ${namesake.map((p) => `"${p.id}"`).join(', ')} ${namesake.length === 1 ? 'has' : 'have'} a bucket of that name on ${namesake.map(serverName).join(', ')}, a different server: a link from ${namesake.length === 1 ? 'it' : 'them'} would point there.`;
    }
  }
  return `${text} Add a profile for it (${whatWouldCover(ref)}, or Settings in the desktop app).`;
}

function namedMismatch(p: Profile, ref: ObjectLikeRef, mode: 'covered' | 'its-server'): string {
  if (ref.kind === 'cloudfront')
    return `Profile "${p.id}" does not serve ${where(ref)}, so Signet cannot tell which object that is. Use the profile of that distribution.`;
  if (!onSameServer(p, ref))
    return `Profile "${p.id}" talks to ${serverName(p)}, but the object is on ${ref.server === 'custom' ? ref.endpoint : awsName(ref.partition)}. Use a profile for that server.`;
  const its = `it covers the bucket "${p.bucket}" on ${serverName(p)}`;
  return mode === 'covered'
    ? `Profile "${p.id}" does not cover ${where(ref)} (${its}). Add a profile for that bucket (${whatWouldCover(ref)}).`
    : `Profile "${p.id}" cannot sign ${where(ref)} (${its}).`;
}

/** Same CloudFront domain, with or without a scheme, path or default port. */
function sameHost(a: string, b: string): boolean {
  const host = (d: string) =>
    d
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/[/?#].*$/, '')
      .replace(/:443$/, '')
      .toLowerCase();
  return host(a) === host(b);
}
