// The ids under which Signet's extension runs, so host manifests can name them (allowed_origins
// has no wildcards). The Chromium id of development builds is fixed by the public `key` in the
// extension manifest (id = first 32 hex digits of sha256(DER public key), 0-9a-f → a-p); store
// builds get their id from the store and are added with `--extension-id`.

/** Chromium id of the unpacked/development extension (derived from apps/extension's manifest key). */
export const DEV_CHROMIUM_EXTENSION_ID = 'loheciihofbchbhcnnmnapojpbafjpic';

/** Firefox add-on id (manifest browser_specific_settings.gecko.id). */
export const FIREFOX_EXTENSION_ID = 'signet@signet.app';

/** `chrome-extension://<id>/`, the form Chromium uses in allowed_origins and passes to the host. */
export function chromiumOrigin(extensionId: string): string {
  return `chrome-extension://${extensionId}/`;
}
