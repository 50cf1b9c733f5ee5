// Expands the paths a user shares (files and folders, recursively) into a list of files, and
// checks every one is readable before anything is uploaded: a share either starts whole or not.
import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { SharingError } from '../errors.js';

export interface CollectedFile {
  path: string;
  /** Name to use in the object key: the file name, or its path inside a shared folder. */
  name: string;
  size: number;
  mtimeMs: number;
}

export async function collectFiles(paths: string[]): Promise<CollectedFile[]> {
  if (paths.length === 0) throw new SharingError('NOTHING_TO_SHARE', 'Nothing to share: give at least one file or folder.');
  const out: CollectedFile[] = [];
  for (const p of paths) {
    const st = await stat(p).catch((e: NodeJS.ErrnoException) => {
      throw unreadable(p, e);
    });
    if (st.isDirectory()) await walk(p, basename(p), new Set([await realpath(p)]), out, p);
    else if (st.isFile()) {
      await checkReadable(p);
      out.push({ path: p, name: basename(p), size: st.size, mtimeMs: st.mtimeMs });
    } else throw new SharingError('FILE_UNREADABLE', `${p} is not a regular file or folder (a device, socket or pipe). Share files or folders only.`);
  }
  if (out.length === 0) throw new SharingError('NOTHING_TO_SHARE', `No files in ${paths.join(', ')}: the folders are empty.`);
  return out;
}

async function walk(dir: string, prefix: string, seen: Set<string>, out: CollectedFile[], root: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw unreadable(dir, e);
  });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, e.name);
    const st = await stat(full).catch((err: NodeJS.ErrnoException) => {
      throw unreadable(full, err);
    });
    if (st.isDirectory()) {
      const real = await realpath(full);
      if (seen.has(real)) {
        throw new SharingError('DIRECTORY_LOOP', `${full} links back to a folder that is already being shared (a symlink loop). Remove the link or share a folder inside it.`);
      }
      await walk(full, `${prefix}/${e.name}`, new Set([...seen, real]), out, root);
    } else if (st.isFile()) {
      await checkReadable(full);
      out.push({ path: full, name: `${prefix}/${relative(dir, full)}`, size: st.size, mtimeMs: st.mtimeMs });
    }
  }
}

async function checkReadable(p: string): Promise<void> {
  await access(p, constants.R_OK).catch((e: NodeJS.ErrnoException) => {
    throw unreadable(p, e);
  });
}

function unreadable(p: string, e: NodeJS.ErrnoException): SharingError {
  const why = e.code === 'ENOENT' ? 'does not exist' : e.code === 'EACCES' || e.code === 'EPERM' ? 'cannot be read (permission denied)' : e.code === 'ELOOP' ? 'is a symlink loop' : `cannot be read (${e.code})`;
  return new SharingError(e.code === 'ELOOP' ? 'DIRECTORY_LOOP' : 'FILE_UNREADABLE', `${p} ${why}. Nothing was uploaded.`, { details: { path: p } });
}
