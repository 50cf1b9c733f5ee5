// Renew: a fresh link for the same object and options with a new expiry, recorded as a new entry.
import type { LinkOptions, LinkResult, LinkSource } from '../api.js';
import { prepareLink, signLink, toLinkResult } from './record-link.js';
import type { SharingContext } from './sharing-context.js';

export async function renewLink(ctx: SharingContext, id: string, expires?: string, source?: LinkSource): Promise<LinkResult> {
  const old = await ctx.history.get(id);
  const profile = await ctx.profiles.get(old.profileId);
  const { startAt, ...rest } = old.options;
  const options: LinkOptions = { ...rest, method: old.method };
  // A start time that has passed means nothing for the new link.
  if (startAt && new Date(startAt).getTime() > ctx.now().getTime()) options.startAt = new Date(startAt);
  const link = await signLink(ctx, { profile, bucket: old.bucket, key: old.key, expires, options });
  const prepared = prepareLink(ctx, { profile, bucket: old.bucket, key: old.key, link, options, source: source ?? old.source, file: old.file });
  await ctx.history.append(prepared.record, prepared.url);
  return toLinkResult(prepared);
}
