// What `signet doctor` (and "Check setup" in the desktop) reports: one line per check, ok or a
// problem with the fix in one sentence. Serialised as is by `signet doctor --json`.

export type DoctorCheckId =
  | 'credentials'
  | 'clock'
  | 'bucket'
  | 'block-public-access'
  | 'bucket-policy'
  | 'distribution'
  | 'distribution-enabled'
  | 'distribution-deployed'
  | 'signed-links-required'
  | 'signing-key'
  | 'origin-access'
  | 'download-names'
  | 'uploads'
  | 'viewer-protocol'
  | 'key-rotation';

/** The title each check is shown under. */
export const DOCTOR_CHECK_TITLES: Record<DoctorCheckId, string> = {
  credentials: 'Credentials',
  clock: 'Clock',
  bucket: 'Bucket',
  'block-public-access': 'Block Public Access',
  'bucket-policy': 'Bucket policy',
  distribution: 'Distribution',
  'distribution-enabled': 'Distribution enabled',
  'distribution-deployed': 'Distribution deployed',
  'signed-links-required': 'Signed links required',
  'signing-key': 'Signing key in the key group',
  'origin-access': 'Origin access',
  'download-names': 'Download names (query strings)',
  uploads: 'Uploads (PUT)',
  'viewer-protocol': 'Viewer protocol',
  'key-rotation': 'Keys waiting to be retired',
};

export interface DoctorCheck {
  id: DoctorCheckId;
  /** Short name of what was checked, e.g. "Signing key in the key group". */
  title: string;
  /** `skipped`: could not be checked because an earlier check failed (the detail says which). */
  status: 'ok' | 'problem' | 'skipped';
  /** What Signet found, in words. */
  detail: string;
  /** For a problem: what to do, in one sentence. */
  fix?: string;
}

export interface DoctorReport {
  profileId: string;
  kind: 's3' | 'cloudfront';
  /** No check found a problem. */
  ok: boolean;
  checks: DoctorCheck[];
}

export interface DoctorOptions {
  /** The profile makes upload (PUT) links through CloudFront: PUT must be allowed. */
  uploads?: boolean;
  /** Who reads the fixes: the CLI (default: `signet` commands) or the desktop window (its buttons). */
  for?: 'cli' | 'window';
}
