// Puts text on the clipboard from the background. Chromium's service worker has no DOM and
// `navigator.clipboard` fails in an offscreen document ("Document is not focused"), so an
// offscreen document copies through a textarea + execCommand('copy'). Firefox has no offscreen
// API but its event page has a DOM, where navigator.clipboard works (clipboardWrite permission).
import { ext } from '../shared/browser-api.js';

const OFFSCREEN_URL = 'offscreen.html';
let creating: Promise<void> | undefined;

export async function copyToClipboard(text: string): Promise<void> {
  if (!('offscreen' in ext) || !ext.offscreen) {
    await navigator.clipboard.writeText(text);
    return;
  }
  await ensureOffscreenDocument();
  const reply = (await ext.runtime.sendMessage({ target: 'offscreen', type: 'copy', text })) as
    { ok?: boolean; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`Could not write to the clipboard${reply?.error ? `: ${reply.error}` : ''}.`);
}

async function ensureOffscreenDocument(): Promise<void> {
  const url = ext.runtime.getURL(OFFSCREEN_URL);
  const existing = await ext.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    documentUrls: [url],
  });
  if (existing.length > 0) return;
  creating ??= ext.offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: ['CLIPBOARD' as chrome.offscreen.Reason],
      justification: 'Copy the share link to the clipboard',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}
