// What a finished or failed share says outside the window: a system notification (the window may
// be hidden in the tray) with the link's real end, and nothing when the user cancelled it.
import type { ShareEvent } from './share-tracker.js';

export interface NotificationText {
  title: string;
  body: string;
}

export function notificationFor(e: ShareEvent, when: (iso: string) => string): NotificationText | undefined {
  if (e.type === 'done') {
    const first = e.links[0];
    const until = first ? ` It works until ${when(first.effectiveExpiresAt)}.` : '';
    return {
      title: e.links.length === 1 ? 'Link ready' : `${e.links.length} links ready`,
      body: `${e.label}: on the clipboard.${until}`,
    };
  }
  if (e.type === 'failed') return { title: 'Share failed', body: `${e.label}: ${e.message}` };
  return undefined;
}
