import { createSharingService, resolveSignetPaths, SecretStore, type SharingService } from '@signet/sharing';

let service: SharingService | undefined;

/** The sharing engine on the user's config folder (SIGNET_HOME overrides it). */
export function sharing(): SharingService {
  service ??= createSharingService({ paths: resolveSignetPaths(), secrets: new SecretStore() });
  return service;
}
