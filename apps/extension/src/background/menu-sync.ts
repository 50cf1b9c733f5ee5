// Keeps the page menu's documentUrlPatterns in step with the user's profiles: the bridge's
// `status` reply carries the patterns of the profiles' endpoints and distributions. Asked at
// install/start-up, whenever the popup opens, after each link, and when the person moves to another
// page (at most once a minute: each ask may start the native host), so a profile added in Signet
// reaches the menu before the person right-clicks its page. The last patterns are kept in
// storage.local so a restarted background starts right.
// Without an approved connection the menus keep the AWS/CloudFront patterns and the stored ones.
import { ext } from '../shared/browser-api.js';
import { createMenus, menuErrors } from './menus.js';
import type { NativeClient } from './native-client.js';

const STORED_KEY = 'pagePatterns';
/** When the bridge was last asked (storage.session: survives a service-worker restart, not the browser's). */
const ASKED_KEY = 'menusAskedAt';
/** Page changes ask at most this often. */
const PAGE_CHANGE_THROTTLE_MS = 60_000;

export class MenuSync {
  private patterns: string[] = [];
  /** The throttled ask under way: a tab switch and its page load arrive together and ask once. */
  private pending: Promise<void> | undefined;

  constructor(private readonly client: NativeClient) {}

  /** Creates the menus from the stored patterns, then asks the bridge for fresh ones. */
  async start(): Promise<void> {
    const stored = (await ext.storage.local.get(STORED_KEY))[STORED_KEY];
    this.patterns = Array.isArray(stored) ? stored.filter((p): p is string => typeof p === 'string') : [];
    await createMenus(this.patterns);
    await this.refresh();
  }

  /**
   * Asks the bridge for the profiles' patterns (quietly: no approval, no Signet → nothing changes).
   * `throttleMs`: not when the last ask is more recent than that (after each link, on page changes).
   */
  async refresh(throttleMs = 0): Promise<void> {
    if (throttleMs > 0 && this.pending) return this.pending;
    const ask = this.ask(throttleMs);
    if (throttleMs > 0) this.pending = ask.finally(() => (this.pending = undefined));
    return ask;
  }

  private async ask(throttleMs: number): Promise<void> {
    const now = Date.now();
    if (throttleMs > 0) {
      const stored = (await ext.storage.session?.get(ASKED_KEY).catch(() => undefined))?.[ASKED_KEY];
      if (typeof stored === 'number' && now - stored < throttleMs && stored <= now) return;
    }
    await ext.storage.session?.set({ [ASKED_KEY]: now }).catch(() => undefined);
    const status = await this.client.request('status', {}, 5000);
    if (status.ok) await this.apply(status.result.pagePatterns ?? []);
  }

  /** Follows the person to other pages: a tab switched to, or one that starts loading a page. */
  followPageChanges(): void {
    const onChange = () => void this.refresh(PAGE_CHANGE_THROTTLE_MS);
    ext.tabs.onActivated.addListener(onChange);
    ext.tabs.onUpdated.addListener((_tabId, change) => {
      if (change.status === 'loading') onChange();
    });
  }

  /** Recreates the menus when the patterns changed. */
  async apply(patterns: string[]): Promise<void> {
    const next = [...patterns].sort();
    if (JSON.stringify(next) === JSON.stringify(this.patterns)) return;
    this.patterns = next;
    await ext.storage.local.set({ [STORED_KEY]: next });
    await createMenus(next);
  }

  /** The profile patterns in use and the items the browser refused (tests). */
  current(): { patterns: string[]; errors: string[] } {
    return { patterns: [...this.patterns], errors: [...menuErrors] };
  }
}
