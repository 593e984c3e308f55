import pg from 'pg';

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

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface SharedLimiterOptions {
  databaseUrl: string;
  perMinute: number;
  /** Whether the database is thought reachable; while not, the process counts alone instead of waiting for a connection. */
  available: () => boolean;
  log: (line: string) => void;
}

/**
 * The same buckets for every hub on the database (hub_rate_bucket, migration shared_rate_limit): the takes of one
 * turn of the event loop go as one statement on a small pool of their own, so a busy request pool never delays
 * them. When PostgreSQL cannot answer, the process counts alone (as one hub did before) and says so once.
 */
export class SharedRateLimiter {
  private readonly pool: pg.Pool;
  private readonly local: RateLimiter;
  private pending = new Map<string, ((taken: Taken) => void)[]>();
  private scheduled = false;
  private alone = false;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: SharedLimiterOptions) {
    this.pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 2,
      connectionTimeoutMillis: 1_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 1_000,
      application_name: 'hub rate limit',
    });
    // A connection lost while idle must not stop the process; the next take opens another.
    this.pool.on('error', () => undefined);
    this.local = new RateLimiter(options.perMinute);
    this.sweeper = setInterval(() => void this.sweep(), 60_000).unref();
  }

  take(key: string): Promise<Taken> {
    if (!this.options.available()) return Promise.resolve(this.local.take(key));
    return new Promise((resolve) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push(resolve);
      else this.pending.set(key, [resolve]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = new Map();
    const keys = [...batch.keys()].sort();
    try {
      const { rows } = await this.pool.query<{ key: string; granted: number; tokens: number }>({
        name: 'hub_take',
        text: 'select key, granted, tokens from hub_take($1::text[], $2::integer[], $3::double precision)',
        values: [keys, keys.map((key) => batch.get(key)!.length), this.options.perMinute],
      });
      if (this.alone) this.options.log('rate limit: counted in PostgreSQL again, shared by every hub');
      this.alone = false;
      for (const row of rows) {
        const retryAfterSeconds = Math.max(1, Math.ceil(((1 - row.tokens) / this.options.perMinute) * 60));
        batch.get(row.key)!.forEach((resolve, i) => resolve(i < row.granted ? { ok: true } : { ok: false, retryAfterSeconds }));
        batch.delete(row.key);
      }
      if (batch.size) throw new Error(`no bucket came back for ${batch.size} keys`);
    } catch (error) {
      if (!this.alone) this.options.log(`rate limit: counted by this hub alone for now (${(error as Error).message})`);
      this.alone = true;
      for (const [key, waiting] of batch) for (const resolve of waiting) resolve(this.local.take(key));
    }
  }

  /** Full buckets carry no information: removed now and then by whichever hub comes first. */
  async sweep(): Promise<void> {
    await this.pool
      .query('delete from hub_rate_bucket where tokens + extract(epoch from statement_timestamp() - at) * $1::double precision / 60 >= $1::double precision', [
        this.options.perMinute,
      ])
      .catch(() => undefined);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.local.close();
    await this.pool.end().catch(() => undefined);
  }
}
