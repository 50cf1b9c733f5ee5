// Renew: a fresh link for the same object and options with a new expiry, recorded as a new entry.
// An entry revoked by deleting its object is refused: the fresh link would only answer 404.
// One revoked with its object kept can be renewed (the object is there; renewing is asked for).
import type { LinkOptions, LinkResult, LinkSource } from '../api.js';
import { SharingError } from '../errors.js';
import { prepareLink, signLink, toLinkResult } from './record-link.js';
import { objectWasDeleted } from './revoke-link.js';
import type { SharingContext } from './sharing-context.js';

export async function renewLink(
  ctx: SharingContext,
  id: string,
  expires?: string,
  source?: LinkSource,
): Promise<LinkResult> {
  const old = await ctx.history.get(id);
  if (objectWasDeleted(old)) {
    throw new SharingError(
      'LINK_REVOKED',
      `Link ${old.id} cannot be renewed: it was revoked on ${old.revokedAt} and its object s3://${old.bucket}/${old.key} was deleted then, so a new link would only answer 404 Not Found. Share the file again to make a new link.`,
      { details: { id: old.id, bucket: old.bucket, key: old.key } },
    );
  }
  const profile = await ctx.profiles.get(old.profileId);
  const { startAt, ...rest } = old.options;
  const options: LinkOptions = { ...rest, method: old.method };
  // A start time that has passed means nothing for the new link.
  if (startAt && new Date(startAt).getTime() > ctx.now().getTime()) options.startAt = new Date(startAt);
  const link = await signLink(ctx, { profile, bucket: old.bucket, key: old.key, expires, options });
  const prepared = prepareLink(ctx, {
    profile,
    bucket: old.bucket,
    key: old.key,
    link,
    options,
    source: source ?? old.source,
    file: old.file,
  });
  await ctx.history.append(prepared.record, prepared.url);
  return toLinkResult(prepared);
}
