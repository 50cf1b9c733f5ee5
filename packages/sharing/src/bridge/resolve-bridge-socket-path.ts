// The per-user endpoint of the bridge on this machine (protocol's resolveBridgeEndpoint, fed with
// this process's facts), so the server and the native host find each other.
import { homedir, tmpdir, userInfo } from 'node:os';
import { resolveBridgeEndpoint } from '@signet/protocol';

export interface BridgeSocketPathOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export function resolveBridgeSocketPath(options: BridgeSocketPathOptions = {}): string {
  return resolveBridgeEndpoint({
    platform: options.platform ?? process.platform,
    env: options.env ?? process.env,
    uid: process.getuid?.(),
    userName: safeUserName(),
    tmpDir: tmpdir(),
    homeDir: homedir(),
  });
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}
