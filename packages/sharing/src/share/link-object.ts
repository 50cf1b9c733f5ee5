// The link use case: an existing object (any reference parseObjectRef understands) → a signed,
// recorded link, with the profile chosen from the reference when none is named.
import { parseObjectRef, SignetError } from '@signet/core';
import type { LinkRequest, LinkResult } from '../api.js';
import { checkLink } from '../check/index.js';
import { chooseProfileForRef } from './choose-profile-for-ref.js';
import { prepareLink, signLink, toLinkResult } from './record-link.js';
import type { SharingContext } from './sharing-context.js';

export async function linkObject(ctx: SharingContext, request: LinkRequest): Promise<LinkResult> {
  const { profiles: all, defaultId } = await ctx.profiles.list();
  const ref = parseObjectRef(request.ref, {
    endpoints: all.flatMap((p) => (p.endpoint ? [p.endpoint] : [])),
    cloudFrontDomains: all.flatMap((p) => (p.link.kind === 'cloudfront' ? [p.link.domain] : [])),
  });
  if (ref.kind === 's3-prefix') {
    throw new SignetError(
      'NOT_AN_OBJECT',
      `s3://${ref.bucket}/${ref.prefix} is a bucket or folder, not an object. Pick a file.`,
    );
  }
  const explicit = request.profileId ? await ctx.profiles.get(request.profileId) : undefined;
  const { profile, bucket, key } = chooseProfileForRef(ref, { profiles: all, defaultId, explicit });
  const options = request.options ?? {};
  const link = await signLink(ctx, { profile, bucket, key, expires: request.expires, options });
  const prepared = prepareLink(ctx, { profile, bucket, key, link, options, source: request.source });
  const result = toLinkResult(prepared);
  const record = request.record ?? 'always';
  if (request.check || record === 'if-works')
    result.check = await checkLink(result.url, {
      method: result.method,
      ...(result.headers ? { headers: result.headers } : {}),
    });
  // A dead link in the history would be listed (and copied again) as if it worked.
  if (record === 'always' || (record === 'if-works' && result.check?.ok))
    await ctx.history.append(prepared.record, prepared.url);
  return result;
}
