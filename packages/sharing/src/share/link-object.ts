// The link use case: an existing object (any reference parseObjectRef understands) → a signed,
// recorded link, with the profile chosen from the reference when none is named.
import { bidiNameWarning, hasBidiControls, replaceBidiControls, type LinkWarning } from '@signet/core';
import type { LinkOptions, LinkRequest, LinkResult } from '../api.js';
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
  const asked =
    ref.kind === 's3' && ref.versionId && (request.options?.method ?? 'GET') === 'GET'
      ? { ...request.options, versionId: request.options?.versionId ?? ref.versionId }
      : (request.options ?? {});
  const { options, bidi } = withoutBidiDownloadName(key, asked);
  const signed = await signLink(ctx, { profile, bucket, key, expires: request.expires, options, ref });
  const link = bidi ? { ...signed, warnings: [...signed.warnings, bidi] } : signed;
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

/**
 * An existing key can hold bidi controls (U+202E…) that Signet did not put there, and its key
 * cannot be changed: "invoice\u202Etxt.exe" would be saved under that name and read as
 * "invoiceexe.txt". So the link gets a download name with them replaced (recorded in the options,
 * so a renewal keeps it), unless the user gave a clean one, and a warning. Inline views and
 * upload links have no download name to fix.
 */
function withoutBidiDownloadName(key: string, options: LinkOptions): { options: LinkOptions; bidi?: LinkWarning } {
  const name = key.slice(key.lastIndexOf('/') + 1);
  if ((options.method ?? 'GET') !== 'GET' || options.inline) return { options };
  const given = options.downloadName;
  if (given !== undefined && hasBidiControls(given)) {
    const clean = replaceBidiControls(given);
    return { options: { ...options, downloadName: clean }, bidi: bidiNameWarning(given, clean, 'download name')! };
  }
  if (!hasBidiControls(name)) return { options };
  const downloadName = given ?? replaceBidiControls(name);
  return { options: { ...options, downloadName }, bidi: bidiNameWarning(name, downloadName, 'download name')! };
}
