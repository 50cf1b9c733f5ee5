// The renderer ⇄ main contract of "Set up CloudFront" and "Check setup" (issue 14), part of
// DesktopApi. Views mirror the sharing service's CloudFrontSetupResult and DoctorReport field by
// field (create-desktop-handlers checks it at compile time). Nothing here carries a secret: the
// private key is made and stored in main, the renderer sees key ids only.
import type { z } from 'zod';
import type { cloudFrontSetupRequestSchema } from './cloudfront-payloads.js';

export type CloudFrontSetupRequestView = z.infer<typeof cloudFrontSetupRequestSchema>;

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

export interface CloudFrontDesktopApi {
  /** The dry-run plan (what `signet cloudfront setup --dry-run` prints): reads only, changes nothing. */
  planCloudFrontSetup(request: CloudFrontSetupRequestView): Promise<CloudFrontSetupView>;
  /** Applies the set-up (rolls back on failure; the result says what is left). `runId` names the run for progress. */
  applyCloudFrontSetup(runId: string, request: CloudFrontSetupRequestView): Promise<CloudFrontSetupView>;
  /** The step events of a running (or just finished) set-up, oldest first. */
  cloudFrontSetupProgress(runId: string): Promise<SetupStepEventView[]>;
  /** The doctor report of a profile ("Check setup"): every check ok or a problem with its fix. Changes nothing. */
  checkSetup(profileId: string, options?: { uploads?: boolean }): Promise<DoctorReportView>;
}
