// Before the native host sends anything to the bridge socket it checks that the socket is this
// user's Signet and not one planted by someone else (issue 11 item 4: with no XDG_RUNTIME_DIR the
// socket lives under the shared temp dir, where another user could create the folder first and
// answer the host's requests with their own "share links"). The server creates the folder 0700
// and the socket 0600; the host accepts only a folder that is this user's and closed to others
// (so nobody else can put a socket in it) and a socket file owned by this user.
import { lstat } from 'node:fs/promises';
import { dirname } from 'node:path';

export type SocketVerdict = { ok: true } | { ok: false; reason: string };

export interface VerifyOptions {
  platform?: NodeJS.Platform;
  /** Defaults to this process's uid. */
  uid?: number;
  /**
   * Set once connected: the folder and the socket must exist now. A missing one means the socket
   * connected to was planted and removed again (the race the check before connecting leaves open).
   */
  connected?: boolean;
}

export async function verifyBridgeSocket(socketPath: string, options: VerifyOptions = {}): Promise<SocketVerdict> {
  const platform = options.platform ?? process.platform;
  // Named pipes have no folder or mode; the pipe name carries the user name and Windows checks the ACL.
  if (platform === 'win32') return { ok: true };
  const uid = options.uid ?? process.getuid?.();
  if (uid === undefined) return { ok: true };
  const dir = dirname(socketPath);
  const dirInfo = await lstat(dir).catch(() => undefined);
  if (!dirInfo)
    return options.connected
      ? {
          ok: false,
          reason: `the folder ${dir} disappeared right after connecting (someone else may have put a socket there)`,
        }
      : { ok: true }; // nothing there: connecting fails and says Signet is not running
  if (!dirInfo.isDirectory()) return { ok: false, reason: `${dir} is not a real folder (it is a link or a file)` };
  if (dirInfo.uid !== uid)
    return { ok: false, reason: `the folder ${dir} belongs to another user (uid ${dirInfo.uid}, you are ${uid})` };
  if ((dirInfo.mode & 0o077) !== 0)
    return {
      ok: false,
      reason: `the folder ${dir} is open to other users (mode ${octal(dirInfo.mode)}; Signet makes it 0700)`,
    };
  const info = await lstat(socketPath).catch(() => undefined);
  if (!info)
    return options.connected
      ? { ok: false, reason: `the socket ${socketPath} disappeared right after connecting` }
      : { ok: true };
  if (!info.isSocket()) return { ok: false, reason: `${socketPath} is not a socket` };
  if (info.uid !== uid)
    return { ok: false, reason: `the socket ${socketPath} belongs to another user (uid ${info.uid}, you are ${uid})` };
  if ((info.mode & 0o022) !== 0)
    return { ok: false, reason: `the socket ${socketPath} is writable by other users (mode ${octal(info.mode)})` };
  return { ok: true };
}

/** The sentence the extension shows when the socket failed the check. */
export function unsafeSocketMessage(reason: string): string {
  return `Signet's native host did not contact Signet because ${reason}. Nothing was sent. If you did not set this up, another user may have: remove that folder, then open Signet or run \`signet serve\` again.`;
}

function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0');
}
