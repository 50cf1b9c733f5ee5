// The native-messaging host manifest: Chromium browsers list exact extension origins in
// `allowed_origins` (no wildcards allowed), Firefox lists add-on ids in `allowed_extensions`.
import { chromiumOrigin, chromiumOriginSchema, firefoxExtensionIdSchema, NATIVE_HOST_NAME } from '@signet/protocol';
import { isChromiumFamily, type BrowserId } from './browsers.js';

export type HostManifest =
  | { name: string; description: string; path: string; type: 'stdio'; allowed_origins: string[] }
  | { name: string; description: string; path: string; type: 'stdio'; allowed_extensions: string[] };

export function buildHostManifest(browser: BrowserId, hostPath: string, extensionIds: readonly string[]): HostManifest {
  if (extensionIds.length === 0)
    throw new Error('Name at least one extension id allowed to use the Signet native host.');
  const base = {
    name: NATIVE_HOST_NAME,
    description: 'Signet: share links for the browser extension',
    path: hostPath,
    type: 'stdio' as const,
  };
  if (isChromiumFamily(browser)) {
    const origins = extensionIds.map((id) => (id.startsWith('chrome-extension://') ? id : chromiumOrigin(id)));
    for (const o of origins) {
      if (!chromiumOriginSchema.safeParse(o).success)
        throw new Error(
          `"${o}" is not a Chromium extension id: it must be 32 letters a-p (wildcards are not allowed).`,
        );
    }
    return { ...base, allowed_origins: [...new Set(origins)] };
  }
  for (const id of extensionIds) {
    if (!firefoxExtensionIdSchema.safeParse(id).success)
      throw new Error(`"${id}" is not a Firefox add-on id (name@domain or {uuid}).`);
  }
  return { ...base, allowed_extensions: [...new Set(extensionIds)] };
}
