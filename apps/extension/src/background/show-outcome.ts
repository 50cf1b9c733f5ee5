// Tells the user what happened after a click. The notification is the primary feedback (the
// toolbar button is often unpinned, its badge unseen): short text that fits. The badge says only
// what needs attention: nothing after a plain success (which also clears an older "!"), an amber
// "!" for a link that dies early, a red "!" for no link. The whole story (the approval command, the
// bridge's explanation) is kept for the popup in storage.session. Nothing here holds the URL.
// The notification is not awaited: it costs ~17 ms in Chromium and the link is on the clipboard.
import { ext } from '../shared/browser-api.js';
import type { LastOutcome } from '../shared/popup-messages.js';
import type { MenuClickOutcome } from './handle-menu-click.js';

export const LAST_OUTCOME_KEY = 'lastOutcome';

const BADGE: Record<MenuClickOutcome['level'], { text: string; color: string }> = {
  ok: { text: '', color: '#1a7f37' },
  warning: { text: '!', color: '#9a6700' },
  error: { text: '!', color: '#cf222e' },
};

export async function showOutcome(outcome: MenuClickOutcome): Promise<void> {
  void Promise.resolve()
    .then(() =>
      ext.notifications?.create('signet-outcome', {
        type: 'basic',
        iconUrl: ext.runtime.getURL('icons/icon-128.png'),
        title: outcome.title,
        message: outcome.message,
      }),
    )
    .catch(() => {});
  const last: LastOutcome = {
    level: outcome.level,
    title: outcome.title,
    details: outcome.details,
    at: new Date().toISOString(),
    ...(outcome.code ? { code: outcome.code } : {}),
  };
  const badge = BADGE[outcome.level];
  await Promise.allSettled([
    ext.action.setBadgeText({ text: badge.text }),
    ext.action.setBadgeBackgroundColor({ color: badge.color }),
    ext.action.setTitle({ title: `Signet — ${outcome.title}: ${outcome.message}` }),
  ]);
  // For the popup only: not worth holding the click for.
  void Promise.resolve(ext.storage.session?.set({ [LAST_OUTCOME_KEY]: last })).catch(() => {});
}
