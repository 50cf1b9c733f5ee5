import { SignetError } from '../errors.js';
import { formatDuration } from '../browser/format-duration.js';
import { formatInstant } from './format-instant.js';
import type { LinkWarning } from './link-warning.js';
import { CLOUDFRONT_MAX_EXPIRES_SECONDS, SIGV4_MAX_EXPIRES_SECONDS, SIGV4_MIN_EXPIRES_SECONDS } from './limits.js';

export interface EffectiveExpiryInput {
  /** When the user wants the link to stop working. */
  expiresAt: Date;
  /** The signing time. */
  now: Date;
  /** When the credentials that sign expire (STS, SSO, role sessions). */
  credentialExpiration?: Date | undefined;
  /** S3 (SigV4, 1 s–7 days) or CloudFront (no upper bound of its own; Signet's is 10 years). */
  kind: 's3' | 'cloudfront';
}

export interface EffectiveExpiry {
  /** What was asked for. */
  expiresAt: Date;
  /** When the link really stops working: the earliest of asked, credentials, SigV4 cap. */
  effectiveExpiresAt: Date;
  warnings: LinkWarning[];
}

/**
 * Validates a requested expiry and works out when the link will really die. Rejects expiry in
 * the past, zero, (for S3) beyond 7 days with a message that points to CloudFront, and (for
 * CloudFront) beyond 10 years.
 * A link signed with temporary credentials dies with them: the result says so in a warning.
 */
export function resolveEffectiveExpiry(input: EffectiveExpiryInput): EffectiveExpiry {
  const { expiresAt, now, credentialExpiration, kind } = input;
  if (Number.isNaN(expiresAt.getTime())) throw new SignetError('DATE_INVALID', 'The expiry is not a valid date.');
  if (Number.isNaN(now.getTime()))
    throw new SignetError(
      'DATE_INVALID',
      'The signing time is not a valid date. Give an ISO-8601 date-time such as 2026-12-01T17:00:00Z.',
    );
  const seconds = (expiresAt.getTime() - now.getTime()) / 1000;
  if (seconds <= 0) {
    throw new SignetError(
      'EXPIRY_IN_PAST',
      `The expiry ${formatInstant(expiresAt)} is not in the future. Pick a later time or a duration such as 1h.`,
    );
  }
  if (kind === 's3' && seconds < SIGV4_MIN_EXPIRES_SECONDS) {
    throw new SignetError('EXPIRY_TOO_SHORT', 'An S3 link must live at least 1 second.');
  }
  if (kind === 's3' && Math.floor(seconds) > SIGV4_MAX_EXPIRES_SECONDS) {
    // Just over the cap rounds to "7 days", which reads as a contradiction: say the seconds then.
    const asked =
      formatDuration(seconds) === formatDuration(SIGV4_MAX_EXPIRES_SECONDS)
        ? `${Math.floor(seconds).toLocaleString('en-US')} seconds, over the 604,800`
        : formatDuration(seconds);
    throw new SignetError(
      'EXPIRY_TOO_LONG',
      `S3 presigned links live at most 7 days (you asked for ${asked}). Use a CloudFront profile for longer links, or pick 7d or less.`,
      { details: { maxSeconds: SIGV4_MAX_EXPIRES_SECONDS, requestedSeconds: Math.floor(seconds) } },
    );
  }
  if (kind === 'cloudfront' && seconds > CLOUDFRONT_MAX_EXPIRES_SECONDS) {
    throw new SignetError(
      'EXPIRY_TOO_LONG',
      `CloudFront links from Signet live at most 10 years (you asked for ${formatDuration(seconds)}). Pick 10 years (520w) or less, or a date-time before ${formatInstant(new Date(now.getTime() + CLOUDFRONT_MAX_EXPIRES_SECONDS * 1000))}.`,
      { details: { maxSeconds: CLOUDFRONT_MAX_EXPIRES_SECONDS, requestedSeconds: Math.floor(seconds) } },
    );
  }
  const warnings: LinkWarning[] = [];
  let effective = expiresAt;
  if (credentialExpiration && !Number.isNaN(credentialExpiration.getTime())) {
    if (credentialExpiration.getTime() <= now.getTime()) {
      throw new SignetError(
        'CREDENTIALS_EXPIRED',
        `The credentials expired at ${formatInstant(credentialExpiration)}: a link signed with them would not work. Refresh them (e.g. aws sso login) and try again.`,
      );
    }
    if (credentialExpiration.getTime() < expiresAt.getTime()) {
      effective = credentialExpiration;
      warnings.push({
        code: 'CREDENTIALS_EXPIRE_FIRST',
        message: `This link stops working at ${formatInstant(credentialExpiration)}, in ${formatDuration((credentialExpiration.getTime() - now.getTime()) / 1000)}, when the temporary credentials that signed it expire (you asked for ${formatDuration(seconds)}). Sign with long-term credentials or CloudFront for the full time.`,
      });
    }
  }
  return { expiresAt, effectiveExpiresAt: effective, warnings };
}
