// Secrets in the OS keychain only.
export { SecretStore, secretAccounts, type SecretStoreOptions } from './secret-store.js';
export { classifyKeychainFailure, toKeychainError, type KeychainFailure } from './keychain-error.js';
