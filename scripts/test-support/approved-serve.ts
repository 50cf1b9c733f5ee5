// The start of a bridge test against the built CLI: the extension `origin` approved with
// `signet bridge approve`, then a live `signet serve` (live-serve.ts) on a socket under `home`.
import { join } from 'node:path';
import { startServe, type LiveServe } from './live-serve.js';
import { expectOk, runSignet } from './signet-cli.js';

export type { LiveServe };

/** Approves `origin` (the test fails unless that exits 0) and starts `signet serve` with `env`. */
export async function serveApproved(env: NodeJS.ProcessEnv, home: string, origin: string): Promise<LiveServe> {
  expectOk((args) => runSignet(env, args), ['bridge', 'approve', origin]);
  return startServe(env, join(home, 'run', 'bridge.sock'), origin);
}
