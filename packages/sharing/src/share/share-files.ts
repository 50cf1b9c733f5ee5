// The share use case: files and folders → uploaded objects → signed links → (checked) → recorded.
// A share happens whole or not at all: everything that can be checked without uploading is
// checked first (paths, profile, expiry, credentials, CloudFront key); if an upload fails or is
// cancelled, the objects this share already uploaded are deleted again and nothing is recorded.
import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { bidiNameWarning } from '@signet/core';
import type { LinkOptions, ShareRequest, ShareResult } from '../api.js';
import { checkLink } from '../check/index.js';
import { isSharingError, SharingError } from '../errors.js';
import { collectFiles, planObjectKey, uploadFile, type CollectedFile, type LeftoverUpload } from '../upload/index.js';
import { pickProfile } from './pick-profile.js';
import { prepareLink, signLink, toLinkResult, type PreparedLink } from './record-link.js';
import type { SharingContext } from './sharing-context.js';
import { abortUnfinishedUploads } from './unfinished-uploads.js';

export async function shareFiles(ctx: SharingContext, request: ShareRequest): Promise<ShareResult> {
  const profile = await pickProfile(ctx.profiles, request.profileId);
  const options: LinkOptions = { ...request.options, method: 'GET' };
  const { files, skipped } = await collectFiles(request.paths);
  const at = ctx.now();
  const uuids = new Map<number, string>();
  const planned = files.map((file) => {
    if (!uuids.has(file.root)) uuids.set(file.root, randomUUID());
    return {
      file,
      key: planObjectKey({
        template: profile.keyTemplate,
        relativePath: file.name,
        user: ctx.user,
        now: at,
        uuid: uuids.get(file.root)!,
      }),
    };
  });
  // A dry-run signature validates the expiry, the credentials and the CloudFront key before
  // a single byte is uploaded.
  for (const { key } of planned)
    await signLink(ctx, { profile, bucket: profile.bucket, key, expires: request.expires, options });
  const client = await ctx.clientFor(profile);

  const uploaded: { file: CollectedFile; key: string }[] = [];
  try {
    for (const { file, key } of planned) {
      if (request.signal?.aborted) throw cancelled();
      const put = await uploadFile({
        client,
        bucket: profile.bucket,
        key,
        filePath: file.path,
        partSize: ctx.upload?.partSize,
        queueSize: ctx.upload?.queueSize,
        onProgress: request.onProgress,
        signal: request.signal,
        expected: file,
        ...(ctx.unfinished ? { leftoverOwner: profile.id } : {}),
      });
      uploaded.push({ file, key: put.key });
    }
  } catch (e) {
    ctx.forget(profile.id); // rejected credentials or a dead connection must not stay cached
    await rollBack(
      client,
      profile.bucket,
      uploaded.map((u) => u.key),
    );
    throw withRollbackNote(await rememberLeftover(ctx, profile.id, e), uploaded.length);
  }
  // The server answered this share: what an earlier lost connection left there can go now.
  const cleanedUp = ctx.unfinished ? await abortUnfinishedUploads(ctx.unfinished, profile.id, client) : undefined;

  let prepared: PreparedLink[];
  try {
    prepared = [];
    for (const { file, key } of uploaded) {
      const signed = await signLink(ctx, { profile, bucket: profile.bucket, key, expires: request.expires, options });
      const bidi = bidiNameWarning(file.name, key);
      const link = bidi ? { ...signed, warnings: [...signed.warnings, bidi] } : signed;
      prepared.push(
        prepareLink(ctx, {
          profile,
          bucket: profile.bucket,
          key,
          link,
          options,
          source: request.source,
          file: { name: file.name, size: file.size },
        }),
      );
    }
  } catch (e) {
    await rollBack(
      client,
      profile.bucket,
      uploaded.map((u) => u.key),
    );
    throw withRollbackNote(e, uploaded.length);
  }
  const results = prepared.map(toLinkResult);
  if (request.check) {
    const checks = await Promise.all(
      results.map((r) => checkLink(r.url, { method: r.method, ...(r.headers ? { headers: r.headers } : {}) })),
    );
    results.forEach((r, i) => (r.check = checks[i]));
  }
  // Recorded last: the history only ever lists links that exist.
  for (const p of prepared) await ctx.history.append(p.record, p.url);
  return { links: results, skipped, ...(cleanedUp ? { cleanedUp } : {}) };
}

/**
 * An upload whose multipart upload the server could not be told to abort: remembered for this
 * profile (aborted at its next share or test), and the error's details name the profile too.
 */
async function rememberLeftover(ctx: SharingContext, profileId: string, e: unknown): Promise<unknown> {
  const left = isSharingError(e) ? (e.details?.leftoverUpload as LeftoverUpload | undefined) : undefined;
  if (!left || !ctx.unfinished || !isSharingError(e)) return e;
  await ctx.unfinished.add({ profileId, ...left });
  return new SharingError(e.code, e.message, {
    cause: e.cause,
    details: { ...e.details, leftoverUpload: { profileId, ...left } },
  });
}

function cancelled(): SharingError {
  return new SharingError('UPLOAD_CANCELLED', 'The share was cancelled; nothing was left on the server.');
}

async function rollBack(client: S3Client, bucket: string, keys: string[]): Promise<void> {
  await Promise.all(keys.map((Key) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key })).catch(() => {})));
}

function withRollbackNote(e: unknown, removed: number): unknown {
  if (removed === 0 || !isSharingError(e)) return e;
  const note = ` The ${removed} file(s) of this share that were already uploaded were removed again; no link was made.`;
  return new SharingError(e.code, e.message + note, { cause: e.cause, details: { ...e.details, removed } });
}
