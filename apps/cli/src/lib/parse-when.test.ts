import { describe, expect, it } from 'vitest';
import { parseDateFlag, parseExpiresFlag } from './parse-when.js';
import { UsageError } from './usage-error.js';

const now = new Date('2026-11-22T10:00:00Z');

describe('flag dates', () => {
  it('--expires: durations and date-times', () => {
    expect(parseExpiresFlag('90s', now).toISOString()).toBe('2026-11-22T10:01:30.000Z');
    expect(parseExpiresFlag('2026-12-01T17:00:00Z', now).toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });

  it('bad values are usage errors that name the flag', () => {
    for (const bad of ['soon', '0s', '2020-01-01T00:00:00Z']) {
      expect(() => parseExpiresFlag(bad, now)).toThrow(UsageError);
      expect(() => parseExpiresFlag(bad, now)).toThrow(/^--expires: /);
    }
    expect(() => parseDateFlag('--signing-date', 'yesterday')).toThrow(/^--signing-date: .*ISO-8601/);
  });

  it('--start takes a duration from now; --signing-date only a date-time', () => {
    expect(parseDateFlag('--start', '1h', now).toISOString()).toBe('2026-11-22T11:00:00.000Z');
    expect(() => parseDateFlag('--signing-date', '1h')).toThrow(UsageError);
  });
});
