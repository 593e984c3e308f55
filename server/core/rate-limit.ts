/** Requests per key (a token, or an address for anonymous calls) as a token bucket refilled continuously. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly perMinute: number) {
    // Full buckets carry no information; dropping them keeps memory bounded by the active callers.
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  /** Takes one request; answers how many seconds to wait when none is left. */
  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const bucket = this.refill(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return this.refusal(bucket);
  }

  /** Whether a request would pass, without taking one: to refuse before work that only a failure pays for. */
  check(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const bucket = this.refill(key, now);
    return bucket.tokens >= 1 ? { ok: true } : this.refusal(bucket);
  }

  private refill(key: string, now: number): { tokens: number; at: number } {
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  private refusal(bucket: { tokens: number }): { ok: false; retryAfterSeconds: number } {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) / this.perMinute) * 60)) };
  }

  private sweep(now = Date.now()): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(key);
    }
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
