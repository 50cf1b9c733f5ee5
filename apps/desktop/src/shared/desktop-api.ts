// The one contract between the renderer and the main process. The preload implements it with
// contextBridge + ipcRenderer.invoke; main registers a handler per channel. Types and channel
// names only: the payload types come from the zod schemas in ipc-payloads.ts (`import type`, so
// no zod reaches the renderer or preload bundles), and main's handler table is typed from
// DesktopApi, so a drift on either side is a compile error. The renderer never sees a secret —
// profiles come back with "has a key" flags, never keys.
import type { z } from 'zod';
import type {
  awsSecretSchema,
  browserSchema,
  credentialsSchema,
  linkConfigSchema,
  linkQuerySchema,
  profileInputSchema,
  profileSecretsSchema,
  shareRequestSchema,
} from './ipc-payloads.js';
import type { CloudFrontDesktopApi } from './cloudfront-api.js';

type LinkSourceView = 'desktop' | 'extension' | 'cli';

interface WarningView {
  code: string;
  message: string;
}

export interface ProfileView {
  id: string;
  name: string;
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  keyTemplate: string;
  defaultExpiry: string;
  credentials: z.infer<typeof credentialsSchema>;
  link: z.infer<typeof linkConfigSchema>;
  isDefault: boolean;
  hasAwsSecret: boolean;
  hasCloudFrontKey: boolean;
}

export interface CheckView {
  status: string;
  ok: boolean;
  httpStatus?: number;
  message: string;
}

export interface LinkView {
  id: string;
  url: string;
  /** Headers whoever uses the link must send (a PUT link signed with a content type). */
  headers?: Record<string, string>;
  kind: 's3' | 'cloudfront';
  method: 'GET' | 'PUT';
  profileId: string;
  bucket: string;
  key: string;
  expiresAt: string;
  effectiveExpiresAt: string;
  warnings: WarningView[];
  check?: CheckView;
}

export interface LinkRecordView {
  id: string;
  createdAt: string;
  source: LinkSourceView;
  profileId: string;
  kind: 's3' | 'cloudfront';
  bucket: string;
  key: string;
  expiresAt: string;
  effectiveExpiresAt: string;
  file?: { name: string; size: number };
  revokedAt?: string;
  /** What revoked it (object-deleted: no link to it works any more; marked: the object was kept). */
  revokedBy?: 'object-deleted' | 'marked' | 'key-retired';
  revocation?: string;
}

export type ShareRequestView = z.infer<typeof shareRequestSchema>;

/** Unfinished uploads a lost connection left on the server, aborted by this share. */
interface CleanedUpView {
  count: number;
  uploads: { bucket: string; key: string }[];
  /** For people: "Cleaned up 1 unfinished upload (a/b.bin) left on the server when it was lost." */
  message: string;
}

/** A finished share: its links, and what it cleaned up on the way (absent when nothing). */
export interface ShareResultView {
  links: LinkView[];
  cleanedUp?: CleanedUpView;
}

export interface ProgressView {
  shareId: string;
  file: string;
  loaded: number;
  total: number;
  percent: number;
  rate: number;
  etaSeconds?: number;
  /** The file's name inside the share (`folder/sub/a.txt`), which file it is (0-based) of how many,
   *  and the bytes of the whole share: for "2 of 5" and total progress. */
  name?: string;
  fileIndex?: number;
  fileCount?: number;
  shareTotal?: number;
}

export type ProfileInputView = z.infer<typeof profileInputSchema>;

type AwsSecretView = z.infer<typeof awsSecretSchema>;

export type ProfileSecretsView = z.infer<typeof profileSecretsSchema>;

type LinkQueryView = z.infer<typeof linkQuerySchema>;

export type BrowserView = z.infer<typeof browserSchema>;

export interface ApprovalView {
  origin: string;
  state: 'approved' | 'pending';
  /** Signet's own build behind this origin, or false for any other extension (docs/security.md, item 2). */
  known?: { name: string; build: 'release' | 'development' } | false;
  /** For any other extension: the warning to show before it is approved. */
  warning?: string;
  /** The extension id in groups of four, to compare by eye with a look-alike. */
  grouped?: string;
}

/** Every call the renderer can make. Each rejects with an Error whose message is for people. */
export interface DesktopApi extends CloudFrontDesktopApi {
  listProfiles(): Promise<ProfileView[]>;
  /** Saves the profile with its secrets in one step: a failed save leaves the keychain as it was. */
  saveProfile(input: ProfileInputView, secrets?: ProfileSecretsView): Promise<ProfileView>;
  removeProfile(id: string): Promise<void>;
  setDefaultProfile(id: string): Promise<void>;
  setAwsSecret(id: string, secret: AwsSecretView): Promise<void>;
  importCloudFrontKey(id: string, pemPath: string, passphrase?: string): Promise<{ message: string }>;
  testProfile(id: string): Promise<CheckView>;
  /**
   * Tests a profile as typed, before it is saved (nothing is stored): connects with the given
   * keys (or the stored ones of the profile being edited) and, when that works, signs a sample
   * link the way Signet would.
   */
  testProfileDraft(input: ProfileInputView, secrets?: ProfileSecretsView): Promise<CheckView & { sampleUrl?: string }>;

  share(shareId: string, request: ShareRequestView): Promise<ShareResultView>;
  cancelShare(shareId: string): Promise<void>;
  /** Upload progress of every running share. Returns an unsubscribe function. */
  onProgress(listener: (p: ProgressView) => void): () => void;
  /** A browser extension asked to be approved (its origin). Returns an unsubscribe function. */
  onApprovalRequest(listener: (origin: string) => void): () => void;
  /** Files chosen outside the window (tray or menu "Share files…"): share them like a drop. */
  onSharePaths(listener: (paths: string[]) => void): () => void;
  checkLink(url: string): Promise<CheckView>;

  listLinks(query: LinkQueryView): Promise<LinkRecordView[]>;
  /** What is wrong with the link history file (damaged lines kept and skipped), in words; empty when all is well. */
  historyProblems(): Promise<string[]>;
  /** Removes expired and revoked links from the history (damaged lines move to a side file); returns how many. */
  pruneExpired(): Promise<number>;
  getLinkUrl(id: string): Promise<string>;
  renewLink(id: string, expires?: string): Promise<LinkView>;
  describeRevocation(id: string): Promise<{ canDeleteObject: boolean; message: string }>;
  revokeLink(id: string, deleteObject: boolean): Promise<LinkRecordView>;

  /** The absolute path of a dropped or picked file (Electron: webUtils.getPathForFile). */
  pathForFile(file: File): string;
  /** Opens https links in the default browser; anything else is refused. */
  openExternal(url: string): Promise<void>;

  nativeHostStatus(): Promise<{ browser: BrowserView; installed: boolean; path: string }[]>;
  installNativeHost(browser: BrowserView): Promise<void>;
  listApprovals(): Promise<ApprovalView[]>;
  approveExtension(origin: string): Promise<void>;
  revokeExtension(origin: string): Promise<void>;
  /** `shortcut`: the global shortcut that opens Share files… from anywhere; absent when off (the default). */
  getSettings(): Promise<{ startAtLogin: boolean; shortcut?: string }>;
  setStartAtLogin(enabled: boolean): Promise<void>;
  /** Turns the global shortcut on (an Electron accelerator, e.g. CommandOrControl+Shift+U) or off (null). */
  setShortcut(accelerator: string | null): Promise<void>;
}

/** IPC channel per invoke method (events and pathForFile are not invoke calls). */
export type EventMethod = 'onProgress' | 'onApprovalRequest' | 'onSharePaths';
export const DESKTOP_CHANNELS = {
  listProfiles: 'signet:listProfiles',
  planCloudFrontSetup: 'signet:planCloudFrontSetup',
  applyCloudFrontSetup: 'signet:applyCloudFrontSetup',
  cloudFrontSetupProgress: 'signet:cloudFrontSetupProgress',
  checkSetup: 'signet:checkSetup',
  cloudFrontDeployment: 'signet:cloudFrontDeployment',
  rotateCloudFrontKey: 'signet:rotateCloudFrontKey',
  retireCloudFrontKey: 'signet:retireCloudFrontKey',
  cloudFrontRetiringKeys: 'signet:cloudFrontRetiringKeys',
  saveProfile: 'signet:saveProfile',
  removeProfile: 'signet:removeProfile',
  setDefaultProfile: 'signet:setDefaultProfile',
  setAwsSecret: 'signet:setAwsSecret',
  importCloudFrontKey: 'signet:importCloudFrontKey',
  testProfile: 'signet:testProfile',
  testProfileDraft: 'signet:testProfileDraft',
  share: 'signet:share',
  cancelShare: 'signet:cancelShare',
  checkLink: 'signet:checkLink',
  listLinks: 'signet:listLinks',
  historyProblems: 'signet:historyProblems',
  pruneExpired: 'signet:pruneExpired',
  getLinkUrl: 'signet:getLinkUrl',
  renewLink: 'signet:renewLink',
  describeRevocation: 'signet:describeRevocation',
  revokeLink: 'signet:revokeLink',
  openExternal: 'signet:openExternal',
  nativeHostStatus: 'signet:nativeHostStatus',
  installNativeHost: 'signet:installNativeHost',
  listApprovals: 'signet:listApprovals',
  approveExtension: 'signet:approveExtension',
  revokeExtension: 'signet:revokeExtension',
  getSettings: 'signet:getSettings',
  setStartAtLogin: 'signet:setStartAtLogin',
  setShortcut: 'signet:setShortcut',
} as const satisfies Record<Exclude<keyof DesktopApi, EventMethod | 'pathForFile'>, `signet:${string}`>;

export type InvokeMethod = keyof typeof DESKTOP_CHANNELS;
export const PROGRESS_CHANNEL = 'signet:progress';
export const APPROVAL_CHANNEL = 'signet:approval-request';
export const SHARE_PATHS_CHANNEL = 'signet:share-paths';
