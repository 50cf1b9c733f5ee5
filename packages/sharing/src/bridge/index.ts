// Public API of this module (re-exported by src/index.ts): the bridge server the extension talks
// to through the native host, its approvals and its socket location.
export {
  ApprovalStore,
  APPROVALS_FILE,
  MAX_PENDING,
  type ApprovedOrigin,
  type PendingOrigin,
} from './approval-store.js';
export { describeExtension, type ExtensionIdentity } from './describe-extension.js';
export { createBridgeServer, type BridgeServer, type BridgeServerOptions } from './bridge-server.js';
export { BridgeInUseError } from './prepare-socket-path.js';
export { RateLimiter, type RateLimitOptions, type RateDecision } from './rate-limiter.js';
export { resolveBridgeSocketPath, type BridgeSocketPathOptions } from './resolve-bridge-socket-path.js';
