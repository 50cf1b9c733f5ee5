// Token bucket per origin: a burst of `capacity` requests, then `refillPerSecond`. Protects the
// keychain and S3 from a runaway or hostile extension; a person right-clicking never meets it.

export interface RateLimitOptions {
  /** Requests allowed in a burst. Default 20. */
  capacity?: number;
  /** Sustained requests per second. Default 5. */
  refillPerSecond?: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly refillPerMs: number;

  constructor(options: RateLimitOptions = {}) {
    this.capacity = options.capacity ?? 20;
    this.refillPerMs = (options.refillPerSecond ?? 5) / 1000;
  }

  take(key: string, nowMs: number): RateDecision {
    if (this.buckets.size > 1000) this.forgetIdle(nowMs);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + Math.max(0, nowMs - bucket.at) * this.refillPerMs);
    bucket.at = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.refillPerMs) };
  }

  /** Drops buckets that have refilled completely (they carry no state worth keeping). */
  private forgetIdle(nowMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (nowMs - b.at) * this.refillPerMs >= this.capacity) this.buckets.delete(key);
    }
  }
}
