// Extension settings in storage.local (never a key or a link: just the default expiry).
import { EXPIRY_PRESETS } from '@signet/core/browser';
import { ext } from './browser-api.js';

const DEFAULT_EXPIRY_KEY = 'defaultExpiry';

/** The expiry "Copy share link" uses; undefined means the profile's own default. */
export async function getDefaultExpiry(): Promise<string | undefined> {
  const stored = (await ext.storage.local.get(DEFAULT_EXPIRY_KEY))[DEFAULT_EXPIRY_KEY];
  return typeof stored === 'string' && EXPIRY_PRESETS.some((p) => p.expires === stored) ? stored : undefined;
}

export async function setDefaultExpiry(expires: string | undefined): Promise<void> {
  if (expires === undefined) await ext.storage.local.remove(DEFAULT_EXPIRY_KEY);
  else await ext.storage.local.set({ [DEFAULT_EXPIRY_KEY]: expires });
}
