// @signet/sharing public API: the Node side that does the work for the desktop app, the
// CLI and the extension bridge (keychain, profiles, uploads, link checks, history).
export type * from './api.js';
export * from './errors.js';
export * from './paths.js';
export * from './profiles/index.js';
export * from './secrets/index.js';
export * from './credentials/index.js';
export * from './fs/index.js';
export * from './history/index.js';
export * from './check/index.js';
export * from './upload/index.js';
export * from './share/index.js';
export * from './service.js';
export * from './bridge/index.js';
export * from './native-host-install/index.js';
/** The one release number (the CLI and the bridge say it; the CLI does not import protocol). */
export { SIGNET_VERSION } from '@signet/protocol';
export * from './cloudfront-setup/index.js';
export * from './doctor/index.js';
export { createCloudFrontTools, type CloudFrontTools } from './cloudfront-tools.js';
