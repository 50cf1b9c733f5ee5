import { describe, expect, it } from 'vitest';
import { formatEta, previewExpiry, timeLeft } from './format.js';

describe('renderer formatting', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('says time left without a zero hour part', () => {
    expect(timeLeft('2026-11-23T12:00:30Z', now)).toBe('1 d left');
    expect(timeLeft('2026-11-23T15:00:00Z', now)).toBe('1 d 3 h left');
    expect(timeLeft('2026-11-22T12:14:00Z', now)).toBe('14 min left');
    expect(timeLeft('2026-11-22T11:00:00Z', now)).toBe('expired');
  });
  it('puts an upload ETA in words', () => {
    expect(formatEta(0.2)).toBe('1 s');
    expect(formatEta(42)).toBe('42 s');
    expect(formatEta(185)).toBe('3 min');
    expect(formatEta(3900)).toBe('1 h 5 min');
  });
  it('previews the expiry of a duration or a date-time', () => {
    expect(previewExpiry('15m', now)?.toISOString()).toBe('2026-11-22T12:15:00.000Z');
    expect(previewExpiry('7d', now)?.toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(previewExpiry('2026-12-01T08:00:00.000Z', now)?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(previewExpiry('forever', now)).toBeUndefined();
  });
});
