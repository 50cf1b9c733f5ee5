// Entry point of the native-messaging host the browser starts (`connectNative`): wires stdio to
// the bridge socket and exits when the browser closes stdin. Protocol only: no keys, no logic.
import { homedir, tmpdir, userInfo } from 'node:os';
import { originFromHostArgs, resolveBridgeEndpoint, SIGNET_VERSION } from '@signet/protocol';
import { runRelay } from './relay.js';

const socketPath = resolveBridgeEndpoint({
  platform: process.platform,
  env: process.env,
  uid: process.getuid?.(),
  userName: (() => {
    try {
      return userInfo().username;
    } catch {
      return undefined;
    }
  })(),
  tmpDir: tmpdir(),
  homeDir: homedir(),
});

// No top-level await: the host is bundled as CommonJS for the single-executable build (build.mjs).
void runRelay({
  input: process.stdin,
  output: process.stdout,
  origin: originFromHostArgs(process.argv.slice(2)),
  socketPath,
  hostVersion: SIGNET_VERSION,
  log: (line) => process.stderr.write(`${line}\n`),
}).then(() => process.exit(0));
