// Before listening on a Unix socket: its directory exists, belongs to this user and is 0700 (so
// no other user can even reach the socket), and a socket file left by a crashed server is
// removed — but a live one means another Signet already serves the bridge, which is an error.
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname } from 'node:path';

export class BridgeInUseError extends Error {
  readonly code = 'BRIDGE_IN_USE';
  constructor(readonly socketPath: string) {
    super(
      `Another Signet (the desktop app or \`signet serve\`) is already serving browser requests at ${socketPath}. Quit it first, or use that one.`,
    );
    this.name = 'BridgeInUseError';
  }
}

export async function prepareSocketPath(
  socketPath: string,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  if (platform === 'win32') return; // named pipes live in their own namespace, no file to prepare
  const dir = dirname(socketPath);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  if (!info.isDirectory()) throw new Error(`${dir} must be a directory for the Signet bridge socket.`);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new Error(
      `${dir} belongs to another user; Signet will not put its bridge socket there. Remove it or set SIGNET_BRIDGE_SOCKET.`,
    );
  }
  if ((info.mode & 0o077) !== 0) await chmod(dir, 0o700);
  if (await isListening(socketPath)) throw new BridgeInUseError(socketPath);
  await unlink(socketPath).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

function isListening(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
