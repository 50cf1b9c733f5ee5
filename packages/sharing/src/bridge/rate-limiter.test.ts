import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the sustained rate, per key', () => {
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 2 });
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take('a', t).ok)).toEqual([true, true, true]);
    expect(limiter.take('a', t)).toEqual({ ok: false, retryAfterMs: 500 });
    expect(limiter.take('b', t).ok).toBe(true);
    expect(limiter.take('a', t + 499).ok).toBe(false);
    expect(limiter.take('a', t + 1000).ok).toBe(true);
    expect(limiter.take('a', t + 100_000).ok).toBe(true);
    // refilled to the capacity only
    expect([1, 2, 3].map(() => limiter.take('a', t + 100_000).ok)).toEqual([true, true, false]);
  });

  it('forgets idle buckets instead of growing without bound', () => {
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1 });
    for (let i = 0; i < 5000; i++) limiter.take(`o${i}`, i * 10_000);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(1001);
  });
});
