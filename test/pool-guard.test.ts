import { EventEmitter } from 'node:events';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { guardPool } from '../server/core/orm.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase(inject('serverUrl'), { empty: true });
});
afterAll(() => database?.drop());

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 20));
};

test('a guarded pool discards a connection that ends while checked out, and never releases one twice', async () => {
  const pool = new pg.Pool({ connectionString: database.url, max: 1, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  guardPool(pool as never);
  const killer = new pg.Client({ connectionString: database.url });
  await killer.connect();
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  try {
    // Checked out when its server process is terminated (as in a PostgreSQL crash): back to the pool, discarded.
    const held = await pool.connect();
    const pid = (await held.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    held.on('error', () => undefined);
    await killer.query('select pg_terminate_backend($1)', [pid]);
    await until(() => pool.totalCount === 0);
    expect(pool.totalCount).toBe(0);
    // The holder's own release afterwards (a ROLLBACK that failed, then a release) does nothing more.
    expect(() => held.release()).not.toThrow();

    // pg-pool itself may release a client before its caller sees it (a new connection that came up after the caller
    // gave up waiting): that client ending later must not be released again (pg-pool would throw, uncaught).
    const fakePool = new EventEmitter();
    guardPool(fakePool as never);
    const client = Object.assign(new EventEmitter(), { release: () => undefined as void });
    let released = 0;
    const once = () => {
      if (released++) throw new Error('Release called on client which has already been released to the pool.');
    };
    fakePool.emit('acquire', client);
    client.release = once;
    once();
    await new Promise((r) => setTimeout(r, 0));
    expect(() => client.emit('end')).not.toThrow();
    expect(released).toBe(2);
    expect(uncaught).toEqual([]);
    // The pool still serves.
    expect((await pool.query('select 1 as one')).rows[0].one).toBe(1);
  } finally {
    process.off('uncaughtException', onUncaught);
    await killer.end();
    await pool.end();
  }
});
