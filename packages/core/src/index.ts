// @signet/core public API. Everything other packages may use is exported from here.
export * from './errors.js';
