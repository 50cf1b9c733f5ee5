// The WebExtension API object: Firefox's `browser` (promise-based) when present, else Chromium's
// `chrome` (MV3: promise-based too). Both have the shapes the extension uses, typed as chrome.*.
export const ext: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
