import { ConnectionException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, test } from 'vitest';
import { DatabaseHealth, isUnreachable } from '../server/core/db-health.js';

describe('database health', () => {
  test('connection failures count as an unreachable database; query faults do not', () => {
    expect(isUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isUnreachable(new Error('wrapped', { cause: { code: '57P01', message: 'terminating connection due to administrator command' } }))).toBe(true);
    expect(isUnreachable(new ConnectionException(new Error('x')))).toBe(true);
    expect(isUnreachable(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }))).toBe(false);
    expect(isUnreachable(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe(false);
  });

  test('down after an unreachable error, said once; unhealthy only when the supervisor gave up', () => {
    const logs: string[] = [];
    let state: 'running' | 'restarting' | 'failed' = 'restarting';
    const failingOrm = { em: { fork: () => ({ execute: () => Promise.reject(new Error('still down')) }) } } as unknown as MikroORM;
    const health = new DatabaseHealth(failingOrm, (line) => logs.push(line), { state: () => state });
    expect(health.available).toBe(true);
    expect(health.failed(new Error('syntax error'))).toBe(false);
    expect(health.failed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    for (let i = 0; i < 50; i++) health.failed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(health.available).toBe(false);
    expect(logs).toHaveLength(1);
    expect(health.problem).toMatch(/^connect ECONNREFUSED \(since /);
    expect(health.recoverable).toBe(true);
    state = 'failed';
    expect(health.recoverable).toBe(false);
    health.close();
  });
});
