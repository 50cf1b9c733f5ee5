// The link use case: an existing object (any reference parseObjectRef understands) → a signed,
// recorded link, with the profile chosen from the reference when none is named.
import type { LinkRequest, LinkResult } from '../api.js';
import { checkLink } from '../check/index.js';
import { resolveProfileForRef } from './resolve-profile-for-ref.js';
import { prepareLink, signLink, toLinkResult } from './record-link.js';
import type { SharingContext } from './sharing-context.js';

export async function linkObject(ctx: SharingContext, request: LinkRequest): Promise<LinkResult> {
  const { profiles, defaultId } = await ctx.profiles.list();
  const { profile, bucket, key, ref } = resolveProfileForRef(request.ref, {
    profiles,
    defaultId,
    profileId: request.profileId,
    // Whatever a caller says, a request from the browser never signs beyond what a profile covers.
    named: request.source === 'extension' ? 'covered' : request.profileScope,
    folderMarker: request.folderMarker,
  });
  // A pasted link to one version keeps pointing at it, also when renewed (options are recorded).
  const options =
    ref.kind === 's3' && ref.versionId && (request.options?.method ?? 'GET') === 'GET'
      ? { ...request.options, versionId: request.options?.versionId ?? ref.versionId }
      : (request.options ?? {});
  const link = await signLink(ctx, { profile, bucket, key, expires: request.expires, options, ref });
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
