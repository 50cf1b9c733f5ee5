// The context menu: "Copy share link" (default expiry) and "Copy share link that expires in" with
// the presets, on links, images and media, selected text and pages.
import { EXPIRY_PRESETS } from '@signet/protocol';
import { ext } from '../shared/browser-api.js';

export const COPY_LINK_ID = 'copy-link';
const PRESETS_PARENT_ID = 'copy-link-expiry';
const PRESET_PREFIX = 'copy-link:';

type Context = `${chrome.contextMenus.ContextType}`;
const CONTEXTS: [Context, ...Context[]] = ['link', 'image', 'video', 'audio', 'selection', 'page', 'frame'];

export async function createMenus(): Promise<void> {
  await ext.contextMenus.removeAll();
  ext.contextMenus.create({ id: COPY_LINK_ID, title: 'Copy share link', contexts: CONTEXTS });
  ext.contextMenus.create({ id: PRESETS_PARENT_ID, title: 'Copy share link that expires in', contexts: CONTEXTS });
  for (const preset of EXPIRY_PRESETS) {
    ext.contextMenus.create({
      id: `${PRESET_PREFIX}${preset.expires}`,
      parentId: PRESETS_PARENT_ID,
      title: preset.label,
      contexts: CONTEXTS,
    });
  }
}

/** The expiry a menu item asks for: a preset, `'default'` for the main item, undefined if not ours. */
export function expiryForMenuItem(menuItemId: string | number): string | 'default' | undefined {
  const id = String(menuItemId);
  if (id === COPY_LINK_ID) return 'default';
  if (!id.startsWith(PRESET_PREFIX)) return undefined;
  const expires = id.slice(PRESET_PREFIX.length);
  return EXPIRY_PRESETS.some((p) => p.expires === expires) ? expires : undefined;
}
