// Links main may open in the browser or fetch for a link check on the renderer's word: those
// Signet made (this session, or recorded in the history). Nothing else: the window links to no
// web page of its own (its help is in the window and the README). Anything else a compromised
// renderer asks for is refused — no phishing page opened by "Signet", no
// request to 169.254.169.254 or a LAN admin page made by main on its behalf.
import type { SharingService } from '@signet/sharing';

export class KnownLinks {
  private readonly urls = new Set<string>();

  constructor(private readonly service: Pick<SharingService, 'listLinks' | 'getLinkUrl'>) {}

  add(url: string): string {
    this.urls.add(url);
    return url;
  }

  /** Made in this session, or found in the link history (looked up once, then remembered). */
  async isSignets(url: string): Promise<boolean> {
    if (this.urls.has(url)) return true;
    for (const r of await this.service.listLinks({ filter: 'all' }).catch(() => [])) {
      const u = await this.service.getLinkUrl(r.id).catch(() => undefined);
      if (u) this.urls.add(u);
    }
    return this.urls.has(url);
  }
}
