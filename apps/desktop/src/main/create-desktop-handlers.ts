// The main process's IPC handlers as plain Node: no Electron import, so they are unit-tested
// and driven by the e2e harness exactly as the app runs them. Every call: the sender must be
// the app's own renderer, the payload is parsed with zod, errors leave as { code, message }.
import { randomUUID } from 'node:crypto';
import type { ApprovalStore, BrowserId, LinkResult, SharingService } from '@signet/sharing';
import { installNativeHost, nativeHostStatus } from '@signet/sharing';
import type {
  DesktopApi,
  InvokeMethod,
  LinkRecordView,
  LinkView,
  ProfileView,
  ProgressView,
} from '../shared/desktop-api.js';
import { DesktopError, toDesktopError } from './desktop-error.js';
import { PAYLOADS } from './payload-schemas.js';

export interface SenderInfo {
  /** URL of the frame that sent the message (event.senderFrame.url in Electron). */
  url: string | undefined;
}

export interface DesktopHandlerDeps {
  service: SharingService;
  approvals: ApprovalStore;
  /** Whether a frame URL is the app's own renderer. */
  isTrustedSender(url: string): boolean;
  /** Progress events to the renderer. */
  emitProgress(p: ProgressView): void;
  openExternal(url: string): Promise<void>;
  startAtLogin: { get(): boolean; set(enabled: boolean): void };
  /** The native host launcher shipped with the app. */
  nativeHostPath: string;
}

export type DesktopHandlers = Record<InvokeMethod, (sender: SenderInfo, args: unknown[]) => Promise<unknown>>;

const toLinkView = (l: LinkResult): LinkView => ({ ...l });

export function createDesktopHandlers(deps: DesktopHandlerDeps): DesktopHandlers {
  const { service } = deps;
  const running = new Map<string, AbortController>();

  const impl: { [K in InvokeMethod]: (...args: never[]) => Promise<unknown> } = {
    listProfiles: async (): Promise<ProfileView[]> =>
      (await service.listProfiles()).map(
        (s) =>
          ({
            ...s.profile,
            isDefault: s.isDefault,
            hasAwsSecret: s.hasAwsSecret,
            hasCloudFrontKey: s.hasCloudFrontKey,
          }) as ProfileView,
      ),
    saveProfile: async (input: unknown) => {
      const s = await service.saveProfile(input);
      return {
        ...s.profile,
        isDefault: s.isDefault,
        hasAwsSecret: s.hasAwsSecret,
        hasCloudFrontKey: s.hasCloudFrontKey,
      };
    },
    removeProfile: async (id: string) => void (await service.removeProfile(id)),
    setDefaultProfile: (id: string) => service.setDefaultProfile(id),
    setAwsSecret: async (id: string, secret: Parameters<DesktopApi['setAwsSecret']>[1]) => {
      await service.setAwsSecret(id, secret);
    },
    importCloudFrontKey: async (id: string, path: string, passphrase?: string) => ({
      message: (await service.importCloudFrontKey(id, path, passphrase)).message,
    }),
    testProfile: (id: string) => service.testProfile(id),
    share: async (shareId: string, req: Parameters<DesktopApi['share']>[1]) => {
      if (running.has(shareId)) throw new DesktopError('SHARE_RUNNING', 'This share is already running.');
      const ctl = new AbortController();
      running.set(shareId, ctl);
      try {
        const { startAt, ...options } = req.options ?? {};
        const { links } = await service.share({
          paths: req.paths,
          ...(req.profileId ? { profileId: req.profileId } : {}),
          ...(req.expires ? { expires: req.expires } : {}),
          options: { ...options, ...(startAt ? { startAt: new Date(startAt) } : {}) },
          check: Boolean(req.check),
          source: 'desktop',
          signal: ctl.signal,
          onProgress: (p) => deps.emitProgress({ shareId, ...p }),
        });
        return links.map(toLinkView);
      } finally {
        running.delete(shareId);
      }
    },
    cancelShare: async (shareId: string) => {
      running.get(shareId)?.abort();
    },
    checkLink: (url: string) => service.checkLink(url),
    listLinks: async (q: { filter?: 'active' | 'expired' | 'all'; search?: string }): Promise<LinkRecordView[]> =>
      (await service.listLinks(q)).map(({ options: _o, warnings: _w, method: _m, ...r }) => r),
    historyProblems: async () => (await service.historyHealth()).problems,
    pruneExpired: () => service.pruneExpired(),
    getLinkUrl: (id: string) => service.getLinkUrl(id),
    renewLink: async (id: string, expires?: string) => toLinkView(await service.renewLink(id, expires, 'desktop')),
    describeRevocation: (id: string) => service.describeRevocation(id),
    revokeLink: async (id: string, deleteObject: boolean) => {
      const { options: _o, warnings: _w, method: _m, ...r } = await service.revokeLink(id, { deleteObject });
      return r;
    },
    openExternal: (url: string) => deps.openExternal(url),
    nativeHostStatus: async () =>
      (await nativeHostStatus()).map((s) => ({ browser: s.browser, installed: s.installed, path: s.manifestPath })),
    installNativeHost: async (browser: BrowserId) => {
      await installNativeHost({ browser, hostPath: deps.nativeHostPath });
    },
    listApprovals: async () => [
      ...(await deps.approvals.list()).map((a) => ({ origin: a.origin, state: 'approved' as const })),
      ...(await deps.approvals.pending()).map((p) => ({ origin: p.origin, state: 'pending' as const })),
    ],
    approveExtension: async (origin: string) => {
      await deps.approvals.approve(origin);
    },
    revokeExtension: async (origin: string) => {
      await deps.approvals.revoke(origin);
    },
    getSettings: async () => ({ startAtLogin: deps.startAtLogin.get() }),
    setStartAtLogin: async (enabled: boolean) => deps.startAtLogin.set(enabled),
  };

  const handlers = {} as DesktopHandlers;
  for (const method of Object.keys(PAYLOADS) as InvokeMethod[]) {
    handlers[method] = async (sender, args) => {
      if (!sender.url || !deps.isTrustedSender(sender.url)) {
        throw new DesktopError('UNTRUSTED_SENDER', 'Refused: this request did not come from the Signet window.');
      }
      const parsed = PAYLOADS[method].safeParse(args);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DesktopError(
          'BAD_REQUEST',
          `Signet could not use that input (${method}${issue?.path.length ? ` ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}).`,
        );
      }
      try {
        return await (impl[method] as (...a: unknown[]) => Promise<unknown>)(...(parsed.data as unknown[]));
      } catch (e) {
        throw toDesktopError(e);
      }
    };
  }
  return handlers;
}

/** A fresh id for a share, so its progress events and cancel can be matched. */
export const newShareId = (): string => randomUUID();
