// What an e2e scenario needs from a browser with the extension loaded, the same for Chromium
// (playwright-core) and Firefox (puppeteer-core over WebDriver BiDi): act as a menu click, read
// the clipboard, look at the popup, find the host manifest the browser reads.

export interface ClickInfo {
  menuItemId: string;
  linkUrl?: string;
  srcUrl?: string;
  selectionText?: string;
  pageUrl?: string;
}

/** What the background's menu handler returns (handle-menu-click.ts). */
export interface MenuOutcome {
  ok: boolean;
  level: 'ok' | 'warning' | 'error';
  title: string;
  message: string;
  details: string;
  url?: string;
  effectiveExpiresAt?: string;
  profileId?: string;
  profileName?: string;
  code?: string;
}

export interface PopupView {
  /** data-state of the status line: loading, connected, not-approved, not-running, … */
  state(): Promise<string>;
  text(selector: string): Promise<string>;
  /** Whether the element and none of its ancestors is hidden. */
  visible(selector: string): Promise<boolean>;
  count(selector: string): Promise<number>;
  select(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionDriver {
  name: 'chromium' | 'firefox';
  /** The origin the bridge approves (chrome-extension://<id>/, or the Firefox add-on id). */
  origin: string;
  /** The native-host manifest the browser reads (removed to test "connector missing"). */
  manifestPath: string;
  /** An http://127.0.0.1 page, used as the page a click happens on. */
  pageUrl: string;
  click(info: ClickInfo): Promise<MenuOutcome>;
  readClipboard(): Promise<string>;
  /** Asks the background to fetch the page patterns from the bridge now; what the menus use then. */
  syncMenus(): Promise<{ patterns: string[]; errors: string[] }>;
  openPopup(): Promise<PopupView>;
  /** The toolbar badge as the browser holds it: its text and background colour (RGBA). */
  badge(): Promise<{ text: string; color: number[] }>;
  close(): Promise<void>;
}
