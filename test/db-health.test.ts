import { ConnectionException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, test } from 'vitest';
import { DatabaseHealth, isBusy, isUnreachable, UNHEALTHY_AFTER_MS } from '../server/core/db-health.js';

describe('database health', () => {
  test('connection failures count as an unreachable database; query faults do not', () => {
    expect(isUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isUnreachable(new Error('wrapped', { cause: { code: '57P01', message: 'terminating connection due to administrator command' } }))).toBe(true);
    expect(isUnreachable(new ConnectionException(new Error('x')))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }))).toBe(false);
    expect(isUnreachable(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe(false);
  });

  test('a busy pool and a statement timeout are busy, not a dead database', () => {
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    expect(isUnreachable(poolTimeout)).toBe(false);
    expect(isBusy(poolTimeout)).toBe(true);
    expect(isBusy(new Error('wrapped', { cause: Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }) }))).toBe(true);
    expect(isBusy(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
  });

  test('busy never marks the database down while PostgreSQL answers; a pool that gives nothing out for a minute is unhealthy', async () => {
    let now = 0;
    let answers: string | null = null;
    const health = new DatabaseHealth(
      {} as MikroORM,
      () => undefined,
      { state: () => 'running' },
      async () => answers,
      () => now,
    );
    const poolTimeout = new Error('timeout exceeded when trying to connect');
    for (let i = 0; i < 20; i++) expect(health.busy(poolTimeout)).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(health.available).toBe(true);
    expect(health.failed(poolTimeout)).toBe(false);
    now = UNHEALTHY_AFTER_MS - 1;
    expect(health.recoverable).toBe(true);
    // A request got a connection: the pool works again.
    health.acquired();
    now = 2 * UNHEALTHY_AFTER_MS;
    expect(health.recoverable).toBe(true);
    health.busy(poolTimeout);
    now += UNHEALTHY_AFTER_MS;
    expect(health.recoverable).toBe(false);
    expect(health.unhealthyBecause).toMatch(/^no pooled connection for 60 s/);
    health.acquired();
    expect(health.recoverable).toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    // A hung PostgreSQL also lets connection attempts time out: the probe on a connection of its own tells.
    answers = 'timeout expired';
    health.busy(poolTimeout);
    await new Promise((r) => setTimeout(r, 10));
    expect(health.available).toBe(false);
    health.close();
  });

  test('down after an unreachable error, said once; unhealthy only when the supervisor gave up', () => {
    const logs: string[] = [];
    let state: 'running' | 'restarting' | 'failed' = 'restarting';
    const failingOrm = { em: { fork: () => ({ execute: () => Promise.reject(new Error('still down')) }) } } as unknown as MikroORM;
    let now = 1_000_000;
    const health = new DatabaseHealth(
      failingOrm,
      (line) => logs.push(line),
      { state: () => state },
      undefined,
      () => now,
    );
    expect(health.available).toBe(true);
    expect(health.failed(new Error('syntax error'))).toBe(false);
    expect(health.failed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    for (let i = 0; i < 50; i++) health.failed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(health.available).toBe(false);
    expect(logs).toHaveLength(1);
    expect(health.problem).toMatch(/^connect ECONNREFUSED \(since /);
    expect(health.recoverable).toBe(true);
    // Unreachable for a minute: unhealthy, whether or not a supervisor could restart it.
    now += UNHEALTHY_AFTER_MS;
    expect(health.recoverable).toBe(false);
    expect(health.unhealthyBecause).toMatch(/^unreachable for 60 s/);
    now -= UNHEALTHY_AFTER_MS;
    state = 'failed';
    expect(health.recoverable).toBe(false);
    health.close();
  });
});
