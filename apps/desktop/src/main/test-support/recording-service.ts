// For unit tests of the IPC boundary: a sharing service that records every call and answers
// from a table (a stand-in: the real service is driven end to end in apps/desktop/e2e), and the
// handler dependencies such tests share. A refused call must leave no trace in `calls`.
import type { ApprovalStore, SharingService } from '@signet/sharing';
import type { DesktopHandlerDeps } from '../create-desktop-handlers.js';
import { GrantedPaths } from '../granted-paths.js';

/**
 * `answer(name, args)` gives each method's result (undefined when it has none); `record` says
 * what a call leaves in `calls` (default: the method name and all its arguments as JSON).
 */
export function recordingService(
  answer: (name: string, args: unknown[]) => unknown = () => undefined,
  record: (name: string, args: unknown[]) => string = (name, args) => `${name}:${JSON.stringify(args)}`,
): { service: SharingService; calls: string[] } {
  const calls: string[] = [];
  const service = new Proxy({} as SharingService, {
    get:
      (_t, name: string) =>
      async (...args: unknown[]) => {
        calls.push(record(name, args));
        return answer(name, args);
      },
  });
  return { service, calls };
}

/** Handler dependencies with inert stand-ins for everything Electron would provide. */
export function handlerDeps(
  service: SharingService,
  trusted: string,
  overrides: Partial<DesktopHandlerDeps> = {},
): DesktopHandlerDeps {
  return {
    service,
    approvals: {
      list: async () => [],
      pending: async () => [],
      approve: async () => undefined,
      revoke: async () => true,
    } as unknown as ApprovalStore,
    isTrustedSender: (url) => url === trusted,
    emitProgress: () => {},
    openExternal: async () => {},
    startAtLogin: { get: () => false, set: () => {} },
    nativeHostPath: '/opt/Signet/signet-native-host',
    grantedPaths: new GrantedPaths(),
    ...overrides,
  };
}
