// Opening Signet's own files without following a symlink (O_NOFOLLOW): even in a private folder a
// link planted earlier (or by a backup tool) must not send the signed links elsewhere or read
// someone else's profiles. A symlink is refused with CONFIG_UNSAFE and what to do.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { SharingError } from '../errors.js';

// Windows has no O_NOFOLLOW (and symlinks there need privileges to create).
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** `open()` with O_NOFOLLOW added: 'r' read, 'a' / 'a+' append (created if missing), 'wx' create new. */
export async function openNoFollow(path: string, flags: 'r' | 'a+' | 'a' | 'wx', mode = 0o600): Promise<FileHandle> {
  const bits = {
    r: constants.O_RDONLY,
    'a+': constants.O_RDWR | constants.O_APPEND | constants.O_CREAT,
    a: constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT,
    wx: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
  }[flags];
  try {
    return await open(path, bits | NOFOLLOW, mode);
  } catch (e) {
    // Linux says ELOOP, FreeBSD EMLINK, for "the last component is a symlink".
    const c = (e as NodeJS.ErrnoException).code;
    if (NOFOLLOW && (c === 'ELOOP' || c === 'EMLINK')) {
      throw new SharingError(
        'CONFIG_UNSAFE',
        `${path} is a symbolic link, and Signet does not follow links for its own files (someone could use one to read your links or swap your profiles). Remove the link (rm '${path}') and try again.`,
        { cause: e, details: { file: path } },
      );
    }
    throw e;
  }
}

/** Reads a whole file as UTF-8 without following a symlink; ENOENT is passed through. */
export async function readFileNoFollow(path: string): Promise<string> {
  const fh = await openNoFollow(path, 'r');
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}
