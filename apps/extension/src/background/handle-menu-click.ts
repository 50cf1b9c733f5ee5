// A click on "Copy share link": pick the reference, ask Signet for a link, put it on the
// clipboard, say until when it works — or say in words why there is no link.
import { getDefaultExpiry } from '../shared/settings.js';
import { describeError, describeExpiry } from './describe-outcome.js';
import { expiryForMenuItem } from './menus.js';
import type { NativeClient } from './native-client.js';
import { pickReference, type ClickTarget } from './pick-reference.js';

export interface MenuClickOutcome {
  ok: boolean;
  message: string;
  /** The copied link (returned to tests; never logged). */
  url?: string;
  effectiveExpiresAt?: string;
  code?: string;
}

export interface MenuClickDeps {
  client: NativeClient;
  copy: (text: string) => Promise<void>;
  show: (ok: boolean, message: string) => Promise<void>;
  now?: () => Date;
}

export async function handleMenuClick(
  deps: MenuClickDeps,
  info: ClickTarget & { menuItemId: string | number },
  tab?: { url?: string },
): Promise<MenuClickOutcome> {
  const outcome = await makeLink(deps, info, tab);
  await deps.show(outcome.ok, outcome.message);
  return outcome;
}

async function makeLink(
  deps: MenuClickDeps,
  info: ClickTarget & { menuItemId: string | number },
  tab?: { url?: string },
): Promise<MenuClickOutcome> {
  const choice = expiryForMenuItem(info.menuItemId);
  if (choice === undefined) return { ok: false, message: 'Unknown menu item.' };
  const ref = pickReference(info, tab?.url);
  if (!ref)
    return { ok: false, message: 'Right-click a link, an image, selected s3:// text or an S3 page to share it.' };
  const expires = choice === 'default' ? await getDefaultExpiry() : choice;
  const reply = await deps.client.request('link', expires ? { ref, expires } : { ref });
  if (!reply.ok) return { ok: false, message: describeError(reply.error), code: reply.error.code };
  try {
    await deps.copy(reply.result.url);
  } catch (err) {
    return {
      ok: false,
      message: `Signet made the link but it could not be copied (${err instanceof Error ? err.message : String(err)}). Open the Signet popup to copy it.`,
      code: 'CLIPBOARD',
    };
  }
  const now = deps.now?.() ?? new Date();
  return {
    ok: true,
    message: describeExpiry(reply.result.effectiveExpiresAt, now, reply.result.warnings),
    url: reply.result.url,
    effectiveExpiresAt: reply.result.effectiveExpiresAt,
  };
}
