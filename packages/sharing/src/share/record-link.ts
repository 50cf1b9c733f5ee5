// Signing and recording, shared by every use case: a link is recorded in the history only once
// it exists, and the LinkResult a client gets mirrors the record.
import { randomUUID } from 'node:crypto';
import { parseExpiry, type ObjectRef, type Profile, type SignedLink } from '@signet/core';
import type { LinkOptions, LinkRecord, LinkResult, LinkSource } from '../api.js';
import type { SharingContext } from './sharing-context.js';

export interface SignLinkInput {
  profile: Profile;
  bucket: string;
  key: string;
  /** `15m`, `7d`, an ISO date-time; default: the profile's default expiry. */
  expires?: string | undefined;
  options: LinkOptions;
  /** The reference the object came from (a pasted link): its version, endpoint variant, query. */
  ref?: Exclude<ObjectRef, { kind: 's3-prefix' }> | undefined;
}

/** Signs a link for an object (no network I/O besides a keychain read on first use). */
export async function signLink(
  ctx: SharingContext,
  { profile, bucket, key, expires, options, ref }: SignLinkInput,
): Promise<SignedLink> {
  const at = ctx.now();
  try {
    const expiresAt = parseExpiry(expires ?? profile.defaultExpiry, at);
    return await ctx.signerFor(profile).sign({ key, bucket, expiresAt, now: at, options, ...(ref ? { ref } : {}) });
  } catch (e) {
    ctx.forget(profile.id); // a failed credential or key load must not stay cached
    throw e;
  }
}

export interface PreparedLink {
  record: LinkRecord;
  url: string;
  /** Headers the link's request must carry (a PUT link signed with a content type). */
  headers?: Record<string, string> | undefined;
}

/** The history record of a signed link (not yet written). */
export function prepareLink(
  ctx: SharingContext,
  i: {
    profile: Profile;
    bucket: string;
    key: string;
    link: SignedLink;
    options: LinkOptions;
    source: LinkSource;
    file?: { name: string; size: number } | undefined;
  },
): PreparedLink {
  const { startAt, ...rest } = i.options;
  const record: LinkRecord = {
    id: randomUUID(),
    createdAt: ctx.now().toISOString(),
    source: i.source,
    profileId: i.profile.id,
    kind: i.link.kind,
    method: i.link.method,
    bucket: i.bucket,
    key: i.key,
    options: { ...rest, ...(startAt ? { startAt: startAt.toISOString() } : {}) },
    expiresAt: i.link.expiresAt.toISOString(),
    effectiveExpiresAt: i.link.effectiveExpiresAt.toISOString(),
    warnings: i.link.warnings,
    ...(i.file ? { file: i.file } : {}),
  };
  return { record, url: i.link.url, ...(i.link.headers ? { headers: i.link.headers } : {}) };
}

/** What a client gets back for a record. */
export function toLinkResult({ record, url, headers }: PreparedLink): LinkResult {
  return {
    id: record.id,
    url,
    ...(headers ? { headers } : {}),
    kind: record.kind,
    method: record.method,
    profileId: record.profileId,
    bucket: record.bucket,
    key: record.key,
    expiresAt: record.expiresAt,
    effectiveExpiresAt: record.effectiveExpiresAt,
    warnings: record.warnings,
  };
}
