// A click on "Copy share link": pick the reference (with the other readings of a selection), ask
// Signet for a link — the bridge checks that the object exists before it answers — put it on the
// clipboard, say until when it works and which profile signed it, or say in words why there is
// no link.
import { getDefaultExpiry } from '../shared/settings.js';
import { describeError, describeLink, describeRefusal, type Described } from './describe-outcome.js';
import { expiryForMenuItem } from './menus.js';
import type { NativeClient } from './native-client.js';
import { pickReference, type ClickTarget } from './pick-reference.js';

export interface MenuClickOutcome extends Described {
  ok: boolean;
  /** The copied link (returned to tests; never logged). */
  url?: string;
  effectiveExpiresAt?: string;
  profileId?: string;
  profileName?: string;
  code?: string;
  /** Milliseconds from the click to the link on the clipboard (the bench's figure). */
  clipboardMs?: number;
}

export interface MenuClickDeps {
  client: NativeClient;
  copy: (text: string) => Promise<void>;
  show: (outcome: MenuClickOutcome) => Promise<void>;
  /** After a link: the bridge may know of new profiles (menus follow). Not awaited. */
  afterLink?: () => void;
  now?: () => Date;
}

export async function handleMenuClick(
  deps: MenuClickDeps,
  info: ClickTarget & { menuItemId: string | number },
  tab?: { url?: string },
): Promise<MenuClickOutcome> {
  const outcome = await makeLink(deps, info, tab, performance.now());
  await deps.show(outcome);
  if (outcome.ok) deps.afterLink?.();
  return outcome;
}

async function makeLink(
  deps: MenuClickDeps,
  info: ClickTarget & { menuItemId: string | number },
  tab: { url?: string } | undefined,
  startedAt: number,
): Promise<MenuClickOutcome> {
  const choice = expiryForMenuItem(info.menuItemId);
  if (choice === undefined) return { ok: false, ...describeRefusal('Unknown menu item.') };
  const picked = pickReference(info, tab?.url);
  if (!picked)
    return {
      ok: false,
      ...describeRefusal('Right-click a link, an image, selected s3:// text or an S3 page to share it.'),
    };
  if (!picked.ok) return { ok: false, code: 'SELECTION', ...describeRefusal(picked.message) };
  const expires = choice === 'default' ? await getDefaultExpiry() : choice;
  const reply = await deps.client.request('link', {
    ref: picked.ref,
    ...(picked.candidates.length > 0 ? { candidates: picked.candidates } : {}),
    ...(expires ? { expires } : {}),
  });
  if (!reply.ok) return { ok: false, code: reply.error.code, ...describeError(reply.error) };
  const link = reply.result;
  let copiedAt: number;
  try {
    await deps.copy(link.url);
    copiedAt = performance.now();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      code: 'CLIPBOARD',
      level: 'error',
      title: 'Could not copy the link',
      message: 'Signet made the link but the browser refused the clipboard. Copy it from the popup.',
      details: `Signet made the link but it could not be copied (${why}). Open the Signet popup to copy it.`,
    };
  }
  return {
    ok: true,
    ...describeLink(link, deps.now?.() ?? new Date()),
    url: link.url,
    clipboardMs: copiedAt - startedAt,
    effectiveExpiresAt: link.effectiveExpiresAt,
    profileId: link.profileId,
    ...(link.profileName !== undefined ? { profileName: link.profileName } : {}),
  };
}
