// Revocation, honestly: a presigned S3 URL or a CloudFront signed URL cannot be withdrawn on its
// own. What stops it early is deleting the object (all its links die), deactivating the signing
// access key (S3) or removing the public key from the trusted key group (CloudFront).
// Deleting the object therefore revokes every download link to it in the history, not just the
// one asked about; an entry revoked without deleting its object still works until it expires.
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { LinkRecord, Revocation } from '../api.js';
import { SharingError, toUserMessage } from '../errors.js';
import type { SharingContext } from './sharing-context.js';

const KEPT: Revocation = {
  by: 'marked',
  text: 'marked revoked (the object was kept, so the link works until it expires)',
};

/** The entry was revoked by deleting its object: no link to it works, and a renewed one would answer 404. */
export function objectWasDeleted(r: LinkRecord): boolean {
  return Boolean(r.revokedAt) && r.revokedBy === 'object-deleted';
}

export async function describeRevocation(
  ctx: SharingContext,
  id: string,
): Promise<{ canDeleteObject: boolean; message: string }> {
  const r = await ctx.history.get(id);
  const object = `s3://${r.bucket}/${r.key}`;
  if (objectWasDeleted(r)) {
    return {
      canDeleteObject: false,
      message: `This link was already revoked on ${r.revokedAt}: its object ${object} was deleted then, so no link to it works. Revoking it again deletes nothing.`,
    };
  }
  // Marked revoked with the object kept: the link still works, and deleting the object still stops it.
  const kept = r.revokedAt
    ? 'This link was marked revoked, but its object was kept, so it still works until it expires. '
    : '';
  if (r.method === 'PUT') {
    return {
      canDeleteObject: false,
      message: `${kept}An upload link cannot be revoked on its own: it lets anyone with it upload to ${object} until it expires. To stop it now, deactivate the access key that signed it (every link it signed stops working). Deleting the object does not help.`,
    };
  }
  if (r.kind === 'cloudfront') {
    return {
      canDeleteObject: true,
      message: `${kept}A CloudFront signed URL cannot be revoked on its own: it works until it expires. To stop it now: delete the object ${object} (this and every other link to it stop working; cached copies at the edge may be served until they expire or are invalidated), or remove the signing public key from the distribution's trusted key group (every link signed with that key stops working).`,
    };
  }
  return {
    canDeleteObject: true,
    message: `${kept}A presigned S3 link cannot be revoked on its own: it works until it expires. To stop it now, delete the object ${object} (every link to it stops working), or deactivate the access key that signed it (every link it signed stops working).`,
  };
}

/**
 * Deletes the object when asked (the caller has confirmed) and marks the entry revoked — and,
 * once the object is gone, every other download link to it in the history too (same profile,
 * bucket and key), in one history write. Upload (PUT) links to it are left as they are: they
 * still work, and could put the object back. An entry whose object was already deleted is not
 * deleted again: the returned record says so instead of repeating the first revocation.
 */
export async function revokeLink(
  ctx: SharingContext,
  id: string,
  { deleteObject }: { deleteObject: boolean },
): Promise<LinkRecord> {
  const r = await ctx.history.get(id);
  if (objectWasDeleted(r))
    return deleteObject
      ? { ...r, revocation: `already revoked on ${r.revokedAt} (${r.revocation}); nothing was deleted this time` }
      : r;
  if (!deleteObject) return r.revokedAt ? r : ctx.history.markRevoked(r.id, KEPT, ctx.now());
  const object = `s3://${r.bucket}/${r.key}`;
  const profile = await ctx.profiles.get(r.profileId);
  const client = await ctx.clientFor(profile);
  try {
    await client.send(new DeleteObjectCommand({ Bucket: r.bucket, Key: r.key }));
  } catch (e) {
    ctx.forget(profile.id);
    const m = toUserMessage(e);
    throw new SharingError(
      m.code === 'SERVER_UNREACHABLE' ? 'SERVER_UNREACHABLE' : 'ACCESS_DENIED',
      `The object ${object} could not be deleted, so the link still works: ${m.message}`,
      { cause: e },
    );
  }
  const at = ctx.now();
  const revocation: Revocation = { by: 'object-deleted', text: `object deleted: ${object}` };
  const marked = await ctx.history.markRevokedWhere((x) => {
    if (x.id === r.id) return revocation;
    const sameObject = x.profileId === r.profileId && x.bucket === r.bucket && x.key === r.key;
    if (!sameObject || x.method === 'PUT' || objectWasDeleted(x)) return undefined;
    return { ...revocation, text: `${revocation.text} (when link ${r.id} was revoked)` };
  }, at);
  // Another process may have pruned the entry meanwhile: the object is deleted all the same.
  return (
    marked.find((x) => x.id === r.id) ?? {
      ...r,
      revokedAt: at.toISOString(),
      revokedBy: revocation.by,
      revocation: revocation.text,
    }
  );
}
