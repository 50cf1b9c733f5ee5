// Before listening on a Unix socket: its directory exists, belongs to this user and is 0700 (so
// no other user can even reach the socket), and a socket file left by a crashed server is
// removed — but a live one means another Signet already serves the bridge, which is an error.
// A folder that already exists is checked, never chmod'ed (`--socket ~/Documents/s.sock` must
// not change Documents), and only a socket is ever removed at the path, never a user's file.
import { lstat, unlink } from 'node:fs/promises';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { ensurePrivateDir } from '../fs/index.js';

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
  await ensurePrivateDir(dir, { ownerOnly: true, platform, what: 'The folder for the bridge socket' });
  const existing = await lstat(socketPath).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (!existing) return;
  if (!existing.isSocket()) {
    throw new Error(
      `${socketPath} is not a socket but a ${existing.isSymbolicLink() ? 'symbolic link' : existing.isDirectory() ? 'folder' : 'file'}, and Signet will not delete it. Choose another socket path, or move it away yourself.`,
    );
  }
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
