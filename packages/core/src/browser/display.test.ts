import { describe, expect, it } from 'vitest';
import { BYTE_CASES, DURATION_CASES, TIME_LEFT_CASES } from '../../../../scripts/test-support/display-cases.js';
import { EXPIRY_PRESETS, formatBytes, formatDuration, formatTimeLeft, parseExpiry, previewExpiry } from './index.js';

describe('display helpers (the table every client runs too)', () => {
  it.each(DURATION_CASES)('%s s is %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
  it.each(TIME_LEFT_CASES)('$expiresAt → $text', (c) =>
    expect(formatTimeLeft(c.expiresAt, c.now, c.revokedAt)).toBe(c.text),
  );
  it.each(BYTE_CASES)('%s bytes is %s', (n, text) => expect(formatBytes(n)).toBe(text));

  it('every preset is an expiry the parser takes, and says the same in words', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    for (const p of EXPIRY_PRESETS) {
      const seconds = (parseExpiry(p.expires, now).getTime() - now.getTime()) / 1000;
      expect(formatDuration(seconds)).toBe(p.label);
      expect(previewExpiry(p.expires, now)).toEqual(parseExpiry(p.expires, now));
    }
  });
});
