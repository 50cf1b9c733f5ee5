// The renderer ⇄ main contract of "Set up CloudFront" and "Check setup" (issue 14), part of
// DesktopApi. Views mirror the sharing service's CloudFrontSetupResult and DoctorReport field by
// field (create-desktop-handlers checks it at compile time). Nothing here carries a secret: the
// private key is made and stored in main, the renderer sees key ids only.
import type { z } from 'zod';
import type { cloudFrontSetupRequestSchema, keyRotationChoiceSchema } from './cloudfront-payloads.js';

export type CloudFrontSetupRequestView = z.infer<typeof cloudFrontSetupRequestSchema>;
/** When the replaced key leaves its group: `now` (its links stop) or `later`, after `days`. */
type KeyRotationChoiceView = z.infer<typeof keyRotationChoiceSchema>;

interface SetupStepView {
  id: string;
  description: string;
  calls: string[];
  done: boolean;
}

export interface CloudFrontSetupView {
  dryRun: boolean;
  ok: boolean;
  profileId: string;
  /** The whole plan as text (numbered steps, API calls, the bucket-policy diff), as `--dry-run` prints it. */
  plan: string;
  steps: SetupStepView[];
  unchanged: boolean;
  distributionId?: string;
  domain?: string;
  keyPairId?: string;
  deployed?: boolean;
  /** What happened (after a failure: what was rolled back and what is left), in words. */
  message: string;
  warnings: string[];
  /** After a failure: what could not be taken back. */
  left: string[];
}

/** One step event of a running set-up: started, finished, skipped (already in place) or undone. */
export interface SetupStepEventView {
  stepId: string;
  description: string;
  phase: 'start' | 'done' | 'skip' | 'undo';
}

interface DoctorCheckView {
  id: string;
  title: string;
  status: 'ok' | 'problem' | 'skipped';
  detail: string;
  fix?: string;
}

export interface DoctorReportView {
  profileId: string;
  kind: 's3' | 'cloudfront';
  ok: boolean;
  checks: DoctorCheckView[];
}

/** Whether the distribution behind a CloudFront profile is deployed yet (GetDistribution's Status). */
export interface CloudFrontDeploymentView {
  profileId: string;
  distributionId: string;
  domain: string;
  /** As CloudFront reports it: InProgress, then Deployed. */
  status: string;
  deployed: boolean;
  message: string;
}

/** A rotation's outcome: key ids only (the new private key went to the keychain in main). */
export interface KeyRotationView {
  profileId: string;
  newKeyId: string;
  oldKeyId: string;
  keyGroupId: string;
  retired: string[];
  linksKilled: number;
  message: string;
}

/** A key a rotation replaced, still in the key group until it is retired. */
export interface RetiringKeyView {
  profileId: string;
  keyId: string;
  replacedBy: string;
  /** ISO-8601: from when `signet cloudfront retire-key` takes it out without --now. */
  retireAfter: string;
}

export interface KeyRetireView {
  profileId: string;
  retired: string[];
  waiting: { keyId: string; retireAfter: string }[];
  linksKilled: number;
  message: string;
}

export interface CloudFrontDesktopApi {
  /** The dry-run plan (what `signet cloudfront setup --dry-run` prints): reads only, changes nothing. */
  planCloudFrontSetup(request: CloudFrontSetupRequestView): Promise<CloudFrontSetupView>;
  /** Applies the set-up (rolls back on failure; the result says what is left). `runId` names the run for progress. */
  applyCloudFrontSetup(runId: string, request: CloudFrontSetupRequestView): Promise<CloudFrontSetupView>;
  /** The step events of a running (or just finished) set-up, oldest first. */
  cloudFrontSetupProgress(runId: string): Promise<SetupStepEventView[]>;
  /** The doctor report of a profile ("Check setup"): every check ok or a problem with its fix. Changes nothing. */
  checkSetup(profileId: string, options?: { uploads?: boolean }): Promise<DoctorReportView>;
  /** Whether the profile's distribution is deployed yet (one GetDistribution; the window polls it). Changes nothing. */
  cloudFrontDeployment(profileId: string): Promise<CloudFrontDeploymentView>;
  /** A new key joins the group and signs new links; the old one is retired now or waits `days` (`signet cloudfront rotate-key`). */
  rotateCloudFrontKey(profileId: string, choice: KeyRotationChoiceView): Promise<KeyRotationView>;
  /** Takes a replaced key out of the group now: every link it signed stops working (`retire-key --key K --now`). */
  retireCloudFrontKey(profileId: string, keyId: string): Promise<KeyRetireView>;
  /** Keys a rotation replaced that are still waiting to be retired (a local list; no network). */
  cloudFrontRetiringKeys(profileId: string): Promise<RetiringKeyView[]>;
}
