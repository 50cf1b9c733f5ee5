// @signet/core/browser: the part of core that runs in a browser too (the desktop renderer, the
// extension) — display helpers, the expiry parser they need, profile defaults, error codes, and
// what an S3-compatible service's host name says (its region, for the profile form).
// Nothing here (or anything it imports) touches Node or an SDK: browser-safe.test.ts walks the
// imports and fails on one. The full core (signing) stays at @signet/core.
export { DEFAULT_EXPIRY, DEFAULT_KEY_TEMPLATE, DEFAULT_REGION } from './profile-defaults.js';
export { formatDuration, formatTimeLeft, roundTimeLeft } from './format-duration.js';
export { formatBytes } from './format-bytes.js';
export { EXPIRY_PRESETS, type ExpiryPreset } from './expiry-presets.js';
export { previewExpiry } from './preview-expiry.js';
export { isDuration, parseDuration } from './parse-duration.js';
export { parseExpiry } from './parse-expiry.js';
export { parseCompatibleS3Host, type CompatibleS3Host } from './compatible-s3-hosts.js';
export { CORE_ERROR_CODES, isSignetError, SignetError, type CoreErrorCode } from './errors.js';
