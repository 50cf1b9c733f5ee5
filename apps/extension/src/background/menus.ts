// The context menu, only where it means something. One top-level "Copy share link" with its
// expiry choices as a submenu (two levels, never "Signet ▸ … ▸ …"), in three variants that never
// show together:
//   target    — on http(s) links, images, video and audio, on any page (targetUrlPatterns);
//   page      — on the page itself, only on S3, S3 console and CloudFront pages and on the servers
//               of the user's own profiles (documentUrlPatterns, kept in sync from the bridge);
//   selection — on selected text. Hidden for text without an S3 reference where the browser says
//               what is selected before showing (Firefox, with host permission for the page; see
//               installSelectionFilter); elsewhere a click on such text says so.
import { EXPIRY_PRESETS } from '@signet/core/browser';
import { ext } from '../shared/browser-api.js';
import { selectionHasReference } from './pick-reference.js';

const COPY_LINK_ID = 'copy-link';
const PRESET_PREFIX = 'copy-link:';

type Context = `${chrome.contextMenus.ContextType}`;

type MenuVariant = 'target' | 'page' | 'selection';
const VARIANTS: Record<MenuVariant, [Context, ...Context[]]> = {
  target: ['link', 'image', 'video', 'audio'],
  page: ['page'],
  selection: ['selection'],
};

/** Links and media: only http(s) targets (not mailto:, javascript:, data:, blob:). */
export const TARGET_URL_PATTERNS = ['http://*/*', 'https://*/*'];

/**
 * Pages where the page itself may be an object: every AWS S3 host form (virtual-hosted, path,
 * regional, dualstack, legacy — match patterns only allow a leading `*.`, so all of amazonaws.com),
 * the S3 console (global and regional, China, GovCloud) and CloudFront's default domains.
 */
export const AWS_PAGE_PATTERNS = [
  '*://*.amazonaws.com/*',
  '*://*.amazonaws.com.cn/*',
  'https://console.aws.amazon.com/s3/*',
  'https://*.console.aws.amazon.com/s3/*',
  'https://console.amazonaws.cn/s3/*',
  'https://*.console.amazonaws.cn/s3/*',
  'https://*.console.amazonaws-us-gov.com/s3/*',
  'https://*.cloudfront.net/*',
];

/** A match pattern the bridge may send (`*://host/*`, `https://*.host/*`); anything else is dropped. */
const PROFILE_PATTERN = /^(\*|https?):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\/\*$/;

/** The page menu's documentUrlPatterns: AWS + the valid profile patterns, unique. */
export function pagePatterns(profilePatterns: readonly string[] = []): string[] {
  return [...new Set([...AWS_PAGE_PATTERNS, ...profilePatterns.filter((p) => PROFILE_PATTERN.test(p))])];
}

export interface MenuItemSpec {
  id: string;
  title: string;
  parentId?: string;
  contexts: [Context, ...Context[]];
  targetUrlPatterns?: string[];
  documentUrlPatterns?: string[];
}

/** Every item to create, for the given profile patterns (pure: unit-tested). */
export function menuItems(profilePatterns: readonly string[] = []): MenuItemSpec[] {
  const items: MenuItemSpec[] = [];
  for (const variant of Object.keys(VARIANTS) as MenuVariant[]) {
    const scope: Omit<MenuItemSpec, 'id' | 'title'> = { contexts: VARIANTS[variant] };
    if (variant === 'target') scope.targetUrlPatterns = TARGET_URL_PATTERNS;
    if (variant === 'page') scope.documentUrlPatterns = pagePatterns(profilePatterns);
    const parentId = `${variant}/parent`;
    items.push({ id: parentId, title: 'Copy share link', ...scope });
    items.push({ id: `${variant}/${COPY_LINK_ID}`, parentId, title: 'With the default expiry', ...scope });
    for (const preset of EXPIRY_PRESETS)
      items.push({
        id: `${variant}/${PRESET_PREFIX}${preset.expires}`,
        parentId,
        title: `Expires in ${preset.label}`,
        ...scope,
      });
  }
  return items;
}

/** Items the browser refused at the last createMenus (an invalid pattern): tests assert none. */
export const menuErrors: string[] = [];

/** (Re)creates every menu item for the given profile patterns. */
export async function createMenus(profilePatterns: readonly string[] = []): Promise<void> {
  await ext.contextMenus.removeAll();
  menuErrors.length = 0;
  for (const item of menuItems(profilePatterns))
    ext.contextMenus.create(item, () => {
      // Reading lastError marks it handled; a refused item is a bug in the patterns.
      const error = ext.runtime.lastError?.message;
      if (error) menuErrors.push(`${item.id}: ${error}`);
    });
}

/** The expiry a menu item asks for: a preset, `'default'` for the default item, undefined if not ours. */
export function expiryForMenuItem(menuItemId: string | number): string | 'default' | undefined {
  const id = String(menuItemId).replace(/^(target|page|selection)\//, '');
  if (id === COPY_LINK_ID) return 'default';
  if (!id.startsWith(PRESET_PREFIX)) return undefined;
  const expires = id.slice(PRESET_PREFIX.length);
  return EXPIRY_PRESETS.some((p) => p.expires === expires) ? expires : undefined;
}

/**
 * Firefox asks before it shows a menu (onShown, on `browser.contextMenus` with the contextMenus
 * permission; `browser.menus` needs another): the selection variant is hidden when the selected
 * text holds no S3 reference. Firefox gives the text only on pages the extension has host
 * permission for; elsewhere it is unknown and the item stays. Chromium has no such event and
 * cannot look at the text without a content script on every site, which Signet does not want:
 * there the item shows on any selection and a click on text without a reference says so.
 */
export function installSelectionFilter(): void {
  const ff = (globalThis as unknown as { browser?: { menus?: FirefoxMenus; contextMenus?: FirefoxMenus } }).browser;
  const menus = ff?.menus?.onShown ? ff.menus : ff?.contextMenus;
  if (!menus?.onShown) return;
  // The last visibility set: an item hidden on one page must show again where the text is not
  // given (no host permission), else it would stay hidden there for good.
  let shownNow = true;
  menus.onShown.addListener((info) => {
    if (!info.contexts.includes('selection')) return;
    const visible = info.selectionText === undefined || selectionHasReference(info.selectionText);
    if (visible === shownNow) return;
    shownNow = visible;
    void Promise.resolve(menus.update('selection/parent', { visible })).then(() => menus.refresh());
  });
}

interface FirefoxMenus {
  onShown?: { addListener(fn: (info: { contexts: string[]; selectionText?: string }) => void): void };
  update(id: string, props: { visible: boolean }): Promise<void> | void;
  refresh(): Promise<void> | void;
}
