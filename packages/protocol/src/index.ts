// @signet/protocol public API: the one extension ⇄ desktop contract (versions, messages, error
// codes, framing, endpoint). Imports zod only; runs in the browser and in Node.
export * from './version.js';
export * from './error-codes.js';
export * from './messages.js';
export * from './parse-request.js';
export * from './parse-response.js';
export * from './build-messages.js';
export * from './framing.js';
export * from './bridge-endpoint.js';
export * from './origin.js';
export * from './extension-ids.js';
export * from './format-zod-issue.js';
export * from './configure.js';
