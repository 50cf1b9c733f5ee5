// The main process's IPC handlers as plain Node: no Electron import, so they are unit-tested
// and driven by the e2e harness exactly as the app runs them. Every call: the sender must be
// the app's own renderer, the payload is parsed with zod, errors leave as { code, message }.
// The handler table is typed from DesktopApi (arguments and return type per method), the payload
// schemas agree with DesktopApi (shared/ipc-payloads.ts), and the views mirror the sharing types
// field by field: a drift anywhere is a compile error (see ipc-contract.type-test.ts).
import type {
  ApprovalStore,
  LinkRecord,
  LinkResult,
  ProfileSecretsInput,
  ProfileSummary,
  ShareResult,
  SharingService,
} from '@signet/sharing';
import { collectFiles, describeExtension, installNativeHost, nativeHostStatus } from '@signet/sharing';
import type {
  DesktopApi,
  InvokeMethod,
  LinkRecordView,
  LinkView,
  ProfileSecretsView,
  ProfileView,
  ProgressView,
  ShareResultView,
} from '../shared/desktop-api.js';
import { PAYLOADS, type ApiArgs } from '../shared/ipc-payloads.js';
import { createCloudFrontHandlers } from './cloudfront-handlers.js';
import { DesktopError, toDesktopError } from './desktop-error.js';
import type { GrantedPaths } from './granted-paths.js';
import { KnownLinks } from './known-links.js';
import { labelForPaths, ShareTracker } from './share-tracker.js';
import { refuseStoredKeyElsewhere } from './stored-key-guard.js';
import { testProfileDraft } from './test-profile-draft.js';

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
  /** The global shortcut (Electron's globalShortcut in the app; off unless the user turns it on). */
  shortcut?: { get(): string | undefined; set(accelerator: string | null): Promise<void> };
  /** The native host launcher shipped with the app. */
  nativeHostPath: string;
  /** What the user dropped, pasted, picked or opened with Signet: share and key import take only these. */
  grantedPaths: GrantedPaths;
  /** Running shares for the tray, the taskbar progress and notifications (default: tracked, not shown). */
  shares?: ShareTracker;
  /** Tests an unsaved profile (default: testProfileDraft against the real keychain, read only). */
  testDraft?: typeof testProfileDraft;
}

/** What main implements per invoke method: DesktopApi's own signature, on arguments already parsed. */
export type DesktopHandlerImpl = { [K in InvokeMethod]: (...args: ApiArgs<K>) => ReturnType<DesktopApi[K]> };

/** The IPC entry points: who sent it, and the raw argument array (parsed against PAYLOADS first). */
export type DesktopHandlers = {
  [K in InvokeMethod]: (sender: SenderInfo, args: unknown[]) => ReturnType<DesktopApi[K]>;
};

/** The same field names on both sides: a field the sharing type has and its view lacks (LinkView
 *  once lacked `headers`) would reach the renderer untyped, or be dropped by a later mapping. */
export type SameKeys<Source, View> = [Exclude<keyof Source, keyof View>, Exclude<keyof View, keyof Source>] extends [
  never,
  never,
]
  ? true
  : { missingInView: Exclude<keyof Source, keyof View>; notInSource: Exclude<keyof View, keyof Source> };
type Assert<T extends true> = T;

/** Link history fields the renderer does not get (the signing options and the warnings given then). */
type HiddenRecordField = 'options' | 'warnings' | 'method';
type ProfileFlags = Omit<ProfileSummary, 'profile'>;
/** Share result fields the renderer does not get yet (the folder entries left out). */
type HiddenShareField = 'skipped';
// Not exported: it exists for the compiler (a view that drifts fails here, by name).
type _ViewsMirrorSharing = [
  Assert<SameKeys<LinkResult, LinkView>>,
  Assert<SameKeys<Omit<LinkRecord, HiddenRecordField>, LinkRecordView>>,
  Assert<SameKeys<ProfileSummary['profile'] & ProfileFlags, ProfileView>>,
  Assert<SameKeys<ProfileSecretsInput, ProfileSecretsView>>,
  Assert<SameKeys<Omit<ShareResult, HiddenShareField>, ShareResultView>>,
  Assert<SameKeys<NonNullable<ShareResult['cleanedUp']>, NonNullable<ShareResultView['cleanedUp']>>>,
];

const toLinkView = (l: LinkResult): LinkView => ({ ...l });
const toRecordView = ({ options: _o, warnings: _w, method: _m, ...r }: LinkRecord): LinkRecordView => r;
const toProfileView = ({ profile, ...flags }: ProfileSummary): ProfileView => ({ ...profile, ...flags });

/** A path the user never gave: refused before anything is read (issue 11 item 16). */
function refuseUngiven(granted: GrantedPaths, paths: string[]): void {
  const bad = paths.find((p) => !granted.allows(p));
  if (bad)
    throw new DesktopError(
      'NOT_GIVEN_BY_USER',
      `Refused: Signet only shares files you dropped, pasted or picked in this session, and ${bad} is not one of them. Drop it on the window or use Choose files…`,
    );
}

const notSignets = (what: string) =>
  new DesktopError(
    'NOT_GIVEN_BY_USER',
    `Refused: ${what} is not a link Signet made (only those are opened or checked).`,
  );

/**
 * Which file of how many each upload is, its name inside the share and the bytes of the whole
 * share, so the window can show "2 of 5" and total progress. Undefined when the paths cannot be
 * read: the share itself then fails with the reason.
 */
async function planShare(paths: string[]) {
  try {
    const { files } = await collectFiles(paths);
    return {
      count: files.length,
      total: files.reduce((n, f) => n + f.size, 0),
      byPath: new Map(files.map((f, i) => [f.path, { index: i, name: f.name }])),
    };
  } catch {
    return undefined;
  }
}

export function createDesktopHandlers(deps: DesktopHandlerDeps): DesktopHandlers {
  const { service, grantedPaths } = deps;
  const shares = deps.shares ?? new ShareTracker();
  const known = new KnownLinks(service);

  const impl: DesktopHandlerImpl = {
    listProfiles: async () => (await service.listProfiles()).map(toProfileView),
    ...createCloudFrontHandlers(service),
    saveProfile: async (input, secrets) => {
      if (secrets?.cloudFront) refuseUngiven(grantedPaths, [secrets.cloudFront.pemPath]);
      await refuseStoredKeyElsewhere(service, input, secrets);
      return toProfileView(await service.saveProfile(input, secrets));
    },
    removeProfile: async (id) => void (await service.removeProfile(id)),
    setDefaultProfile: (id) => service.setDefaultProfile(id),
    setAwsSecret: async (id, secret) => {
      await service.setAwsSecret(id, secret);
    },
    importCloudFrontKey: async (id, path, passphrase) => {
      refuseUngiven(grantedPaths, [path]);
      return { message: (await service.importCloudFrontKey(id, path, passphrase)).message };
    },
    testProfile: (id) => service.testProfile(id),
    testProfileDraft: async (input, secrets) => {
      if (secrets?.cloudFront) refuseUngiven(grantedPaths, [secrets.cloudFront.pemPath]);
      await refuseStoredKeyElsewhere(service, input, secrets);
      return (deps.testDraft ?? testProfileDraft)(input, secrets);
    },
    share: async (shareId, req) => {
      refuseUngiven(grantedPaths, req.paths);
      const plan = await planShare(req.paths);
      const signal = shares.start(shareId, labelForPaths(req.paths), plan?.total);
      const loadedByFile = new Map<string, number>();
      try {
        const { startAt, ...options } = req.options ?? {};
        const { links, cleanedUp } = await service.share({
          paths: req.paths,
          ...(req.profileId ? { profileId: req.profileId } : {}),
          ...(req.expires ? { expires: req.expires } : {}),
          options: { ...options, ...(startAt ? { startAt: new Date(startAt) } : {}) },
          check: Boolean(req.check),
          source: 'desktop',
          signal,
          onProgress: (p) => {
            loadedByFile.set(p.file, p.loaded);
            shares.progress(
              shareId,
              [...loadedByFile.values()].reduce((n, b) => n + b, 0),
            );
            const f = plan?.byPath.get(p.file);
            deps.emitProgress({
              shareId,
              ...p,
              ...(plan && f ? { name: f.name, fileIndex: f.index, fileCount: plan.count, shareTotal: plan.total } : {}),
            });
          },
        });
        const views = links.map(toLinkView);
        for (const l of views) known.add(l.url);
        shares.finish(shareId, { links: views });
        return { links: views, ...(cleanedUp ? { cleanedUp } : {}) };
      } catch (e) {
        shares.finish(shareId, { error: toDesktopError(e).message });
        throw e;
      }
    },
    cancelShare: async (shareId) => {
      shares.cancel(shareId);
    },
    checkLink: async (url) => {
      if (!(await known.isSignets(url))) throw notSignets('that address');
      return service.checkLink(url);
    },
    listLinks: async (q) => (await service.listLinks(q)).map(toRecordView),
    historyProblems: async () => (await service.historyHealth()).problems,
    pruneExpired: () => service.pruneExpired(),
    getLinkUrl: async (id) => known.add(await service.getLinkUrl(id)),
    renewLink: async (id, expires) => {
      const view = toLinkView(await service.renewLink(id, expires, 'desktop'));
      known.add(view.url);
      return view;
    },
    describeRevocation: (id) => service.describeRevocation(id),
    revokeLink: async (id, deleteObject) => toRecordView(await service.revokeLink(id, { deleteObject })),
    openExternal: async (url) => {
      if (!(await known.isSignets(url))) throw notSignets('that page');
      await deps.openExternal(url);
    },
    nativeHostStatus: async () =>
      (await nativeHostStatus()).map((s) => ({ browser: s.browser, installed: s.installed, path: s.manifestPath })),
    installNativeHost: async (browser) => {
      await installNativeHost({ browser, hostPath: deps.nativeHostPath });
    },
    listApprovals: async () => [
      ...(await deps.approvals.list()).map((a) => ({ ...approvalIdentity(a.origin), state: 'approved' as const })),
      ...(await deps.approvals.pending()).map((p) => ({ ...approvalIdentity(p.origin), state: 'pending' as const })),
    ],
    approveExtension: async (origin) => {
      // Only an extension that asked (the bridge recorded it as pending) can be approved: a
      // compromised renderer cannot approve an origin of its choosing ahead of time.
      if (!(await deps.approvals.pending()).some((p) => p.origin === origin))
        throw new DesktopError(
          'NOT_GIVEN_BY_USER',
          'Refused: that extension has not asked to use Signet. Approve it when it asks (Settings shows the request).',
        );
      await deps.approvals.approve(origin);
    },
    revokeExtension: async (origin) => {
      await deps.approvals.revoke(origin);
    },
    getSettings: async () => {
      const shortcut = deps.shortcut?.get();
      return { startAtLogin: deps.startAtLogin.get(), ...(shortcut ? { shortcut } : {}) };
    },
    setStartAtLogin: async (enabled) => deps.startAtLogin.set(enabled),
    setShortcut: async (accelerator) => {
      if (!deps.shortcut) throw new DesktopError('BAD_REQUEST', 'Global shortcuts are not available here.');
      await deps.shortcut.set(accelerator);
    },
  };

  const handlers: Record<InvokeMethod, (sender: SenderInfo, args: unknown[]) => Promise<unknown>> = {} as never;
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
        // One cast, at the dispatch only: TypeScript cannot relate PAYLOADS[K] to ApiArgs<K> for a
        // method picked at run time, but definePayloads proved they agree for every K.
        return await (impl[method] as (...a: unknown[]) => Promise<unknown>)(...(parsed.data as unknown[]));
      } catch (e) {
        throw toDesktopError(e);
      }
    };
  }
  return handlers as DesktopHandlers;
}

/** What the approval list shows about an origin: Signet's build by name, or a warning (docs/security.md, item 2). */
function approvalIdentity(origin: string) {
  const who = describeExtension(origin);
  return {
    origin,
    known: who.known ? { name: who.known.name, build: who.known.build } : (false as const),
    ...(who.warning ? { warning: who.warning } : {}),
    grouped: who.grouped,
  };
}
