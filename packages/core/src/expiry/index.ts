// Expiry rules: parsing what users type, SigV4 limits, and the effective expiry of a link.
export type { LinkWarning } from './link-warning.js';
export { CLOUDFRONT_MAX_EXPIRES_SECONDS, SIGV4_MAX_EXPIRES_SECONDS, SIGV4_MIN_EXPIRES_SECONDS } from './limits.js';
export { isDuration, parseDuration } from '../browser/parse-duration.js';
export { looksLikeDate, parseDateTime } from '../browser/parse-date-time.js';
export { parseExpiry } from '../browser/parse-expiry.js';
export { formatInstant } from './format-instant.js';
export { resolveEffectiveExpiry, type EffectiveExpiry, type EffectiveExpiryInput } from './resolve-effective-expiry.js';
