// Offscreen document (Chromium only): the one place an MV3 extension can reach the clipboard
// without a visible page. navigator.clipboard fails here ("Document is not focused"), so it
// copies through a textarea and execCommand('copy'), then clears the textarea.
import { ext } from '../shared/browser-api.js';
import { offscreenCopySchema } from '../shared/popup-messages.js';

ext.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  const parsed = offscreenCopySchema.safeParse(message);
  if (sender.id !== ext.runtime.id || !parsed.success) return false;
  const area = document.getElementById('clipboard') as HTMLTextAreaElement;
  area.value = parsed.data.text;
  area.focus();
  area.select();
  const ok = document.execCommand('copy');
  area.value = '';
  sendResponse(ok ? { ok: true } : { ok: false, error: 'the browser refused the copy' });
  return false;
});
