// The WebExtension API object: Firefox's `browser` (promise-based) when present, else Chromium's
// `chrome` (MV3: promise-based too). Both have the shapes the extension uses, typed as chrome.*.
// Read from globalThis (not the bare `chrome` global) so pure modules load in unit tests too.
const g = globalThis as { browser?: typeof chrome; chrome?: typeof chrome };
export const ext: typeof chrome = (g.browser ?? g.chrome)!;
