// Background entry (Chromium service worker / Firefox event page): wires the menus, the native
// client, the clipboard and the popup's questions. The extension never holds a key: it only asks
// the desktop app, through the native host, for links.
import { configureProtocolForExtensions } from '@signet/protocol';
import { ext } from '../shared/browser-api.js';
import { popupStateRequestSchema } from '../shared/popup-messages.js';
import { copyToClipboard } from './copy-to-clipboard.js';
import { handleMenuClick, type MenuClickOutcome } from './handle-menu-click.js';
import { installSelectionFilter } from './menus.js';
import { MenuSync } from './menu-sync.js';
import { NativeClient } from './native-client.js';
import type { ClickTarget } from './pick-reference.js';
import { loadPopupState } from './popup-state.js';
import { showOutcome } from './show-outcome.js';

configureProtocolForExtensions();

const client = new NativeClient();
const menus = new MenuSync(client);
const onMenuClick = (
  info: ClickTarget & { menuItemId: string | number },
  tab?: { url?: string },
): Promise<MenuClickOutcome> =>
  handleMenuClick(
    { client, copy: copyToClipboard, show: showOutcome, afterLink: () => void menus.refresh(30_000) },
    info,
    tab,
  );

ext.runtime.onInstalled.addListener(() => void menus.start());
ext.runtime.onStartup.addListener(() => void menus.start());
ext.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
installSelectionFilter();
menus.followPageChanges();

ext.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id || !popupStateRequestSchema.safeParse(message).success) return false;
  void loadPopupState({ client, onPagePatterns: (p) => void menus.apply(p) }).then(sendResponse);
  return true; // answer asynchronously
});

// Test builds only (scripts/build.ts replaces the constant): the e2e tests drive the menu through
// this, as Playwright and BiDi cannot click native context menus. Release builds have no such hook.
declare const SIGNET_TEST_HOOKS: boolean;
if (SIGNET_TEST_HOOKS) {
  Object.assign(globalThis, { handleMenuClick: onMenuClick, signetClient: client, signetMenus: menus });
}
