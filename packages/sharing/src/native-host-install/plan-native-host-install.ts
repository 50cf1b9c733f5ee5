// What installing the host means on one OS for one browser, as data: the manifest, where it goes,
// and on Windows the `reg` commands (HKCU, no admin rights) that point the browser at it. Pure, so
// every OS is unit-tested here; installNativeHost carries the plan out.
import { posix, win32 } from 'node:path';
import { NATIVE_HOST_NAME, SIGNET_EXTENSIONS } from '@signet/protocol';
import { isChromiumFamily, manifestDirFor, type BrowserId } from './browsers.js';
import { buildHostManifest, type HostManifest } from './build-host-manifest.js';

export interface NativeHostTarget {
  browser: BrowserId;
  /** Default: process.platform. */
  platform?: NodeJS.Platform;
  /** Default: os.homedir(). */
  homeDir?: string;
  /** Windows: where manifest files are kept (default `%LOCALAPPDATA%\Signet\NativeMessagingHosts`). */
  windowsManifestRoot?: string;
  /**
   * Write into this folder instead of the browser's per-user one (a browser started with a custom
   * user data dir reads `<userDataDir>/NativeMessagingHosts`).
   */
  manifestDir?: string;
}

export interface NativeHostInstallOptions extends NativeHostTarget {
  /** Absolute path of the executable host (the launcher). */
  hostPath: string;
  /**
   * Exactly the extensions the host may serve. Default: Signet's release build for this browser
   * (store id / add-on id); with `dev`, its development build instead.
   */
  extensionIds?: string[];
  /** Allow the development build (pinned id from the public key in dev manifests) instead of the release. */
  dev?: boolean;
}

export interface RegistryPlan {
  key: string;
  /** argv for `reg.exe` */
  add: string[];
  remove: string[];
  query: string[];
}

export interface NativeHostPlan {
  browser: BrowserId;
  manifestPath: string;
  manifest: HostManifest;
  registry?: RegistryPlan;
}

/**
 * Signet's own extension for this browser, release build unless `dev` (docs/security.md, item 2:
 * the development id can be taken by anyone who copies its public key, so it is never allowed
 * unless asked for). Firefox has one id for both: AMO signs release builds under it.
 */
export function defaultExtensionIds(browser: BrowserId, { dev = false }: { dev?: boolean } = {}): string[] {
  const family = isChromiumFamily(browser) ? 'chromium' : 'firefox';
  const builds = SIGNET_EXTENSIONS.filter((e) => e.browser === family);
  const wanted = builds.filter((e) => e.build === (dev ? 'development' : 'release'));
  return (wanted.length > 0 ? wanted : builds.filter((e) => e.build === 'release')).map((e) =>
    e.origin.replace(/^chrome-extension:\/\/([a-p]{32})\/$/, '$1'),
  );
}

export function resolveManifestLocation(target: NativeHostTarget & { homeDir: string; platform: NodeJS.Platform }): {
  manifestPath: string;
  registry?: RegistryPlan;
} {
  const file = `${NATIVE_HOST_NAME}.json`;
  const where = manifestDirFor(target.browser, target.platform);
  if (target.manifestDir) {
    const path = target.platform === 'win32' ? win32 : posix;
    return { manifestPath: path.join(target.manifestDir, file) };
  }
  if (where.kind === 'folder') return { manifestPath: posix.join(target.homeDir, where.relativeToHome, file) };
  const root =
    target.windowsManifestRoot ?? win32.join(target.homeDir, 'AppData', 'Local', 'Signet', 'NativeMessagingHosts');
  // Concatenated rather than win32.join-ed: identical on Windows, and on a POSIX test machine it
  // keeps a POSIX root intact instead of turning it into a relative path.
  const manifestPath = `${root.replace(/[\\/]+$/, '')}\\${target.browser}\\${file}`;
  const key = `${where.key}\\${NATIVE_HOST_NAME}`;
  return {
    manifestPath,
    registry: {
      key,
      add: ['add', key, '/ve', '/t', 'REG_SZ', '/d', manifestPath, '/f'],
      remove: ['delete', key, '/f'],
      query: ['query', key, '/ve'],
    },
  };
}

export function planNativeHostInstall(
  options: NativeHostInstallOptions & { homeDir: string; platform: NodeJS.Platform },
): NativeHostPlan {
  // Windows: a drive or UNC path (win32.isAbsolute also accepts "\\x", which is drive-relative).
  const absolute =
    options.platform === 'win32' ? /^([A-Za-z]:[\\/]|\\\\)/.test(options.hostPath) : posix.isAbsolute(options.hostPath);
  if (!absolute) throw new Error(`The native host path must be absolute (browsers require it): ${options.hostPath}`);
  const manifest = buildHostManifest(
    options.browser,
    options.hostPath,
    options.extensionIds ?? defaultExtensionIds(options.browser, { dev: options.dev ?? false }),
  );
  return { browser: options.browser, manifest, ...resolveManifestLocation(options) };
}
