// Tells the user what happened after a click: the action's badge and title (next to the toolbar
// button; awaited, cheap), plus a system notification when the browser allows one. The
// notification is not awaited: it costs ~17 ms in Chromium and the link is already on the
// clipboard by then.
import { ext } from '../shared/browser-api.js';

export async function showOutcome(ok: boolean, message: string): Promise<void> {
  void Promise.resolve()
    .then(() =>
      ext.notifications?.create('signet-outcome', {
        type: 'basic',
        iconUrl: ext.runtime.getURL('icons/icon-128.png'),
        title: ok ? 'Signet' : 'Signet: no link',
        message,
      }),
    )
    .catch(() => {});
  await Promise.allSettled([
    ext.action.setBadgeText({ text: ok ? '✓' : '!' }),
    ext.action.setBadgeBackgroundColor({ color: ok ? '#1a7f37' : '#cf222e' }),
    ext.action.setTitle({ title: `Signet — ${message}` }),
  ]);
}
