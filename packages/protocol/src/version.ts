// Protocol version and limits shared by the extension, the native host and the bridge server.

/**
 * The release of every Signet part (CLI --version, desktop, extension, native host, the bridge's
 * hello). One number: version.test.ts fails when a package.json says otherwise.
 */
export const SIGNET_VERSION = '0.1.0';

/** The version this build speaks. Bumped on any incompatible message change. */
export const PROTOCOL_VERSION = 1;

/** Every version this build can serve (the bridge picks the highest one both sides know). */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1];

/** The native-messaging host name (host manifest `name`, `connectNative(...)` argument). */
export const NATIVE_HOST_NAME = 'app.signet.bridge';

/** Chrome refuses host→browser messages above 1 MB; every frame toward the browser stays under it. */
export const MAX_RESPONSE_FRAME_BYTES = 1024 * 1024;

/** Requests are small (a reference and a few options); anything bigger is refused unread. */
export const MAX_REQUEST_FRAME_BYTES = 64 * 1024;

/** How long the extension waits for a reply unless a request says otherwise. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Upper bound of a request's own timeout. */
export const MAX_TIMEOUT_MS = 120_000;

/**
 * Picks the highest version both sides support, or undefined when there is none.
 */
export function negotiateVersion(
  offered: readonly number[],
  supported: readonly number[] = SUPPORTED_PROTOCOL_VERSIONS,
): number | undefined {
  const common = offered.filter((v) => supported.includes(v));
  return common.length === 0 ? undefined : Math.max(...common);
}
