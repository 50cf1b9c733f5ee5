// Signet's own folders (config, data, the bridge socket's) must be private: another local user
// who can write into one can plant a symlink that redirects history.jsonl to a file they read,
// or replace profiles.json so links and uploads go to their server (docs/security.md: other
// local users). So a folder that is not ours, or that others may write, is refused — never
// "fixed" silently, since it may be a folder the user shares on purpose — with the command that
// fixes it.
import { mkdir, stat } from 'node:fs/promises';
import { SharingError } from '../errors.js';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;
const quote = (p: string) => `'${p.replace(/'/g, `'\\''`)}'`;

export interface PrivateDirOptions {
  /** Words for the folder in messages (default "Signet's folder"). */
  what?: string;
  /** Create it (0700, parents too) when missing (default true; false: a missing folder is fine). */
  create?: boolean;
  /** Also refuse a folder other users may read or enter (mode & 077; default: only writable). */
  ownerOnly?: boolean;
  /** For tests: the platform whose rules apply (Windows has no modes to check). */
  platform?: NodeJS.Platform;
}

/**
 * Makes sure `dir` exists (unless `create: false`), is a folder, belongs to this user and cannot
 * be written by anyone else. Throws CONFIG_UNSAFE with the fix otherwise. Returns false when
 * the folder does not exist and `create` is false.
 */
export async function ensurePrivateDir(dir: string, options: PrivateDirOptions = {}): Promise<boolean> {
  const what = options.what ?? "Signet's folder";
  if ((options.platform ?? process.platform) === 'win32') {
    if (options.create !== false) await mkdir(dir, { recursive: true });
    return true;
  }
  if (options.create !== false) await mkdir(dir, { recursive: true, mode: 0o700 });
  let info;
  try {
    info = await stat(dir);
  } catch (e) {
    if (code(e) === 'ENOENT' && options.create === false) return false;
    throw e;
  }
  if (!info.isDirectory()) {
    throw unsafe(`${what} ${dir} is not a folder. Move it aside so Signet can create the folder.`, dir);
  }
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw unsafe(
      `${what} ${dir} belongs to another user (uid ${info.uid}), so Signet will not keep its files there: that user could read your links or replace your profiles. Use a folder of your own (SIGNET_HOME), or as its owner run: chown ${uid} ${quote(dir)} && chmod 700 ${quote(dir)}`,
      dir,
    );
  }
  const mask = options.ownerOnly ? 0o077 : 0o022;
  if ((info.mode & mask) !== 0) {
    const mode = (info.mode & 0o777).toString(8);
    const why = options.ownerOnly
      ? `open to other users (mode ${mode}), and it must be a folder only you can enter`
      : `writable by other users (mode ${mode}), so another user could redirect or replace Signet's files in it`;
    throw unsafe(`${what} ${dir} is ${why}. Make it private and try again: chmod 700 ${quote(dir)}`, dir);
  }
  return true;
}

function unsafe(message: string, dir: string): SharingError {
  return new SharingError('CONFIG_UNSAFE', message, { details: { dir } });
}
