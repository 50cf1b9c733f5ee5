// A cross-process lock for files several Signet processes write (desktop app, CLI, native
// host): a lock file created with O_EXCL that holds "<pid> <nonce>". A lock whose owner died
// (crash, SIGKILL) or that is older than `staleMs` is taken over; the take-over renames the
// lock aside first, so of two processes that both saw it stale only one removes it, and a
// fresh lock taken meanwhile is put back instead of being deleted.
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isSharingError, SharingError, type SharingErrorCode } from '../errors.js';
import { diskFullError, isDiskFull } from './disk-full.js';

export interface FileLockOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is taken over even if its owner seems alive (default 30 s). */
  staleMs?: number;
  /** Words for the error when the lock cannot be had, e.g. "the link history". */
  what?: string;
  /** Error code when the lock cannot be had (default HISTORY_LOCKED). */
  code?: SharingErrorCode;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

async function tryCreate(lockPath: string, content: string): Promise<boolean> {
  try {
    const fh = await open(lockPath, 'wx', 0o600);
    try {
      await fh.writeFile(content);
    } catch (e) {
      // A full disk creates the file but not its content: remove it, or it is a stale lock.
      await fh.close().catch(() => undefined);
      await rm(lockPath, { force: true });
      throw e;
    }
    await fh.close();
    return true;
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    throw e;
  }
}

/** Removes `lockPath` only if it still holds `seen`; anything else is put back. */
async function takeOver(lockPath: string, seen: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (e) {
    if (code(e) === 'ENOENT') return; // someone else took it over first
    throw e;
  }
  const got = await readFile(aside, 'utf8').catch(() => seen);
  if (got !== seen) {
    // We moved a lock someone took a moment ago: put it back unless a third one exists now.
    await link(aside, lockPath).catch(() => undefined);
  }
  await rm(aside, { force: true });
}

/**
 * Runs `fn` while holding the lock file `lockPath`. A full disk, while taking the lock or in
 * `fn`, becomes DISK_FULL naming `options.what`; the lock is never left behind.
 */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  try {
    return await lockedRun(lockPath, fn, options);
  } catch (e) {
    if (!isDiskFull(e) || isSharingError(e)) throw e;
    const what = options.what ? options.what.charAt(0).toLowerCase() + options.what.slice(1) : 'its files';
    throw diskFullError(what, dirname(lockPath), e);
  }
}

async function lockedRun<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const mine = `${process.pid} ${randomBytes(8).toString('hex')}`;
  const deadline = Date.now() + timeoutMs;
  for (let delay = 1; ; delay = Math.min(delay * 2, 25)) {
    if (await tryCreate(lockPath, mine)) break;
    let seen: string;
    try {
      seen = await readFile(lockPath, 'utf8');
    } catch (e) {
      if (code(e) === 'ENOENT') continue; // released between our two calls
      throw e;
    }
    const owner = Number(seen.split(' ')[0]);
    const age = await stat(lockPath).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    // An empty lock file is one whose owner died between create and write.
    const ownerGone = seen === '' ? age > 1000 : !(owner > 0 && isAlive(owner));
    if (ownerGone || age > staleMs) {
      await takeOver(lockPath, seen);
      continue;
    }
    if (Date.now() > deadline) {
      throw new SharingError(
        options.code ?? 'HISTORY_LOCKED',
        `${options.what ?? 'This file'} is locked by another Signet process (pid ${owner || '?'}). Wait for it to finish; if no Signet process is running, delete ${lockPath}.`,
        { details: { lockPath } },
      );
    }
    await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
  }
  try {
    return await fn();
  } finally {
    // Release only our own lock (it may have been taken over if we were stuck for long).
    const now = await readFile(lockPath, 'utf8').catch(() => '');
    if (now === mine) await rm(lockPath, { force: true });
  }
}
