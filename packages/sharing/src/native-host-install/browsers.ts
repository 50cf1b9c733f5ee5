// Where each browser looks for native-messaging host manifests, per OS (Chromium and Mozilla
// docs): a folder on Linux and macOS, a registry key under HKCU on Windows naming the manifest file.

export const BROWSERS = ['chrome', 'chromium', 'edge', 'brave', 'firefox'] as const;
export type BrowserId = (typeof BROWSERS)[number];

export function isChromiumFamily(browser: BrowserId): boolean {
  return browser !== 'firefox';
}

/** Per-user manifest folder, relative to the home directory (POSIX separators). */
const LINUX_DIRS: Record<BrowserId, string> = {
  chrome: '.config/google-chrome/NativeMessagingHosts',
  chromium: '.config/chromium/NativeMessagingHosts',
  edge: '.config/microsoft-edge/NativeMessagingHosts',
  brave: '.config/BraveSoftware/Brave-Browser/NativeMessagingHosts',
  firefox: '.mozilla/native-messaging-hosts',
};

const MAC_DIRS: Record<BrowserId, string> = {
  chrome: 'Library/Application Support/Google/Chrome/NativeMessagingHosts',
  chromium: 'Library/Application Support/Chromium/NativeMessagingHosts',
  edge: 'Library/Application Support/Microsoft Edge/NativeMessagingHosts',
  brave: 'Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts',
  firefox: 'Library/Application Support/Mozilla/NativeMessagingHosts',
};

/** HKCU registry key (without the host name) whose default value is the manifest path. */
const WINDOWS_KEYS: Record<BrowserId, string> = {
  chrome: 'HKCU\\Software\\Google\\Chrome\\NativeMessagingHosts',
  chromium: 'HKCU\\Software\\Chromium\\NativeMessagingHosts',
  edge: 'HKCU\\Software\\Microsoft\\Edge\\NativeMessagingHosts',
  brave: 'HKCU\\Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts',
  firefox: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts',
};

export function manifestDirFor(
  browser: BrowserId,
  platform: NodeJS.Platform,
): { kind: 'folder'; relativeToHome: string } | { kind: 'registry'; key: string } {
  if (platform === 'win32') return { kind: 'registry', key: WINDOWS_KEYS[browser] };
  if (platform === 'darwin') return { kind: 'folder', relativeToHome: MAC_DIRS[browser] };
  return { kind: 'folder', relativeToHome: LINUX_DIRS[browser] };
}
