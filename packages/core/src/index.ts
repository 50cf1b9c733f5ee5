// @signet/core public API: signing logic only (S3 presign, CloudFront URLs and cookies,
// expiry rules, object references, profile schema, key templates). No file or network I/O.
export * from './errors.js';
export * from './expiry/index.js';
export * from './s3/index.js';
export * from './cloudfront/index.js';
export * from './refs/index.js';
export * from './profile/index.js';
export * from './names/index.js';
// The browser-safe helpers (also at @signet/core/browser, for the renderer and the extension).
export {
  DEFAULT_EXPIRY,
  DEFAULT_KEY_TEMPLATE,
  DEFAULT_REGION,
  EXPIRY_PRESETS,
  formatBytes,
  formatDuration,
  formatTimeLeft,
  previewExpiry,
  type ExpiryPreset,
} from './browser/index.js';
