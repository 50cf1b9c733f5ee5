// Which profile an extension's reference belongs to. The extension may only get links for objects
// that one of the user's profiles covers (its bucket, or its CloudFront domain): a right-click on
// some other bucket's URL must not be signed with the default profile's credentials.
import { parseObjectRef } from '@signet/core';
import type { ProtocolError } from '@signet/protocol';
import type { ProfileSummary } from '../api.js';
import { toProtocolError } from './to-protocol-error.js';

export type ProfileMatch = { ok: true; profileId: string } | { ok: false; error: ProtocolError };

export function findProfileForRef(ref: string, profiles: ProfileSummary[]): ProfileMatch {
  const cloudFrontDomains = profiles.flatMap((p) =>
    p.profile.link.kind === 'cloudfront' ? [p.profile.link.domain] : [],
  );
  const endpoints = profiles.flatMap((p) => (p.profile.endpoint ? [p.profile.endpoint] : []));
  let parsed: ReturnType<typeof parseObjectRef>;
  try {
    parsed = parseObjectRef(ref, { cloudFrontDomains, endpoints });
  } catch (err) {
    const mapped = toProtocolError(err);
    return { ok: false, error: mapped.code === 'DESKTOP_ERROR' ? { ...mapped, code: 'BAD_REQUEST' } : mapped };
  }
  if (parsed.kind === 's3-prefix') {
    return {
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: `That is the bucket or folder "${parsed.bucket}/${parsed.prefix}", not an object. Right-click a file instead.`,
      },
    };
  }
  const matches =
    parsed.kind === 's3'
      ? profiles.filter(
          (p) =>
            p.profile.bucket === parsed.bucket &&
            (!parsed.endpoint || sameHost(p.profile.endpoint ?? '', parsed.endpoint)),
        )
      : profiles.filter((p) => p.profile.link.kind === 'cloudfront' && sameHost(p.profile.link.domain, parsed.domain));
  const chosen = matches.find((p) => p.isDefault) ?? matches[0];
  if (chosen) return { ok: true, profileId: chosen.profile.id };
  const where = parsed.kind === 's3' ? `the bucket "${parsed.bucket}"` : `the CloudFront domain "${parsed.domain}"`;
  return { ok: false, error: { code: 'NO_PROFILE_FOR_OBJECT', message: `No Signet profile covers ${where}.` } };
}

function sameHost(a: string, b: string): boolean {
  const host = (d: string) =>
    d
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/\/.*$/, '')
      .toLowerCase();
  return host(a) === host(b);
}
