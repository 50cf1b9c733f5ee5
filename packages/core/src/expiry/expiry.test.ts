import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../../scripts/test-support/code-of.js';
import { isSignetError } from '../errors.js';
import { parseDateTime } from '../browser/parse-date-time.js';
import { parseDuration } from '../browser/parse-duration.js';
import { parseExpiry } from '../browser/parse-expiry.js';
import { resolveEffectiveExpiry } from './resolve-effective-expiry.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const at = (s: number) => new Date(NOW.getTime() + s * 1000);

describe('parseDuration / parseExpiry', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['2h', 7200],
    ['7d', 604_800],
    ['1w', 604_800],
    [' 2H ', 7200],
    ['1 d', 86_400],
  ])('%j is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
    expect(parseExpiry(text, NOW)).toEqual(at(seconds));
  });

  it.each([
    ['2026-12-01T17:00:00Z', '2026-12-01T17:00:00.000Z'],
    ['2026-12-01T18:00+01:00', '2026-12-01T17:00:00.000Z'],
    ['2026-12-01T18:00+0100', '2026-12-01T17:00:00.000Z'],
    ['2026-12-01 17:00Z', '2026-12-01T17:00:00.000Z'],
    ['2026-12-01T12:00:00-05:00', '2026-12-01T17:00:00.000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('reads the ISO-8601 date-time %j', (text, iso) => {
    expect(parseExpiry(text, NOW).toISOString()).toBe(iso);
  });

  it.each([
    ['', 'EXPIRY_INVALID'],
    ['soon', 'EXPIRY_INVALID'],
    ['tomorrow 5pm', 'EXPIRY_INVALID'],
    ['90', 'EXPIRY_INVALID'],
    ['1y', 'EXPIRY_INVALID'],
    ['1.5h', 'EXPIRY_INVALID'],
    ['0s', 'EXPIRY_TOO_SHORT'],
    ['999999999w', 'EXPIRY_TOO_LONG'],
    ['2026-12-01', 'DATE_INVALID'],
    ['2026-12-01T17:00', 'DATE_INVALID'],
    ['2026-02-29T00:00:00Z', 'DATE_INVALID'],
    ['2026-12-01T24:00:00Z', 'DATE_INVALID'],
    ['2026-13-01T00:00:00Z', 'DATE_INVALID'],
    ['2026-12-01T17:00+25:00', 'DATE_INVALID'],
    ['2020-01-01T00:00:00Z', 'EXPIRY_IN_PAST'],
    ['2026-11-22T12:00:00Z', 'EXPIRY_IN_PAST'],
  ])('refuses %j with %s', (text, code) => {
    expect(codeOf(() => parseExpiry(text, NOW))).toBe(code);
  });

  it('asks for a time zone instead of guessing one', () => {
    expect(() => parseDateTime('2026-12-01T17:00')).toThrow(/2026-12-01T17:00Z for UTC/);
    expect(() => parseDateTime('2026-12-01')).toThrow(/2026-12-01T17:00:00Z/);
  });

  it('every duration lands exactly that many seconds after now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(['s', 1], ['m', 60], ['h', 3600], ['d', 86_400], ['w', 604_800]),
        (n, [unit, size]) => {
          expect(parseExpiry(`${n}${unit}`, NOW).getTime() - NOW.getTime()).toBe(n * (size as number) * 1000);
        },
      ),
    );
  });
});

describe('resolveEffectiveExpiry', () => {
  it('is the asked expiry when nothing cuts it short', () => {
    expect(resolveEffectiveExpiry({ expiresAt: at(3600), now: NOW, kind: 's3' })).toEqual({
      expiresAt: at(3600),
      effectiveExpiresAt: at(3600),
      warnings: [],
    });
  });

  it('accepts exactly 1 second and exactly 7 days for S3', () => {
    expect(resolveEffectiveExpiry({ expiresAt: at(1), now: NOW, kind: 's3' }).effectiveExpiresAt).toEqual(at(1));
    expect(resolveEffectiveExpiry({ expiresAt: at(604_800), now: NOW, kind: 's3' }).effectiveExpiresAt).toEqual(
      at(604_800),
    );
  });

  it('refuses S3 links over 7 days and suggests CloudFront; CloudFront has no such cap', () => {
    let err: unknown;
    try {
      resolveEffectiveExpiry({ expiresAt: at(604_801), now: NOW, kind: 's3' });
    } catch (e) {
      err = e;
    }
    expect(isSignetError(err, 'EXPIRY_TOO_LONG')).toBe(true);
    expect((err as Error).message).toMatch(/at most 7 days.*CloudFront/);
    // 604,801 s is not "7 days" to the user who typed it: the refusal must not look like a contradiction.
    expect((err as Error).message).not.toMatch(/you asked for 7 days\)/);
    expect((err as Error).message).toMatch(/you asked for 604,801 seconds/);
    expect(resolveEffectiveExpiry({ expiresAt: at(90 * 86_400), now: NOW, kind: 'cloudfront' }).warnings).toEqual([]);
  });

  it.each([
    ['in the past', -60, 'EXPIRY_IN_PAST'],
    ['zero', 0, 'EXPIRY_IN_PAST'],
    ['under a second', 0.5, 'EXPIRY_TOO_SHORT'],
  ])('refuses an expiry %s', (_what, seconds, code) => {
    expect(codeOf(() => resolveEffectiveExpiry({ expiresAt: at(seconds), now: NOW, kind: 's3' }))).toBe(code);
  });

  it('refuses an invalid date and credentials that already expired', () => {
    expect(codeOf(() => resolveEffectiveExpiry({ expiresAt: new Date(NaN), now: NOW, kind: 's3' }))).toBe(
      'DATE_INVALID',
    );
    expect(codeOf(() => resolveEffectiveExpiry({ expiresAt: at(60), now: new Date(NaN), kind: 's3' }))).toBe(
      'DATE_INVALID',
    );
    expect(
      codeOf(() => resolveEffectiveExpiry({ expiresAt: at(60), now: NOW, credentialExpiration: at(-1), kind: 's3' })),
    ).toBe('CREDENTIALS_EXPIRED');
  });

  it('warns in plain words when temporary credentials expire first', () => {
    const r = resolveEffectiveExpiry({
      expiresAt: at(7 * 86_400),
      now: NOW,
      credentialExpiration: at(2 * 3600 + 300),
      kind: 's3',
    });
    expect(r.effectiveExpiresAt).toEqual(at(2 * 3600 + 300));
    expect(r.expiresAt).toEqual(at(7 * 86_400));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.code).toBe('CREDENTIALS_EXPIRE_FIRST');
    expect(r.warnings[0]!.message).toBe(
      'This link stops working at 2026-11-22 14:05 UTC, in 2 hours 5 minutes, when the temporary credentials that signed it expire (you asked for 7 days). Sign with long-term credentials or CloudFront for the full time.',
    );
  });

  it('never reports a later time than any of the limits, and warns exactly when it is earlier than asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 604_800 }),
        fc.option(fc.integer({ min: 1, max: 2 * 604_800 }), { nil: undefined }),
        (asked, cred) => {
          const r = resolveEffectiveExpiry({
            expiresAt: at(asked),
            now: NOW,
            credentialExpiration: cred === undefined ? undefined : at(cred),
            kind: 's3',
          });
          const expected = Math.min(asked, cred ?? Infinity);
          expect(r.effectiveExpiresAt).toEqual(at(expected));
          expect(r.warnings.length > 0).toBe(expected < asked);
        },
      ),
    );
  });
});
