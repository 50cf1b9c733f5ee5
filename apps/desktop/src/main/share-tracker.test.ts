// What the tray, the taskbar progress and the notifications get from the running shares.
import { describe, expect, it } from 'vitest';
import type { LinkView } from '../shared/desktop-api.js';
import { notificationFor } from './share-notifications.js';
import { labelForPaths, shareItems, ShareTracker, type ShareEvent } from './share-tracker.js';

describe('ShareTracker', () => {
  it('reports progress over every running share, Cancel aborts, and the end says how it went', () => {
    const events: ShareEvent[] = [];
    const t = new ShareTracker((e) => events.push(e));
    const a = t.start('a', labelForPaths(['/x/report.pdf']), 100);
    t.start('b', labelForPaths(['/x/one.txt', '/x/two.txt', '/x/three.txt']), 300);
    expect(() => t.start('a', 'again', 1)).toThrow('This share is already running.');
    t.progress('a', 50);
    t.progress('b', 150);
    expect(t.fraction()).toBe(0.5);
    expect(shareItems(t.list(), () => {}).map((i) => i.label)).toEqual([
      'Uploading report.pdf — 50 %',
      'Cancel report.pdf',
      'Uploading one.txt and 2 more — 50 %',
      'Cancel one.txt and 2 more',
    ]);
    const cancelled: string[] = [];
    shareItems(t.list(), (id) => cancelled.push(id))[1]!.click!({} as never, undefined, {} as never);
    expect(cancelled).toEqual(['a']);
    t.cancel('a');
    expect(a.aborted).toBe(true);
    t.finish('a', { error: 'The share was cancelled.' });
    t.finish('b', { error: 'The storage server could not be reached.' });
    expect(events.filter((e) => e.type !== 'changed')).toEqual([
      { type: 'cancelled', label: 'report.pdf' },
      { type: 'failed', label: 'one.txt and 2 more', message: 'The storage server could not be reached.' },
    ]);
    expect(t.fraction()).toBeUndefined();
  });
});

describe('notificationFor', () => {
  const link = { effectiveExpiresAt: '2026-12-02T09:00:00.000Z' } as LinkView;
  it('a ready link says where it is and until when it works; a failure says why; a cancel says nothing', () => {
    expect(notificationFor({ type: 'done', label: 'report.pdf', links: [link] }, () => 'Dec 2, 9:00')).toEqual({
      title: 'Link ready',
      body: 'report.pdf: on the clipboard. It works until Dec 2, 9:00.',
    });
    expect(notificationFor({ type: 'failed', label: 'a.txt', message: 'No such bucket.' }, String)).toEqual({
      title: 'Share failed',
      body: 'a.txt: No such bucket.',
    });
    expect(notificationFor({ type: 'cancelled', label: 'a.txt' }, String)).toBeUndefined();
  });
});
