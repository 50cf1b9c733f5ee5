// Revocation, honestly: a presigned S3 URL or a CloudFront signed URL cannot be withdrawn on its
// own. What stops it early is deleting the object (all its links die), deactivating the signing
// access key (S3) or removing the public key from the trusted key group (CloudFront).
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { LinkRecord } from '../api.js';
import { SharingError, toUserMessage } from '../errors.js';
import type { SharingContext } from './sharing-context.js';

export async function describeRevocation(ctx: SharingContext, id: string): Promise<{ canDeleteObject: boolean; message: string }> {
  const r = await ctx.history.get(id);
  const object = `s3://${r.bucket}/${r.key}`;
  if (r.revokedAt) return { canDeleteObject: false, message: `This link was already revoked (${r.revocation ?? 'marked revoked'}).` };
  if (r.method === 'PUT') {
    return {
      canDeleteObject: false,
      message: `An upload link cannot be revoked on its own: it lets anyone with it upload to ${object} until it expires. To stop it now, deactivate the access key that signed it (every link it signed stops working). Deleting the object does not help.`,
    };
  }
  if (r.kind === 'cloudfront') {
    return {
      canDeleteObject: true,
      message: `A CloudFront signed URL cannot be revoked on its own: it works until it expires. To stop it now: delete the object ${object} (this and every other link to it stop working; cached copies at the edge may be served until they expire or are invalidated), or remove the signing public key from the distribution's trusted key group (every link signed with that key stops working).`,
    };
  }
  return {
    canDeleteObject: true,
    message: `A presigned S3 link cannot be revoked on its own: it works until it expires. To stop it now, delete the object ${object} (every link to it stops working), or deactivate the access key that signed it (every link it signed stops working).`,
  };
}

/** Deletes the object when asked (the caller has confirmed) and marks the entry revoked. */
export async function revokeLink(ctx: SharingContext, id: string, { deleteObject }: { deleteObject: boolean }): Promise<LinkRecord> {
  const r = await ctx.history.get(id);
  if (r.revokedAt) return r;
  if (!deleteObject) return ctx.history.markRevoked(r.id, 'marked revoked (the object was kept, so the link works until it expires)', ctx.now());
  const profile = await ctx.profiles.get(r.profileId);
  const client = await ctx.clientFor(profile);
  try {
    await client.send(new DeleteObjectCommand({ Bucket: r.bucket, Key: r.key }));
  } catch (e) {
    ctx.forget(profile.id);
    const m = toUserMessage(e);
    throw new SharingError(m.code === 'SERVER_UNREACHABLE' ? 'SERVER_UNREACHABLE' : 'ACCESS_DENIED', `The object s3://${r.bucket}/${r.key} could not be deleted, so the link still works: ${m.message}`, { cause: e });
  }
  return ctx.history.markRevoked(r.id, `object deleted: s3://${r.bucket}/${r.key}`, ctx.now());
}
