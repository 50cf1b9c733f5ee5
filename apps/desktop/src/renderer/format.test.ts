import { describe, expect, it } from 'vitest';
import { BYTE_CASES, DURATION_CASES, TIME_LEFT_CASES } from '../../../../scripts/test-support/display-cases.js';
import { formatBytes, formatEta, previewExpiry, timeLeft } from './format.js';

describe('renderer formatting (the shared display table)', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it.each(TIME_LEFT_CASES.filter((c) => !c.revokedAt))('time left of $expiresAt: $text', (c) => {
    expect(timeLeft(c.expiresAt, c.now)).toBe(c.text);
  });
  it.each(DURATION_CASES.filter(([s]) => s > 0))('upload ETA of %s s: %s', (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });
  it.each(BYTE_CASES)('%s bytes: %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
  it('previews the expiry of a duration or a date-time', () => {
    expect(previewExpiry('15m', now)?.toISOString()).toBe('2026-11-22T12:15:00.000Z');
    expect(previewExpiry('7d', now)?.toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(previewExpiry('2026-12-01T08:00:00.000Z', now)?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(previewExpiry('forever', now)).toBeUndefined();
  });
  it('previews exactly what the signer accepts (the old preview took a past or zone-less time, and 0m)', () => {
    for (const refused of ['2026-11-01T08:00:00Z', '2026-12-01', '2026-12-01T08:00', '0m'])
      expect(previewExpiry(refused, now), refused).toBeUndefined();
    expect(previewExpiry('15M', now)?.toISOString()).toBe('2026-11-22T12:15:00.000Z');
    expect(previewExpiry('90 s', now)?.toISOString()).toBe('2026-11-22T12:01:30.000Z');
  });
});
