// Multipart uploads Signet started but could not abort because the server was lost mid-upload
// (issue 12): their parts stay on the server, stored and billed, until someone aborts them. They
// are remembered in a small private file next to the history (unfinished-uploads.json: bucket,
// key, upload id, profile id — nothing secret) and aborted the next time the same profile reaches
// its server. Best effort throughout: remembering or cleaning never fails a share or a test.
import { dirname, join } from 'node:path';
import { AbortMultipartUploadCommand, type S3Client } from '@aws-sdk/client-s3';
import { escapeForTerminal } from '@signet/core';
import { ensurePrivateDir, readFileNoFollow, withFileLock, writeFileAtomic } from '../fs/index.js';

/** One upload whose abort did not reach the server. */
export interface UnfinishedUpload {
  profileId: string;
  bucket: string;
  key: string;
  uploadId: string;
}

/** What a share (or a test) cleaned up on the way; see ShareResult.cleanedUp. */
export interface CleanedUpUploads {
  count: number;
  uploads: { bucket: string; key: string }[];
  /** For people, e.g. "Cleaned up 1 unfinished upload (a/b.bin) left on the server when it was lost." */
  message: string;
}

export class UnfinishedUploads {
  readonly file: string;
  private readonly lock: string;
  constructor(dataDir: string) {
    this.file = join(dataDir, 'unfinished-uploads.json');
    this.lock = join(dataDir, 'unfinished-uploads.lock');
  }

  /** The remembered uploads; a damaged file throws (and is never overwritten). */
  private async read(): Promise<UnfinishedUpload[]> {
    let text: string;
    try {
      await ensurePrivateDir(dirname(this.file), { create: false, what: "Signet's data folder" });
      text = await readFileNoFollow(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const data = JSON.parse(text) as { uploads?: unknown };
    if (!Array.isArray(data.uploads)) throw new Error(`${this.file} has no "uploads" list`);
    return data.uploads.filter(
      (u): u is UnfinishedUpload =>
        !!u &&
        typeof u === 'object' &&
        ['profileId', 'bucket', 'key', 'uploadId'].every((f) => typeof (u as Record<string, unknown>)[f] === 'string'),
    );
  }

  private update(change: (all: UnfinishedUpload[]) => UnfinishedUpload[]): Promise<void> {
    return withFileLock(
      this.lock,
      async () => {
        const next = change(await this.read());
        await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, uploads: next }, null, 2)}\n`);
      },
      { what: 'The list of unfinished uploads' },
    );
  }

  /** Remembers an upload; false when it could not be written (the caller's error stays the news). */
  async add(u: UnfinishedUpload): Promise<boolean> {
    try {
      await ensurePrivateDir(dirname(this.file), { what: "Signet's data folder" });
      await this.update((all) => [...all.filter((x) => x.uploadId !== u.uploadId), u]);
      return true;
    } catch {
      return false;
    }
  }

  async forProfile(profileId: string): Promise<UnfinishedUpload[]> {
    return (await this.read().catch(() => [])).filter((u) => u.profileId === profileId);
  }

  async remove(done: UnfinishedUpload[]): Promise<void> {
    const ids = new Set(done.map((u) => u.uploadId));
    await this.update((all) => all.filter((u) => !ids.has(u.uploadId))).catch(() => {});
  }
}

/**
 * Aborts the profile's remembered uploads through `client` (a connection that just worked). An
 * upload the server no longer knows (NoSuchUpload: aborted by hand or by a lifecycle rule) is
 * forgotten too, without counting it; one that fails again is kept for the next time.
 */
export async function abortUnfinishedUploads(
  store: UnfinishedUploads,
  profileId: string,
  client: S3Client,
): Promise<CleanedUpUploads | undefined> {
  const pending = await store.forProfile(profileId);
  if (pending.length === 0) return undefined;
  const aborted: UnfinishedUpload[] = [];
  const gone: UnfinishedUpload[] = [];
  for (const u of pending) {
    try {
      await client.send(new AbortMultipartUploadCommand({ Bucket: u.bucket, Key: u.key, UploadId: u.uploadId }));
      aborted.push(u);
    } catch (e) {
      if ((e as { name?: string }).name === 'NoSuchUpload') gone.push(u);
    }
  }
  if (aborted.length + gone.length) await store.remove([...aborted, ...gone]);
  if (aborted.length === 0) return undefined;
  const n = aborted.length;
  return {
    count: n,
    uploads: aborted.map(({ bucket, key }) => ({ bucket, key })),
    message: `Cleaned up ${n} unfinished upload${n === 1 ? '' : 's'} (${aborted.map((u) => escapeForTerminal(u.key)).join(', ')}) left on the server when it was lost.`,
  };
}
