import { createSharingService, resolveSignetPaths, SecretStore, type SharingService } from '@signet/sharing';

let service: SharingService | undefined;
let store: SecretStore | undefined;

/** The OS keychain the engine uses (one instance, shared with `sharing()`). */
export function secretStore(): SecretStore {
  store ??= new SecretStore();
  return store;
}

/** The sharing engine on the user's config folder (SIGNET_HOME overrides it). */
export function sharing(): SharingService {
  service ??= createSharingService({ paths: resolveSignetPaths(), secrets: secretStore() });
  return service;
}
