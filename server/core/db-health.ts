import { ConnectionException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';

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
const UNREACHABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i;

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

  constructor(
    private readonly orm: MikroORM,
    private readonly log: (line: string) => void,
    private readonly supervisor?: { state(): 'running' | 'restarting' | 'failed' },
  ) {}

  get available(): boolean {
    return this.downSince === null;
  }

  /** False once the hub has given up bringing its embedded database back: time for an orchestrator to restart it. */
  get recoverable(): boolean {
    return this.supervisor?.state() !== 'failed';
  }

  /** Why and since when the database is down, for health checks. */
  get problem(): string | null {
    return this.downSince === null ? null : `${this.reason} (since ${new Date(this.downSince).toISOString()})`;
  }

  /** Records an error of a request: answers whether it meant the database is unreachable (then it is marked down). */
  failed(error: unknown): boolean {
    if (!isUnreachable(error)) return false;
    this.markDown(error instanceof Error ? error.message : String(error));
    return true;
  }

  markDown(reason: string): void {
    const now = Date.now();
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
        await this.orm.em.fork().execute('select 1');
        const seconds = Math.round((Date.now() - (this.downSince ?? Date.now())) / 100) / 10;
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
