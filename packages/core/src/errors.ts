// The error type of @signet/core lives in browser/ (the browser-safe part throws it too); the
// rest of core keeps importing it from here.
export * from './browser/errors.js';
