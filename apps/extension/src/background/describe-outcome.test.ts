import { PROTOCOL_ERROR_CODES } from '@signet/protocol';
import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  describeError,
  describeLink,
  fit,
  formatTime,
  guiWording,
  NOTIFICATION_MAX,
} from './describe-outcome.js';

const now = new Date('2026-11-22T10:00:00Z');
const link = {
  bucket: 'reports',
  key: '2026/q3 final.pdf',
  profileId: 'work',
  profileName: 'Work reports',
  expiresAt: '2026-11-23T10:00:00.000Z',
  effectiveExpiresAt: '2026-11-23T10:00:00.000Z',
};

describe('describeLink', () => {
  it('says which file, until when, and which profile signed it, short enough for a notification', () => {
    const d = describeLink(link, now);
    expect(d.level).toBe('ok');
    expect(d.title).toBe('Share link copied');
    expect(d.message).toBe(
      `q3 final.pdf · works until ${formatTime(new Date(link.effectiveExpiresAt), now)} (1 day) · profile Work reports`,
    );
    expect(d.message.length).toBeLessThanOrEqual(NOTIFICATION_MAX);
    expect(d.details).toContain('signed by profile “Work reports”');
  });

  it('warns (not a plain success) when temporary credentials end the link early: one sentence, one clock', () => {
    const d = describeLink(
      {
        ...link,
        effectiveExpiresAt: '2026-11-22T11:59:00.000Z',
        warnings: [{ code: 'CREDENTIALS_EXPIRE_FIRST', message: 'The temporary credentials … expire at 11:59 UTC …' }],
      },
      now,
    );
    expect(d.level).toBe('warning');
    const at = formatTime(new Date('2026-11-22T11:59:00.000Z'), now);
    expect(d.title).toBe('Link copied — ends when its credentials expire');
    expect(d.message).toBe(`q3 final.pdf · works until ${at} (1 hour 59 minutes) · profile Work reports`);
    // The bridge's own sentence (in UTC) is not appended: one time zone, one set of numbers.
    expect(d.message + d.details).not.toContain('UTC');
    expect(d.message.length).toBeLessThanOrEqual(NOTIFICATION_MAX);
  });

  it('counts whole minutes: a 15-minute link read 20 ms after signing has 15 minutes left', () => {
    const at = new Date(now.getTime() + 15 * 60_000 - 20);
    const d = describeLink({ ...link, expiresAt: at.toISOString(), effectiveExpiresAt: at.toISOString() }, now);
    expect(d.message).toContain('(15 minutes)');
  });

  it('rounds as every client does: a 1-day link read 30 s late has 1 day, a 7-day one 20 min late 7 days', () => {
    for (const [seconds, text] of [
      [86_400 - 30, '(1 day)'],
      [7 * 86_400 - 20 * 60, '(7 days)'],
    ] as const) {
      const at = new Date(now.getTime() + seconds * 1000);
      const d = describeLink({ ...link, expiresAt: at.toISOString(), effectiveExpiresAt: at.toISOString() }, now);
      expect(d.message).toContain(text);
    }
  });

  it('fits the notification for any file name and any day, warning or not', () => {
    const long = { ...link, key: `${'very long folder name/'.repeat(5)}${'a long file name '.repeat(8)}.pdf` };
    const later = { ...long, effectiveExpiresAt: '2026-11-28T23:59:00.000Z', expiresAt: '2026-11-29T10:00:00.000Z' };
    for (const d of [describeLink(long, now), describeLink(later, now)])
      expect(d.message.length, d.message).toBeLessThanOrEqual(NOTIFICATION_MAX);
  });

  it('shortens a long file name, never the time or the profile that signed', () => {
    const long = { ...link, key: `docs/${'a long file name '.repeat(8)}v2.pdf`, profileName: 'Work reports' };
    const temp = {
      ...long,
      effectiveExpiresAt: '2026-11-28T23:59:00.000Z',
      expiresAt: '2026-11-29T10:00:00.000Z',
      warnings: [{ code: 'CREDENTIALS_EXPIRE_FIRST', message: '…' }],
    };
    for (const facts of [long, temp]) {
      const d = describeLink(facts, now);
      expect(d.message.length, d.message).toBeLessThanOrEqual(NOTIFICATION_MAX);
      expect(d.message, d.message).toContain('profile Work reports');
      expect(d.message, d.message).toContain(formatTime(new Date(facts.effectiveExpiresAt), now));
      expect(d.message, d.message).toMatch(/^a long file name.*…v2\.pdf /); // start and extension kept
    }
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
  const origin = 'chrome-extension://loheciihofbchbhcnnmnapojpbafjpic/';
  const approval = `This browser extension is not approved yet. Approve it in Signet (Settings → Browser integration), or run \`signet bridge approve ${origin}\`.`;

  it('fits every notification in Chromium’s limit, keeping the full text for the popup', () => {
    const long = 'x '.repeat(400);
    for (const code of PROTOCOL_ERROR_CODES) {
      const d = describeError({ code, message: code === 'NOT_APPROVED' ? approval : long });
      expect(d.message.length, code).toBeLessThanOrEqual(NOTIFICATION_MAX);
      expect(d.title.length, code).toBeLessThanOrEqual(40);
      expect(d.level).toBe('error');
    }
    // The approval command was cut off in the notification: it lives in the popup, whole.
    const approve = describeError({ code: 'NOT_APPROVED', message: approval });
    expect(approve.message).toBe('Signet asks you to approve this extension: Settings → Browser integration.');
    expect(approve.details).toContain(`signet bridge approve ${origin}`);
  });

  it('speaks GUI, not CLI: no backticks', () => {
    for (const code of PROTOCOL_ERROR_CODES) {
      const d = describeError({ code, message: 'Run `signet serve`.' });
      expect(d.message + d.details, code).not.toContain('`');
    }
    expect(describeError({ code: 'APP_NOT_RUNNING', message: '' }).message).toBe(
      'Open the Signet app, then try again.',
    );
  });

  it('says what differs when an endpoint is localhost and the profile says 127.0.0.1', () => {
    const d = describeError({
      code: 'NO_PROFILE_FOR_OBJECT',
      message:
        'No profile covers the bucket "b" on http://localhost:7480. "p" has a bucket of that name on http://127.0.0.1:7480, a different server: a link from it would point there.',
    });
    expect(d.details).toContain('localhost and 127.0.0.1 are the same computer but different host names');
    expect(describeError({ code: 'NO_PROFILE_FOR_OBJECT', message: 'No profile covers s3://b.' }).details).toBe(
      'No profile covers s3://b.',
    );
  });

  it('says no such object in the words of the bridge', () => {
    const d = describeError({ code: 'NO_SUCH_OBJECT', message: 'No such object: nothing is stored at s3://b/été.' });
    expect(d).toMatchObject({ title: 'No such object', message: 'No such object: nothing is stored at s3://b/été.' });
  });

  it('fit cuts at a sentence, else at a word', () => {
    expect(fit('Short.')).toBe('Short.');
    expect(fit(`First sentence here. ${'more '.repeat(40)}`)).toBe('First sentence here.');
    const cut = fit('word '.repeat(60));
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(NOTIFICATION_MAX);
  });
});

describe('guiWording', () => {
  // The desktop's own messages (core parseObjectRef, sharing resolveProfileForRef), as they are today.
  it('names the app’s settings instead of command-line flags, and “distribution” for CloudFront', () => {
    expect(
      guiWording(
        '"foo" is not something Signet can share. Give s3://bucket/key, an S3 or CloudFront URL, or an S3 console link.',
      ),
    ).toBe(
      '"foo" is not something Signet can share. Right-click a link to an S3 or CloudFront object or an S3 console page, or select text such as s3://bucket/file.pdf.',
    );
    expect(
      guiWording(
        'No profile covers the CloudFront domain "d1.example.net". Add a profile for it (signet profile add <name> --bucket <origin bucket> --cloudfront-domain d1.example.net --key-pair-id <id>, or Settings in the desktop app).',
      ),
    ).toBe(
      'No profile covers the CloudFront distribution "d1.example.net". Add a profile for it in Signet (Settings → Profiles).',
    );
    expect(
      guiWording(
        "http://localhost:7480 is neither an S3 endpoint nor a CloudFront distribution Signet knows. If it is an S3-compatible service, pass --endpoint http://localhost:7480 (or add it to a profile's endpoint); if it is your own CloudFront domain, add it to a profile (--cloudfront-domain localhost).",
      ),
    ).toBe(
      "http://localhost:7480 is neither an S3 endpoint nor a CloudFront distribution Signet knows. If it is an S3-compatible service, add http://localhost:7480 as a profile's endpoint in Signet; if it is your own CloudFront distribution, add it to a profile in Signet (Settings → Profiles).",
    );
    for (const text of ['signet profile add', '--endpoint', '--cloudfront-domain', '`'])
      expect(guiWording(`x (signet profile add a --endpoint b --cloudfront-domain c) \`y\``)).not.toContain(text);
  });
});
