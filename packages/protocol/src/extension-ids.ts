// The ids under which Signet's own extension runs: the one place they are written down. Host
// manifests name them (allowed_origins has no wildcards), and the approval lists (desktop and
// `signet bridge list`) name them and warn about every other id (docs/security.md, item 2).
//
// Chromium: an extension's id is the hash of the public key it is signed with (first 32 hex of
// sha256(DER), 0-9a-f → a-p). Whoever has a manifest's public `key` can load an unpacked copy
// under that id, so the pinned development key is only in development builds
// (SIGNET_EXTENSION_DEV=1) and its id is only allowed by `native-host install --dev`. Release
// builds carry no key and get the store's id. That id is not secret either: the store's public
// key is in every published CRX, and an unpacked copy carrying it gets the same id (it takes
// developer mode and a manual load; docs/security.md, Known limits).

/** Chromium id of development builds (from the public `key` apps/extension puts in dev manifests). */
export const DEV_CHROMIUM_EXTENSION_ID = 'loheciihofbchbhcnnmnapojpbafjpic';

/**
 * Chromium id of the release build on the Chrome Web Store (Chrome, Brave and Edge install from
 * there). The store assigns it from its own signing key at the listing's first upload; whoever
 * publishes writes the assigned id here — the only place — and releases are allowed under it only.
 */
export const CHROME_WEB_STORE_EXTENSION_ID = 'gkmdpobhnlfaccjghkiemnpbhepkfjbn';

/** Firefox add-on id (manifest browser_specific_settings.gecko.id; addons.mozilla.org signs it). */
export const FIREFOX_EXTENSION_ID = 'signet@signet.app';

export interface SignetExtension {
  /** As the browser reports it to the native host: chrome-extension://<id>/ or the add-on id. */
  origin: string;
  browser: 'chromium' | 'firefox';
  build: 'release' | 'development';
  /** How the approval lists name it. */
  name: string;
}

/** `chrome-extension://<id>/`, the form Chromium uses in allowed_origins and passes to the host. */
export function chromiumOrigin(extensionId: string): string {
  return `chrome-extension://${extensionId}/`;
}

/** Every build of Signet's extension, release builds first. */
export const SIGNET_EXTENSIONS: readonly SignetExtension[] = [
  {
    origin: chromiumOrigin(CHROME_WEB_STORE_EXTENSION_ID),
    browser: 'chromium',
    build: 'release',
    name: 'Signet (Chrome Web Store)',
  },
  { origin: FIREFOX_EXTENSION_ID, browser: 'firefox', build: 'release', name: 'Signet (Firefox Add-ons)' },
  {
    origin: chromiumOrigin(DEV_CHROMIUM_EXTENSION_ID),
    browser: 'chromium',
    build: 'development',
    name: 'Signet (development build)',
  },
];

/** Signet's own extension behind this origin, or undefined for any other extension. */
export function findSignetExtension(origin: string): SignetExtension | undefined {
  return SIGNET_EXTENSIONS.find((e) => e.origin === origin);
}
