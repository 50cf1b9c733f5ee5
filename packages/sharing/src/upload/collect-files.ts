// Expands the paths a user shares (files and folders, recursively) into a list of files, and
// checks every one is readable before anything is uploaded: a share either starts whole or not.
//
// Decisions:
// - Hidden entries (names starting with ".") inside a shared folder are skipped and reported:
//   a folder shared by link should not carry .git, .env or .DS_Store along unnoticed. A hidden
//   file named explicitly is shared.
// - A symlink inside a shared folder is followed only when it resolves inside that folder (as
//   rsync's --safe-links): one to ~/.ssh or to a credentials file under a harmless name would
//   otherwise upload what the user never meant to share. Links that lead out are skipped and
//   reported; a link to a hidden entry inside the folder counts as hidden. A symlink named
//   explicitly is the user's choice and followed. One that leads back to a folder being walked
//   is a loop and an error (never an endless walk), a dangling one is an unreadable file.
// - Zero-byte files are shared like any other; sockets, pipes and devices are refused.
import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { SkippedEntry } from '../api.js';
import type { FileIdentity } from './file-identity.js';
import { SharingError } from '../errors.js';

export interface CollectedFile {
  path: string;
  /** Name to use in the object key: the file name, or `folder/sub/file` inside a shared folder. */
  name: string;
  /** Index of the path in the request this file came from (a folder's files share it). */
  root: number;
  size: number;
  mtimeMs: number;
  /** Device and inode seen when checked: the upload refuses a different file put at the path since. */
  dev: number;
  ino: number;
}

export interface CollectedFiles {
  files: CollectedFile[];
  /** Hidden files and folders left out of shared folders. */
  skippedHidden: string[];
  /** Everything left out of shared folders (hidden entries and symlinks out), in walk order. */
  skipped: SkippedEntry[];
}

export async function collectFiles(paths: string[]): Promise<CollectedFiles> {
  if (paths.length === 0)
    throw new SharingError('NOTHING_TO_SHARE', 'Nothing to share: give at least one file or folder.');
  const result: CollectedFiles = { files: [], skippedHidden: [], skipped: [] };
  for (const [root, p] of paths.entries()) {
    const st = await stat(p).catch((e: NodeJS.ErrnoException) => {
      throw unreadable(p, e);
    });
    if (st.isDirectory()) {
      // The folder's own name, also for `.`, `./sub/.` or `..` (whose basename is not a name).
      const real = await realpath(p);
      await walk({ dir: p, prefix: basename(resolve(p)), rootReal: real, seen: new Set([real]), root, result });
    } else if (st.isFile()) {
      await checkReadable(p);
      result.files.push({ path: p, name: basename(p), root, ...identityOf(st) });
    } else {
      throw notAFile(p);
    }
  }
  if (result.files.length === 0) {
    const links = result.skipped.length - result.skippedHidden.length;
    const hidden = result.skipped.length
      ? ` (${[
          result.skippedHidden.length
            ? `${result.skippedHidden.length} hidden item(s) left out; share them by name`
            : '',
          links ? `${links} symlink(s) leading out of the folder not followed` : '',
        ]
          .filter(Boolean)
          .join('; ')})`
      : '';
    throw new SharingError('NOTHING_TO_SHARE', `No files in ${paths.join(', ')}: the folders are empty${hidden}.`);
  }
  return result;
}

interface Walk {
  dir: string;
  prefix: string;
  /** Real path of the shared folder: symlinks are followed only when they resolve inside it. */
  rootReal: string;
  /** Real paths of the folders from the shared root down to `dir`. */
  seen: Set<string>;
  root: number;
  result: CollectedFiles;
}

async function walk({ dir, prefix, rootReal, seen, root, result }: Walk): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    throw unreadable(dir, e);
  });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, e.name);
    if (e.name.startsWith('.')) {
      result.skippedHidden.push(full);
      result.skipped.push({ path: full, reason: 'hidden' });
      continue;
    }
    if (e.isSymbolicLink()) {
      const target = await realpath(full).catch((err: NodeJS.ErrnoException) => {
        throw unreadable(full, err);
      });
      const rel = relative(rootReal, target);
      // `..x` is a name inside; `..`, `../x` and another drive (Windows) are outside.
      if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
        result.skipped.push({ path: full, reason: 'link-outside', target });
        continue;
      }
      if (rel.split(sep).some((part) => part.startsWith('.'))) {
        result.skippedHidden.push(full);
        result.skipped.push({ path: full, reason: 'hidden', target });
        continue;
      }
    }
    const st = await stat(full).catch((err: NodeJS.ErrnoException) => {
      throw unreadable(full, err);
    });
    if (st.isDirectory()) {
      const real = await realpath(full);
      if (seen.has(real)) {
        throw new SharingError(
          'DIRECTORY_LOOP',
          `${full} links back to ${real}, a folder that is already being shared (a symlink loop). Remove the link or share a folder inside it. Nothing was uploaded.`,
          { details: { path: full } },
        );
      }
      await walk({ dir: full, prefix: `${prefix}/${e.name}`, rootReal, seen: new Set([...seen, real]), root, result });
    } else if (st.isFile()) {
      await checkReadable(full);
      result.files.push({ path: full, name: `${prefix}/${e.name}`, root, ...identityOf(st) });
    } else {
      throw notAFile(full);
    }
  }
}

function identityOf(st: FileIdentity): FileIdentity {
  return { size: st.size, mtimeMs: st.mtimeMs, dev: st.dev, ino: st.ino };
}

async function checkReadable(p: string): Promise<void> {
  await access(p, constants.R_OK).catch((e: NodeJS.ErrnoException) => {
    throw unreadable(p, e);
  });
}

function notAFile(p: string): SharingError {
  return new SharingError(
    'FILE_UNREADABLE',
    `${p} is not a regular file or folder (a device, socket or pipe). Share files or folders only. Nothing was uploaded.`,
    { details: { path: p } },
  );
}

function unreadable(p: string, e: NodeJS.ErrnoException): SharingError {
  const why =
    e.code === 'ENOENT'
      ? 'does not exist'
      : e.code === 'EACCES' || e.code === 'EPERM'
        ? 'cannot be read (permission denied)'
        : e.code === 'ELOOP'
          ? 'is a symlink loop'
          : `cannot be read (${e.code})`;
  return new SharingError(
    e.code === 'ELOOP' ? 'DIRECTORY_LOOP' : 'FILE_UNREADABLE',
    `${p} ${why}. Nothing was uploaded.`,
    { details: { path: p } },
  );
}
