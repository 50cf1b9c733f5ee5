import { describe, expect, it } from 'vitest';
import { describeDuration, describeError, describeExpiry } from './describe-outcome.js';

describe('describeExpiry', () => {
  it('states the effective expiry and why it is earlier', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const text = describeExpiry('2026-11-22T11:00:00Z', now, [
      { message: 'The credentials that signed it expire first.' },
    ]);
    expect(text).toMatch(
      /^Share link copied\. It works until .+ \(1 hour\)\. The credentials that signed it expire first\.$/,
    );
  });

  it('puts durations in words', () => {
    expect(describeDuration(15 * 60_000)).toBe('15 minutes');
    expect(describeDuration(7 * 86_400_000 - 3_600_000)).toBe('6 days 23 hours');
    expect(describeDuration(86_400_000)).toBe('1 day');
    expect(describeDuration(90 * 60_000)).toBe('1 hour 30 minutes');
    expect(describeDuration(-1)).toBe('already expired');
  });
});

describe('describeError', () => {
  it('says what to do for each failure', () => {
    expect(describeError({ code: 'APP_NOT_RUNNING', message: '' })).toContain('signet serve');
    expect(describeError({ code: 'NOT_APPROVED', message: 'Approve it in Signet.' })).toBe('Approve it in Signet.');
    expect(describeError({ code: 'NO_PROFILE_FOR_OBJECT', message: 'No profile for bucket x.' })).toMatch(
      /not in any of your Signet profiles.*Add a profile/,
    );
    expect(
      describeError({ code: 'DESKTOP_ERROR', desktopCode: 'KEYCHAIN_LOCKED', message: 'Unlock the keychain.' }),
    ).toBe('Signet: Unlock the keychain.');
    expect(describeError({ code: 'NOT_AN_OBJECT', message: 's3://b/dir/ is a folder, not an object.' })).toBe(
      'Signet makes links to single files: s3://b/dir/ is a folder, not an object.',
    );
    expect(describeError({ code: 'RATE_LIMITED', message: '', retryAfterMs: 2500 })).toContain('3 s');
  });
});
