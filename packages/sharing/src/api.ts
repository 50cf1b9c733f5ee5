// The contract of @signet/sharing: what the desktop main process, the CLI and the bridge
// server (extension requests) call. Types only; the implementation is composed in
// createSharingService (service.ts). Nothing here ever carries a secret back to a caller:
// profiles are returned without keys, errors never quote a secret.
import type { LinkWarning, Profile } from '@signet/core';
import type { CloudFrontTools } from './cloudfront-tools.js';
import type { CleanedUpUploads } from './share/unfinished-uploads.js';

/** Which client asked for a link (recorded in history). */
export type LinkSource = 'desktop' | 'extension' | 'cli';

/** Per-link options. Everything is optional; the profile supplies defaults. */
export interface LinkOptions {
  /** GET (download, default) or PUT (an upload link, S3 only). */
  method?: 'GET' | 'PUT';
  /** Download name (`response-content-disposition`); defaults to the object's file name. */
  downloadName?: string;
  /** Show in the browser instead of downloading. */
  inline?: boolean;
  /** GET: response content-type override. PUT: the content type the uploader must send (signed). */
  contentType?: string;
  /** CloudFront only: link not valid before this time (custom policy). */
  startAt?: Date;
  /** CloudFront only: client IPv4 address or CIDR (custom policy). */
  ipAddress?: string;
  /** Sign an S3 URL even when the profile links through CloudFront. */
  via?: 'profile' | 's3';
  /**
   * GET one version of the object (S3 links; a versioned object through CloudFront would serve
   * the current one). A pasted link's `versionId` lands here, so a renewed link keeps it.
   */
  versionId?: string;
}

/** A link as returned to a client. */
export interface LinkResult {
  /** History id of the link (renew/revoke/copy use it). */
  id: string;
  url: string;
  /** Headers whoever uses the link must send (a PUT link signed with a content type). */
  headers?: Record<string, string>;
  kind: 's3' | 'cloudfront';
  method: 'GET' | 'PUT';
  profileId: string;
  bucket: string;
  key: string;
  /** What was asked for (ISO-8601). */
  expiresAt: string;
  /** When the link really stops working: min(expiresAt, credential expiry, SigV4 cap). */
  effectiveExpiresAt: string;
  /** Why the link dies earlier than asked, and similar notes, in words. */
  warnings: LinkWarning[];
  /** Present when a check was asked for. */
  check?: LinkCheckResult;
}

/** One entry of the local link history (what `signet links` and the History view show). */
export interface LinkRecord {
  id: string;
  createdAt: string;
  source: LinkSource;
  profileId: string;
  kind: 's3' | 'cloudfront';
  method: 'GET' | 'PUT';
  bucket: string;
  key: string;
  /** Options the link was made with (renew reuses them). */
  options: Omit<LinkOptions, 'startAt'> & { startAt?: string };
  expiresAt: string;
  effectiveExpiresAt: string;
  warnings: LinkWarning[];
  /** Size and name of the uploaded file, when the link came from a share. */
  file?: { name: string; size: number };
  revokedAt?: string;
  /** What revoked it, as data: code decides on this, never on the words in `revocation`. */
  revokedBy?: RevocationKind;
  /** How the link was revoked, in words for people (e.g. "object deleted: s3://…"). */
  revocation?: string;
}

/**
 * `object-deleted`: its object was deleted, so no link to it works (and a renewed one would 404);
 * `marked`: marked revoked with the object kept (the link works until it expires);
 * `key-retired`: its CloudFront signing key left the key group.
 */
export type RevocationKind = 'object-deleted' | 'marked' | 'key-retired';

/** A revocation to record: what did it, and the words people read. */
export interface Revocation {
  by: RevocationKind;
  text: string;
}

export type HistoryFilter = 'active' | 'expired' | 'all';

/** The state of the link history file: clients show `problems` to the user. */
export interface HistoryHealth {
  file: string;
  entries: number;
  /** 1-based numbers of the lines that cannot be read (kept as they are, skipped). */
  damagedLines: number[];
  /** Plain-language reports (damaged lines, files moved aside); empty when all is well. */
  problems: string[];
}

export interface ListLinksQuery {
  filter?: HistoryFilter;
  /** Case-insensitive match on key, bucket, file name and profile. */
  search?: string;
  limit?: number;
}

/** Classified outcome of fetching a link (HEAD, or a 1-byte range GET). */
export type LinkCheckStatus =
  | 'ok'
  | 'signature-mismatch'
  | 'access-denied'
  | 'expired'
  | 'clock-skew'
  | 'no-such-key'
  | 'no-such-bucket'
  | 'cloudfront-key-untrusted'
  | 'not-yet-valid'
  | 'method-not-allowed'
  | 'no-object-name'
  | 'unreachable'
  | 'unexpected';

export interface LinkCheckResult {
  status: LinkCheckStatus;
  ok: boolean;
  httpStatus?: number;
  /** Plain-language explanation and what to do. */
  message: string;
  /** Server clock minus local clock, in ms, when the server sent a Date header. */
  clockSkewMs?: number;
}

/** Progress of one file's upload. */
export interface UploadProgress {
  file: string;
  loaded: number;
  total: number;
  /** 0..100 */
  percent: number;
  /** bytes per second, smoothed */
  rate: number;
  /** seconds left, undefined until a rate is known */
  etaSeconds?: number;
}

export interface ShareRequest {
  /** Absolute paths of files and folders. Folders are shared file by file, recursively. */
  paths: string[];
  profileId?: string;
  /** `15m`, `2h`, `7d`, `1w`, or an ISO-8601 date-time. Default: the profile's default. */
  expires?: string;
  options?: LinkOptions;
  /** Fetch each link once after signing and report the result. */
  check?: boolean;
  source: LinkSource;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** An entry of a shared folder that was left out, and why (clients show these to the user). */
export interface SkippedEntry {
  path: string;
  /** `hidden`: its name (or a symlink's target inside the folder) starts with "."; `link-outside`: a symlink out of the folder. */
  reason: 'hidden' | 'link-outside';
  /** Where a symlink leads (its real path). */
  target?: string;
}

export interface ShareResult {
  links: LinkResult[];
  /** Entries of the shared folders left out (hidden ones, symlinks leading out), in walk order. */
  skipped: SkippedEntry[];
  /**
   * Unfinished multipart uploads an earlier lost connection left on this profile's server, aborted
   * by this share (e.g. "Cleaned up 1 unfinished upload …"); absent when there were none.
   */
  cleanedUp?: CleanedUpUploads;
}

export interface LinkRequest {
  /** Any object reference parseObjectRef understands (s3://, ARN, S3/console/CloudFront URL, signed URL). */
  ref: string;
  /** Default: the profile that covers the reference (resolveProfileForRef), the default one first. */
  profileId?: string;
  /**
   * What the named profile may sign: `covered` (default) only objects it covers; `its-server` also
   * other buckets on its server (the CLI's explicit --profile). Ignored for source `extension`.
   */
  profileScope?: 'covered' | 'its-server';
  /** A key ending in `/` is the folder-marker object itself, not a folder (asked explicitly). */
  folderMarker?: boolean;
  expires?: string;
  options?: LinkOptions;
  check?: boolean;
  /**
   * When the link goes into the history: `always` (default); `if-works` — only when the check
   * (implied) says the link works, so a dead link is never listed; `never` — a probe.
   */
  record?: 'always' | 'if-works' | 'never';
  source: LinkSource;
}

/** A profile as clients see it: never any secret, only whether one is stored. */
export interface ProfileSummary {
  profile: Profile;
  isDefault: boolean;
  hasAwsSecret: boolean;
  hasCloudFrontKey: boolean;
}

export interface AwsSecretInput {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** ISO-8601 expiry of temporary credentials. */
  expiration?: string;
}

/** The secrets a profile is saved with (see SharingService.saveProfile). Never written to a file. */
export interface ProfileSecretsInput {
  /** The AWS access key of a profile whose credentials come from the keychain. */
  aws?: AwsSecretInput;
  /** A CloudFront profile's private key PEM file (and its passphrase); the file is not touched. */
  cloudFront?: { pemPath: string; passphrase?: string };
}

/** What the sharing engine offers every client. */
export interface SharingService {
  // profiles and secrets
  listProfiles(): Promise<ProfileSummary[]>;
  getProfile(id: string): Promise<ProfileSummary>;
  /**
   * Creates or replaces a profile, with its secrets in one step: the profile is validated and the
   * key checked first, the secrets stored, then the profile saved; if the save fails the keychain
   * is put back as it was (no key left for a profile that was never saved). The CLI's
   * `profile add` and the desktop's profile form both come through here.
   */
  saveProfile(profile: unknown, secrets?: ProfileSecretsInput): Promise<ProfileSummary>;
  /**
   * `keychainCleared`: false when the keychain was away and the profile kept no secret there.
   * `linkUrls`: the profile's links whose URLs (with session tokens) were in the keychain as
   * `link:<id>` items — how many were removed with it and how many are left there; 'unknown' when
   * the history could not be read (then none were removed).
   */
  removeProfile(id: string): Promise<{
    keychainCleared: boolean;
    linkUrls: { removed: number; left: number } | 'unknown';
  }>;
  setDefaultProfile(id: string): Promise<void>;
  setAwsSecret(profileId: string, secret: AwsSecretInput): Promise<void>;
  /** Validates the PEM (and passphrase) first, then stores it in the keychain. The file is not touched. */
  importCloudFrontKey(
    profileId: string,
    pemPath: string,
    passphrase?: string,
  ): Promise<{ keyType: string; message: string }>;
  /** Checks credentials and bucket access with a real request. */
  testProfile(id: string): Promise<LinkCheckResult>;

  // links
  share(request: ShareRequest): Promise<ShareResult>;
  link(request: LinkRequest): Promise<LinkResult>;
  /** `headers`: what the link's request must carry (LinkResult.headers of a PUT link). */
  checkLink(url: string, method?: 'GET' | 'PUT', headers?: Record<string, string>): Promise<LinkCheckResult>;

  // history
  /**
   * For bulk runs: until the returned release is called, the profiles are read once and the links
   * made are recorded in memory, then written together on release (one lock, one write, one
   * fsync). Release before showing the links.
   */
  beginBatch(): () => Promise<void>;
  listLinks(query?: ListLinksQuery): Promise<LinkRecord[]>;
  /** The URL of a history entry, for "copy again". */
  getLinkUrl(id: string): Promise<string>;
  /** A fresh link for the same object and options with a new expiry (recorded as a new entry). */
  renewLink(id: string, expires?: string, source?: LinkSource): Promise<LinkResult>;
  /** What revoking this link can do, in words, before the user confirms. */
  describeRevocation(id: string): Promise<{ canDeleteObject: boolean; message: string }>;
  /** Deletes the object (when `deleteObject`) and marks the entry revoked. */
  revokeLink(id: string, options: { deleteObject: boolean }): Promise<LinkRecord>;
  pruneExpired(): Promise<number>;
  /** Damaged lines or a damaged file found in the history, in words (empty when all is well). */
  historyHealth(): Promise<HistoryHealth>;

  // CloudFront set-up, doctor and key rotation (cloudfront-tools.ts)
  setupCloudFront: CloudFrontTools['setupCloudFront'];
  doctor: CloudFrontTools['doctor'];
  rotateCloudFrontKey: CloudFrontTools['rotateCloudFrontKey'];
  retireCloudFrontKey: CloudFrontTools['retireCloudFrontKey'];
  cloudFrontDeployment: CloudFrontTools['cloudFrontDeployment'];
  cloudFrontRetiringKeys: CloudFrontTools['cloudFrontRetiringKeys'];
}
