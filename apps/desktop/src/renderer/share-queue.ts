// The share queue: every share the window starts, in one place above the views, so switching
// tabs never loses a running upload's progress or its Cancel, and a second drop waits its turn
// instead of replacing the first. One share runs at a time (the shares compete for the same
// uplink anyway); each finished share puts its links on the clipboard and says so.
import { useSyncExternalStore } from 'react';
import type { LinkView, ProgressView, ShareRequestView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';

/** A progress event with the share's plan (which file of how many, the share's total bytes). */
export type FileProgress = ProgressView;

type ShareState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ShareJob {
  id: string;
  /** What the user dropped or picked (absolute paths; a folder expands into its files). */
  paths: string[];
  request: Omit<ShareRequestView, 'paths'>;
  /** "report.pdf", or "report.pdf and 2 more". */
  label: string;
  state: ShareState;
  /** Progress per file, keyed by the file's exact absolute path (as the main process reports it). */
  files: Record<string, FileProgress>;
  links: LinkView[];
  /** For people: the unfinished uploads an earlier lost connection left, aborted by this share. */
  cleanedUp?: string;
  error?: string;
  /** Whether the links reached the clipboard when the share finished (undefined: not tried yet). */
  copied?: boolean;
  /** Set when the user asked to cancel: the share ends as cancelled, not failed. */
  cancelling?: boolean;
}

export const baseName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

function labelFor(paths: string[]): string {
  const first = baseName(paths[0] ?? '');
  return paths.length <= 1 ? first : `${first} and ${paths.length - 1} more`;
}

/** Overall progress of a share: files done of the files known, and bytes over every file. */
export function overallProgress(job: ShareJob): {
  done: number;
  count: number | undefined;
  loaded: number;
  total: number;
  percent: number;
} {
  const rows = Object.values(job.files);
  const count = rows.find((r) => r.fileCount !== undefined)?.fileCount;
  const loaded = rows.reduce((n, r) => n + r.loaded, 0);
  const known = rows.find((r) => r.shareTotal !== undefined)?.shareTotal;
  const total = known ?? rows.reduce((n, r) => n + r.total, 0);
  const done = rows.filter((r) => r.percent >= 100).length;
  const percent = job.state === 'done' ? 100 : total > 0 ? Math.min(100, (loaded / total) * 100) : 0;
  return { done, count, loaded, total, percent };
}

type Listener = () => void;

export class ShareQueue {
  private jobs: ShareJob[] = [];
  private readonly listeners = new Set<Listener>();
  private unsubscribeProgress: (() => void) | undefined;

  constructor(
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly copy: (text: string) => Promise<void> = (t) => navigator.clipboard.writeText(t),
  ) {}

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    // Progress is listened to while anything shows the queue (the app, always).
    this.unsubscribeProgress ??= api().onProgress((p) => this.onProgress(p));
    return () => {
      this.listeners.delete(l);
      if (this.listeners.size === 0) {
        this.unsubscribeProgress?.();
        this.unsubscribeProgress = undefined;
      }
    };
  };

  snapshot = (): ShareJob[] => this.jobs;

  /** Adds a share; it starts at once when nothing else runs, else when the one before it ends. */
  enqueue(paths: string[], request: Omit<ShareRequestView, 'paths'>): ShareJob {
    const job: ShareJob = {
      id: this.newId(),
      paths,
      request,
      label: labelFor(paths),
      state: 'queued',
      files: {},
      links: [],
    };
    this.set([...this.jobs, job]);
    void this.pump();
    return job;
  }

  cancel(id: string): void {
    const job = this.jobs.find((j) => j.id === id);
    if (!job) return;
    if (job.state === 'queued') this.update(id, { state: 'cancelled', error: 'Cancelled before it started.' });
    else if (job.state === 'running') {
      this.update(id, { cancelling: true });
      void api()
        .cancelShare(id)
        .catch(() => {});
    }
  }

  /** Runs a failed or cancelled share again, same files and settings, at the end of the queue. */
  retry(id: string): void {
    const job = this.jobs.find((j) => j.id === id);
    if (!job) return;
    this.dismiss(id);
    this.enqueue(job.paths, job.request);
  }

  dismiss(id: string): void {
    this.set(this.jobs.filter((j) => j.id !== id || j.state === 'running' || j.state === 'queued'));
  }

  private async pump(): Promise<void> {
    if (this.jobs.some((j) => j.state === 'running')) return;
    const next = this.jobs.find((j) => j.state === 'queued');
    if (!next) return;
    this.update(next.id, { state: 'running' });
    try {
      const { links, cleanedUp } = await api().share(next.id, { ...next.request, paths: next.paths });
      const copied = await this.copy(links.map((l) => l.url).join('\n')).then(
        () => true,
        () => false,
      );
      this.update(next.id, { state: 'done', links, copied, ...(cleanedUp ? { cleanedUp: cleanedUp.message } : {}) });
    } catch (e) {
      const cancelled = this.jobs.find((j) => j.id === next.id)?.cancelling;
      this.update(next.id, { state: cancelled ? 'cancelled' : 'failed', error: errorText(e) });
    }
    // Only the newest finished share stays on screen as the result; failures stay until dismissed.
    const finished = this.jobs.find((j) => j.id === next.id);
    if (finished?.state === 'done')
      this.set(this.jobs.filter((j) => j.id === next.id || (j.state !== 'done' && j.state !== 'cancelled')));
    void this.pump();
  }

  private onProgress(p: FileProgress): void {
    const job = this.jobs.find((j) => j.id === p.shareId);
    if (!job || job.state !== 'running') return;
    this.update(job.id, { files: { ...job.files, [p.file]: p } });
  }

  private update(id: string, patch: Partial<ShareJob>): void {
    this.set(this.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j)));
  }

  private set(jobs: ShareJob[]): void {
    this.jobs = jobs;
    for (const l of this.listeners) l();
  }
}

export const shareQueue = new ShareQueue();

/** The queue's jobs, re-rendering on every change. */
export function useShares(queue: ShareQueue = shareQueue): ShareJob[] {
  return useSyncExternalStore(queue.subscribe, queue.snapshot);
}
