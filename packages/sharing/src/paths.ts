// Where Signet keeps its per-user files: one place shared by the desktop app, the CLI and the
// native host, so all three see the same profiles and history. Platform conventions;
// SIGNET_HOME overrides everything (tests always set it, so they never touch the real one).
import { homedir } from 'node:os';
import { isAbsolute, join, posix, resolve, win32 } from 'node:path';

export interface SignetPaths {
  /** profiles.json, approvals.json */
  configDir: string;
  /** history.jsonl, the bridge socket */
  dataDir: string;
}

/**
 * Linux/BSD: `$XDG_CONFIG_HOME/signet` and `$XDG_DATA_HOME/signet` (defaults ~/.config, ~/.local/share);
 * macOS: `~/Library/Application Support/Signet`; Windows: `%APPDATA%\Signet`.
 * `SIGNET_HOME` (made absolute) is used for both when set.
 */
export function resolveSignetPaths(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): SignetPaths {
  if (env.SIGNET_HOME) {
    const dir = resolve(env.SIGNET_HOME);
    return { configDir: dir, dataDir: dir };
  }
  if (platform === 'win32') {
    const home = env.USERPROFILE || env.HOME || homedir();
    const dir = win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Signet');
    return { configDir: dir, dataDir: dir };
  }
  const home = env.HOME || homedir();
  if (platform === 'darwin') {
    const dir = posix.join(home, 'Library', 'Application Support', 'Signet');
    return { configDir: dir, dataDir: dir };
  }
  // The XDG spec says relative values are invalid and must be ignored.
  const xdg = (value: string | undefined, fallback: string) =>
    value && isAbsolute(value) ? value : join(home, fallback);
  return {
    configDir: join(xdg(env.XDG_CONFIG_HOME, '.config'), 'signet'),
    dataDir: join(xdg(env.XDG_DATA_HOME, join('.local', 'share')), 'signet'),
  };
}
