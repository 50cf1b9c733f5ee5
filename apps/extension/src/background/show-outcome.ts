// Tells the user what happened after a click: the action's badge and title always (visible next
// to the toolbar button), plus a system notification when the browser allows one.
import { ext } from '../shared/browser-api.js';

export async function showOutcome(ok: boolean, message: string): Promise<void> {
  await Promise.allSettled([
    ext.action.setBadgeText({ text: ok ? '✓' : '!' }),
    ext.action.setBadgeBackgroundColor({ color: ok ? '#1a7f37' : '#cf222e' }),
    ext.action.setTitle({ title: `Signet — ${message}` }),
    ext.notifications?.create('signet-outcome', { type: 'basic', iconUrl: ext.runtime.getURL('icons/icon-128.png'), title: ok ? 'Signet' : 'Signet: no link', message }),
  ]);
}
