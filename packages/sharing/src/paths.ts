// Where Signet keeps its per-user files: one place shared by the desktop app, the CLI and the
// native host. Platform conventions; SIGNET_HOME overrides everything (tests always set it).
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface SignetPaths {
  /** profiles.json, approvals.json */
  configDir: string;
  /** history.jsonl, the bridge socket */
  dataDir: string;
}

export function resolveSignetPaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): SignetPaths {
  if (env.SIGNET_HOME) return { configDir: env.SIGNET_HOME, dataDir: env.SIGNET_HOME };
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'darwin') {
    const dir = join(home, 'Library', 'Application Support', 'Signet');
    return { configDir: dir, dataDir: dir };
  }
  if (platform === 'win32') {
    const dir = join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Signet');
    return { configDir: dir, dataDir: dir };
  }
  return {
    configDir: join(env.XDG_CONFIG_HOME || join(home, '.config'), 'signet'),
    dataDir: join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'signet'),
  };
}
