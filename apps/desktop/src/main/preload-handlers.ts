// IPC the preload sends on its own, never offered to page script: the page gets DesktopApi
// (pathForFile) and the preload, in its isolated world, tells main which path a real File had.
// Same rules as every handler: the sender must be the Signet window, the payload is parsed.
import { z } from 'zod';
import { DesktopError } from './desktop-error.js';
import type { GrantedPaths } from './granted-paths.js';
import type { SenderInfo } from './create-desktop-handlers.js';

import { PRELOAD_CHANNELS } from '../shared/preload-channels.js';

export { PRELOAD_CHANNELS };

const absPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path');
const payloads = { registerDrop: z.tuple([absPath]) };

export interface PreloadHandlerDeps {
  isTrustedSender(url: string): boolean;
  grantedPaths: GrantedPaths;
}

export type PreloadHandlers = Record<
  keyof typeof PRELOAD_CHANNELS,
  (sender: SenderInfo, args: unknown[]) => Promise<void>
>;

export function createPreloadHandlers(deps: PreloadHandlerDeps): PreloadHandlers {
  return {
    // Synchronous up to the record: a share sent right after the drop finds the path granted
    // (IPC messages from one renderer arrive in order).
    registerDrop: async (sender, args) => {
      if (!sender.url || !deps.isTrustedSender(sender.url))
        throw new DesktopError('UNTRUSTED_SENDER', 'Refused: this request did not come from the Signet window.');
      const parsed = payloads.registerDrop.safeParse(args);
      if (!parsed.success)
        throw new DesktopError(
          'BAD_REQUEST',
          'Signet could not use that input (registerDrop: must be an absolute path).',
        );
      deps.grantedPaths.add(parsed.data[0]);
    },
  };
}
