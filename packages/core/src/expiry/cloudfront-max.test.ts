// Issue 11 item 13: CloudFront has no expiry limit of its own, so `expires: "9999999w"` minted a
// link expiring in the year 193,806, whose expiresAt (an extended ISO year, "+193806-…") the
// protocol cannot carry back. Signet caps CloudFront links at 10 years, with a clear error.
import { describe, expect, it } from 'vitest';
import { CLOUDFRONT_MAX_EXPIRES_SECONDS, parseExpiry, resolveEffectiveExpiry } from './index.js';

const now = new Date('2030-01-01T00:00:00Z');
const cf = (expires: string) =>
  resolveEffectiveExpiry({ expiresAt: parseExpiry(expires, now), now, kind: 'cloudfront' });

describe('CloudFront expiry upper bound', () => {
  it('is 10 years (3,652 days)', () => {
    expect(CLOUDFRONT_MAX_EXPIRES_SECONDS).toBe(3652 * 86_400);
  });

  it('accepts up to 10 years, as a duration or a date-time', () => {
    expect(cf('3652d').effectiveExpiresAt.toISOString()).toBe('2040-01-01T00:00:00.000Z');
    expect(cf('520w').warnings).toEqual([]);
    expect(cf('2039-12-31T00:00:00Z').expiresAt.getUTCFullYear()).toBe(2039);
  });

  it.each(['9999999w', '3653d', '9999-12-31T23:59:59Z', '2040-01-01T00:00:01Z'])(
    'refuses %s with EXPIRY_TOO_LONG, saying the limit and what to pick',
    (expires) => {
      expect(() => cf(expires)).toThrow(
        expect.objectContaining({
          code: 'EXPIRY_TOO_LONG',
          message: expect.stringMatching(
            /CloudFront links from Signet live at most 10 years \(you asked for .+\)\. Pick 10 years \(520w\) or less/,
          ),
          details: expect.objectContaining({ maxSeconds: CLOUDFRONT_MAX_EXPIRES_SECONDS }),
        }),
      );
    },
  );

  it('S3 keeps its own 7-day limit', () => {
    expect(() => resolveEffectiveExpiry({ expiresAt: parseExpiry('8d', now), now, kind: 's3' })).toThrow(
      expect.objectContaining({ code: 'EXPIRY_TOO_LONG', message: expect.stringMatching(/7 days/) }),
    );
  });
});
