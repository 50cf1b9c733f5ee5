// Secrets in the OS keychain only.
export { SecretStore, type SecretStoreOptions } from './secret-store.js';
export { toKeychainError } from './keychain-error.js';
