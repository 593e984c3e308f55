import { ConnectionException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';

/** PostgreSQL and socket codes that mean the server cannot be reached or is shutting down (not a fault of one query). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNREACHABLE_MESSAGE = /Connection terminated|Client has encountered a connection error|connect ECONNREFUSED/i;

/**
 * pg-pool's words when no connection came free in time: the pool is busy (every connection serving a request), which
 * says nothing about PostgreSQL itself. The statement timeout under load says the same.
 */
const BUSY_MESSAGE = /timeout exceeded when trying to connect/i;
const STATEMENT_TIMEOUT = '57014';

/** Whether an error, or one it was caused by, meets the test (code and message as PostgreSQL, pg and MikroORM give them). */
function anyCause(error: unknown, test: (code: unknown, message: string) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, cause, originalError } = error as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
  if (test(code, typeof message === 'string' ? message : '')) return true;
  return anyCause(cause, test, depth + 1) || anyCause(originalError, test, depth + 1);
}

/** No pooled connection came free in time. */
export const isPoolTimeout = (error: unknown): boolean => anyCause(error, (_, message) => BUSY_MESSAGE.test(message));

/** The hub is busy: no pooled connection in time, or a statement cancelled by its timeout. */
export const isBusy = (error: unknown): boolean =>
  anyCause(error, (code, message) => code === STATEMENT_TIMEOUT || BUSY_MESSAGE.test(message) || /canceling statement due to statement timeout/.test(message));

/** Whether an error (or one it was caused by) says the database cannot be reached. */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof ConnectionException) return true;
  const { code, message, cause, originalError } = error as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message)) return true;
  return isUnreachable(cause, depth + 1) || isUnreachable(originalError, depth + 1);
}

/** How often, at most, the hub writes that the database is still down. */
const REMIND_MS = 5000;
const PROBE_MS = 1000;
/** How long without a working connection before /healthz asks to be restarted. */
export const UNHEALTHY_AFTER_MS = 60_000;

/** Asks PostgreSQL itself, on a connection of its own outside the pool: null when it answers, else why not. */
export type DirectProbe = () => Promise<string | null>;

/**
 * What the hub knows about its database: while it cannot be reached, requests are answered 503 at once
 * (no pool time-outs, no stack traces), a probe asks every second whether it is back, and the log says
 * so once every few seconds. `recoverable` turns false when the embedded PostgreSQL could not be restarted.
 */
export class DatabaseHealth {
  private downSince: number | null = null;
  private reason = '';
  private lastReminder = 0;
  private probe: NodeJS.Timeout | undefined;
  private closed = false;
  /** Since when requests found no pooled connection in time, and no request got one since; null while they do. */
  private starvedSince: number | null = null;
  private checkingBusy = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: (line: string) => void,
    private readonly supervisor?: { state(): 'running' | 'restarting' | 'failed' },
    private readonly direct?: DirectProbe,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether PostgreSQL answers (on a connection of its own when there is a direct probe): null when it does, else why not. */
  ask(): Promise<string | null> {
    if (this.direct) return this.direct();
    return this.orm.em
      .fork()
      .execute('select 1')
      .then(
        () => null,
        (error: Error) => error.message,
      );
  }

  /** A request got a pooled connection: the pool is working. */
  acquired(): void {
    this.starvedSince = null;
  }

  get available(): boolean {
    return this.downSince === null;
  }

  /**
   * False once the hub has given up bringing its embedded database back, or has had no working connection for
   * UNHEALTHY_AFTER_MS (PostgreSQL unreachable, or the pool giving none out): time for an orchestrator to restart it.
   */
  get recoverable(): boolean {
    if (this.supervisor?.state() === 'failed') return false;
    const since = Math.min(this.downSince ?? Infinity, this.starvedSince ?? Infinity);
    return this.now() - since < UNHEALTHY_AFTER_MS;
  }

  /** Why /healthz says unhealthy. */
  get unhealthyBecause(): string {
    if (this.supervisor?.state() === 'failed') return `could not be restarted: ${this.problem ?? 'unknown'}`;
    if (this.downSince !== null) return `unreachable for ${Math.round((this.now() - this.downSince) / 1000)} s: ${this.reason}`;
    return `no pooled connection for ${Math.round((this.now() - (this.starvedSince ?? this.now())) / 1000)} s`;
  }

  /**
   * Records that a request found the hub busy (no pooled connection in time, or a statement timed out): answered
   * 503 BUSY, never counted as a dead database. If PostgreSQL itself does not answer a connection of its own either,
   * it is marked down after all (a hung server also lets connection attempts time out).
   */
  busy(error: unknown): boolean {
    if (!isBusy(error)) return false;
    if (isPoolTimeout(error)) this.starvedSince ??= this.now();
    if (this.direct && !this.checkingBusy && this.downSince === null) {
      this.checkingBusy = true;
      void this.direct()
        .then((problem) => {
          if (problem !== null) this.markDown(problem);
        })
        .finally(() => {
          this.checkingBusy = false;
        });
    }
    return true;
  }

  /** Why and since when the database is down, for health checks. */
  get problem(): string | null {
    return this.downSince === null ? null : `${this.reason} (since ${new Date(this.downSince).toISOString()})`;
  }

  /** Records an error of a request: answers whether it meant the database is unreachable (then it is marked down). */
  failed(error: unknown): boolean {
    if (isBusy(error) || !isUnreachable(error)) return false;
    this.markDown(error instanceof Error ? error.message : String(error));
    return true;
  }

  markDown(reason: string): void {
    const now = this.now();
    if (this.downSince === null) {
      this.downSince = now;
      this.reason = reason;
      this.lastReminder = now;
      this.log(`database unavailable: ${reason}; requests are answered 503 until it is back`);
      this.scheduleProbe();
    } else if (now - this.lastReminder >= REMIND_MS) {
      this.lastReminder = now;
      this.log(`database still unavailable after ${Math.round((now - this.downSince) / 1000)} s: ${this.reason}`);
    }
  }

  private scheduleProbe(): void {
    if (this.closed || this.probe) return;
    this.probe = setTimeout(async () => {
      this.probe = undefined;
      try {
        // PostgreSQL itself is asked on a connection of its own: a pool with nothing free must not hide that it is back.
        const problem = await this.ask();
        if (problem !== null) throw new Error(problem);
        const seconds = Math.round((this.now() - (this.downSince ?? this.now())) / 100) / 10;
        this.downSince = null;
        this.log(`database available again after ${seconds} s`);
      } catch (error) {
        this.markDown(error instanceof Error ? error.message : String(error));
        this.scheduleProbe();
      }
    }, PROBE_MS);
    this.probe.unref();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.probe);
  }
}

/** A probe on a connection of its own, outside the pool, answering within `timeoutMs`. */
export function directProbe(url: string, timeoutMs = 2000): DirectProbe {
  return async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}
