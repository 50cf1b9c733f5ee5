// Which profile signs a parsed object reference, and which bucket and key that means.
// Explicit profile: used as asked (its credentials may sign another bucket on the same
// endpoint). Otherwise the profile whose bucket (on the same endpoint) or CloudFront domain
// matches, the default one first among several. An object outside every profile is refused:
// signing some other bucket's object with the default profile's keys is never guessed.
import type { ObjectRef, Profile } from '@signet/core';
import { SharingError } from '../errors.js';

export interface ProfileForRef {
  profile: Profile;
  bucket: string;
  key: string;
}

type ObjectLikeRef = Exclude<ObjectRef, { kind: 's3-prefix' }>;

export function chooseProfileForRef(
  ref: ObjectLikeRef,
  o: { profiles: Profile[]; defaultId?: string | undefined; explicit?: Profile | undefined },
): ProfileForRef {
  if (o.explicit) return resolveWith(o.explicit, ref);
  const matches = o.profiles.filter((p) =>
    ref.kind === 's3'
      ? p.bucket === ref.bucket && (!ref.endpoint || sameHost(p.endpoint ?? '', ref.endpoint))
      : p.link.kind === 'cloudfront' && sameHost(p.link.domain, ref.domain),
  );
  const chosen = matches.find((p) => p.id === o.defaultId) ?? matches[0];
  if (!chosen) {
    const where =
      ref.kind === 's3'
        ? `the bucket "${ref.bucket}"${ref.endpoint ? ` on ${ref.endpoint}` : ''}`
        : `the CloudFront domain "${ref.domain}"`;
    throw new SharingError(
      'NO_PROFILE_FOR_OBJECT',
      `No profile covers ${where}. Add a profile for it (signet profile add, or Settings in the desktop app), or name one with --profile.`,
    );
  }
  return resolveWith(chosen, ref);
}

function resolveWith(profile: Profile, ref: ObjectLikeRef): ProfileForRef {
  if (ref.kind === 's3') {
    if (ref.endpoint && !sameHost(profile.endpoint ?? '', ref.endpoint)) {
      throw new SharingError(
        'NO_PROFILE_FOR_OBJECT',
        `Profile "${profile.id}" talks to ${profile.endpoint ?? 'AWS S3'}, but the object is on ${ref.endpoint}. Pick a profile for that endpoint.`,
      );
    }
    return { profile, bucket: ref.bucket, key: ref.key };
  }
  if (profile.link.kind !== 'cloudfront' || !sameHost(profile.link.domain, ref.domain)) {
    throw new SharingError(
      'NO_PROFILE_FOR_OBJECT',
      `Profile "${profile.id}" does not serve the CloudFront domain "${ref.domain}", so Signet cannot tell which object that is. Pick the profile of that distribution.`,
    );
  }
  const origin = (profile.link.originPath ?? '').replace(/^\/+|\/+$/g, '');
  return { profile, bucket: profile.bucket, key: origin ? `${origin}/${ref.path}` : ref.path };
}

function sameHost(a: string, b: string): boolean {
  const host = (d: string) =>
    d
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/\/.*$/, '')
      .toLowerCase();
  return host(a) === host(b);
}
