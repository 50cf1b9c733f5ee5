// Where the desktop (or `signet serve`) listens for native hosts. Part of the contract because
// both ends must agree without sharing code beyond this package: the native host is a relay that
// imports the protocol only. Pure: the caller passes platform, environment and user facts.

export interface BridgeEndpointInput {
  platform: string;
  env: Record<string, string | undefined>;
  /** Numeric user id (POSIX), used for the fallback directory name. */
  uid?: number;
  /** User name (Windows pipe name). */
  userName?: string;
  /** The OS temp dir, for the fallback directory. */
  tmpDir: string;
  homeDir: string;
}

/** Name of the socket file inside its owner-only directory. */
export const BRIDGE_SOCKET_FILE = 'bridge.sock';

/**
 * Resolves the bridge endpoint:
 * 1. `SIGNET_BRIDGE_SOCKET` (tests, unusual setups);
 * 2. Windows: the per-user named pipe `\\.\pipe\signet-bridge-<user>`;
 * 3. `SIGNET_HOME` set: `$SIGNET_HOME/run/bridge.sock`;
 * 4. Linux with `XDG_RUNTIME_DIR` (owner-only by spec): `$XDG_RUNTIME_DIR/signet/bridge.sock`;
 * 5. macOS: `~/Library/Application Support/Signet/run/bridge.sock`;
 * 6. otherwise `<tmp>/signet-<uid>/bridge.sock` (the server creates it 0700 and checks its owner).
 */
export function resolveBridgeEndpoint(input: BridgeEndpointInput): string {
  const { env, platform } = input;
  if (env.SIGNET_BRIDGE_SOCKET) return env.SIGNET_BRIDGE_SOCKET;
  if (platform === 'win32') {
    const user = (input.userName ?? env.USERNAME ?? 'user').replace(/[^A-Za-z0-9._-]/g, '_');
    return `\\\\.\\pipe\\signet-bridge-${user}`;
  }
  if (env.SIGNET_HOME) return joinPosix(env.SIGNET_HOME, 'run', BRIDGE_SOCKET_FILE);
  if (platform === 'linux' && env.XDG_RUNTIME_DIR) return joinPosix(env.XDG_RUNTIME_DIR, 'signet', BRIDGE_SOCKET_FILE);
  if (platform === 'darwin')
    return joinPosix(input.homeDir, 'Library', 'Application Support', 'Signet', 'run', BRIDGE_SOCKET_FILE);
  return joinPosix(input.tmpDir, `signet-${input.uid ?? 'user'}`, BRIDGE_SOCKET_FILE);
}

function joinPosix(...parts: string[]): string {
  return parts.map((p, i) => (i === 0 ? p.replace(/\/+$/, '') : p.replace(/^\/+|\/+$/g, ''))).join('/');
}
