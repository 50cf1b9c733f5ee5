// What `signet cloudfront setup` (and the desktop's "Set up CloudFront") asks for and gets back.
import type { SigningKeyType } from './generate-signing-key.js';

export interface CloudFrontSetupRequest {
  /** The private bucket CloudFront serves. */
  bucket: string;
  /** The profile to save or update (default: a name made from the bucket). */
  profileId?: string;
  /** Make a new distribution for the bucket. */
  create?: boolean;
  /** Trust the key on this existing distribution instead. */
  distributionId?: string;
  /** Add the key to this key group instead of Signet's own group for the profile. */
  keyGroupId?: string;
  /** Signing key type for a new key (default ECDSA P-256). */
  keyType?: SigningKeyType;
  /** Allow PUT/POST/DELETE through the new distribution, and let CloudFront write to the bucket. */
  uploads?: boolean;
  /** Print what would happen; change nothing. */
  dryRun?: boolean;
  /** A new profile's credentials: this AWS shared-config profile (default: the AWS default chain). */
  awsProfile?: string;
  /** A new profile's region (default us-east-1). */
  region?: string;
  /** After the changes, wait until CloudFront has deployed the distribution. */
  wait?: boolean;
  /** Who reads the messages: the CLI (default) is told of flags and commands, the desktop window of its own buttons. */
  for?: 'cli' | 'window';
}

/** One step of the set-up, as clients show it. */
export interface SetupStepSummary {
  id: string;
  description: string;
  calls: string[];
  done: boolean;
}

export interface CloudFrontSetupResult {
  dryRun: boolean;
  ok: boolean;
  profileId: string;
  /** The whole plan as text (numbered steps, API calls, the bucket-policy diff). */
  plan: string;
  steps: SetupStepSummary[];
  /** Nothing needed changing (a re-run). */
  unchanged: boolean;
  distributionId?: string;
  domain?: string;
  keyPairId?: string;
  /** With `wait`: whether the distribution was deployed before the wait ended. */
  deployed?: boolean;
  /** What happened, and what to do next, in words. */
  message: string;
  /** Warnings found while planning (Block Public Access off, other behaviours untrusted…). */
  warnings: string[];
  /** After a failure: what could not be taken back. */
  left: string[];
}

export interface KeyRotationRequest {
  profileId: string;
  keyType?: SigningKeyType;
  /** Retire the old key right away (every link it signed stops working). */
  retireNow?: boolean;
  /** When the old key may be retired (`signet cloudfront retire-key` then does it): a duration such as 7d. */
  retireAfter?: string;
  /** Who reads the message: the CLI (default) or the desktop window (its buttons, not commands). */
  for?: 'cli' | 'window';
}

export interface KeyRotationResult {
  profileId: string;
  newKeyId: string;
  oldKeyId: string;
  keyGroupId: string;
  retired: string[];
  /** History entries marked as killed by the retirement. */
  linksKilled: number;
  message: string;
}

export interface KeyRetireRequest {
  profileId: string;
  /** Retire this key even when its retire-after date has not come (default: only keys that are due). */
  keyId?: string;
  /** Retire keys whose date has not come yet too. */
  now?: boolean;
  /** Who reads the messages: the CLI (default) or the desktop window. */
  for?: 'cli' | 'window';
}

export interface KeyRetireResult {
  profileId: string;
  retired: string[];
  /** Keys still waiting for their date. */
  waiting: { keyId: string; retireAfter: string }[];
  linksKilled: number;
  message: string;
}
