// The shares main is running, for everything outside the window that shows them: the tray menu
// (progress and Cancel), the taskbar/dock progress bar and the system notifications. It owns
// each share's AbortController, so Cancel from the tray and from the window are the same act.
import type { MenuItemConstructorOptions } from 'electron';
import type { LinkView } from '../shared/desktop-api.js';
import { DesktopError } from './desktop-error.js';

export interface ShareActivity {
  shareId: string;
  /** "report.pdf", or "report.pdf and 2 more". */
  label: string;
  loaded: number;
  /** Bytes of the whole share; undefined until known. */
  total: number | undefined;
}

export type ShareEvent =
  | { type: 'changed' }
  | { type: 'done'; label: string; links: LinkView[] }
  | { type: 'failed'; label: string; message: string }
  | { type: 'cancelled'; label: string };

export const labelForPaths = (paths: string[]): string => {
  const first = (paths[0] ?? '').split(/[\\/]/).filter(Boolean).pop() ?? '';
  return paths.length <= 1 ? first : `${first} and ${paths.length - 1} more`;
};

export class ShareTracker {
  private readonly running = new Map<string, ShareActivity & { ctl: AbortController }>();

  constructor(private readonly onEvent: (e: ShareEvent) => void = () => {}) {}

  start(shareId: string, label: string, total: number | undefined): AbortSignal {
    if (this.running.has(shareId)) throw new DesktopError('SHARE_RUNNING', 'This share is already running.');
    const ctl = new AbortController();
    this.running.set(shareId, { shareId, label, loaded: 0, total, ctl });
    this.onEvent({ type: 'changed' });
    return ctl.signal;
  }

  progress(shareId: string, loaded: number): void {
    const s = this.running.get(shareId);
    if (!s) return;
    s.loaded = loaded;
    this.onEvent({ type: 'changed' });
  }

  finish(shareId: string, outcome: { links: LinkView[] } | { error: string }): void {
    const s = this.running.get(shareId);
    if (!s) return;
    this.running.delete(shareId);
    if ('links' in outcome) this.onEvent({ type: 'done', label: s.label, links: outcome.links });
    else if (s.ctl.signal.aborted) this.onEvent({ type: 'cancelled', label: s.label });
    else this.onEvent({ type: 'failed', label: s.label, message: outcome.error });
    this.onEvent({ type: 'changed' });
  }

  cancel(shareId: string): void {
    this.running.get(shareId)?.ctl.abort();
  }

  cancelAll(): void {
    for (const s of this.running.values()) s.ctl.abort();
  }

  list(): ShareActivity[] {
    return [...this.running.values()].map(({ ctl: _c, ...a }) => a);
  }

  /** 0..1 over every running share with a known size (for setProgressBar); undefined when idle. */
  fraction(): number | undefined {
    const all = this.list();
    if (all.length === 0) return undefined;
    const total = all.reduce((n, s) => n + (s.total ?? 0), 0);
    return total > 0 ? Math.min(1, all.reduce((n, s) => n + s.loaded, 0) / total) : 0;
  }
}

/** The menu items for the running shares: "Uploading report.pdf — 40 %" and its Cancel. */
export function shareItems(shares: ShareActivity[], cancel: (id: string) => void): MenuItemConstructorOptions[] {
  return shares.flatMap((s) => [
    {
      label: `Uploading ${s.label}${s.total ? ` — ${Math.floor((s.loaded / s.total) * 100)} %` : ''}`,
      enabled: false,
    },
    { label: `Cancel ${s.label}`, click: () => cancel(s.shareId) },
  ]);
}
