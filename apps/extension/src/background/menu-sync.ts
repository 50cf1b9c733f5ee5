// Keeps the page menu's documentUrlPatterns in step with the user's profiles: the bridge's
// `status` reply carries the patterns of the profiles' endpoints and distributions. Asked at
// install/start-up, whenever the popup opens and after each link (a new profile shows up there
// first); the last patterns are kept in storage.local so a restarted background starts right.
// Without an approved connection the menus keep the AWS/CloudFront patterns and the stored ones.
import { ext } from '../shared/browser-api.js';
import { createMenus, menuErrors } from './menus.js';
import type { NativeClient } from './native-client.js';

const STORED_KEY = 'pagePatterns';

export class MenuSync {
  private patterns: string[] = [];
  private askedAt = 0;

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
   * `throttle`: not more than every 30 s (after each link: the rate limit is for links).
   */
  async refresh(throttle = false): Promise<void> {
    if (throttle && Date.now() - this.askedAt < 30_000) return;
    this.askedAt = Date.now();
    const status = await this.client.request('status', {}, 5000);
    if (status.ok) await this.apply(status.result.pagePatterns ?? []);
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
