import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, test } from 'vitest';
import { startHub } from '../server/app.js';
import { insertUser } from '../server/auth/auth.service.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/core/embedded-postgres.js';
import { Role } from '../server/core/enums.js';
import { migrate } from '../server/core/orm.js';
import { initOrm } from '../server/modules.js';
import { toGlobalId } from '../server/core/global-id.js';
import { graphqlRequest, testConfig } from './support/hub.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

test('a PostgreSQL restart during a stream of writes: requests fail only while it is down, no acknowledged write is lost', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-fault-'));
  cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
  let db: EmbeddedDatabase = await startEmbeddedPostgres(dir);
  cleanup.push(() => db.stop());
  const port = Number(new URL(db.url).port);

  // A small city of its own: one area, one group, one plan.
  const setup = await initOrm(db.url);
  await migrate(setup);
  const em = setup.em.fork();
  const [area] = (await em.execute("insert into area (code, name, kind) values ('x', 'X', 'ESTATE') returning id")) as { id: number }[];
  const [group] = (await em.execute("insert into target_group (code, name) values ('g', 'G') returning id")) as { id: number }[];
  const [plan] = (await em.execute(
    "insert into plan (code, name, status, start_date, end_date, created_at, updated_at) values ('P', 'P', 'ACTIVE', '2026-01-01', '2027-12-31', now(), now()) returning id",
  )) as { id: number }[];
  const { token } = await insertUser(em, { name: 'Coordinator', role: Role.COORDINATOR });
  await setup.close();

  const hub = await startHub(testConfig({ databaseUrl: db.url, database: { poolMax: 5, connectTimeoutMs: 1000, statementTimeoutMs: 5000 } }), {
    log: () => undefined,
  });
  cleanup.push(() => hub.stop());
  const base = hub.url.replace('/graphql', '');
  const acknowledged: string[] = [];
  let failures = 0;
  const write = async (n: number) => {
    const result = await graphqlRequest<any>(
      hub.url,
      token,
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { code } } }',
      {
        input: {
          planId: toGlobalId('Plan', plan!.id),
          title: `Skrivning ${n}`,
          targetGroupIds: [toGlobalId('TargetGroup', group!.id)],
          areaIds: [toGlobalId('Area', area!.id)],
          startDate: '2026-06-01',
          idempotencyKey: `w${n}`,
        },
      },
    ).catch(() => undefined);
    const id = result?.data?.createActivity?.activity?.id;
    if (result?.status === 200 && id) acknowledged.push(id);
    else failures++;
  };

  let n = 0;
  for (; n < 10; n++) await write(n);
  expect(acknowledged).toHaveLength(10);

  await db.stop();
  for (let down = 0; down < 5; down++, n++) await write(n);
  expect((await fetch(`${base}/readyz`)).status).toBe(503);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);

  db = await startEmbeddedPostgres(dir, () => undefined, { port });
  // The hub reconnects by itself: writes succeed again within a few attempts.
  const deadline = Date.now() + 20_000;
  let recovered = false;
  while (!recovered && Date.now() < deadline) {
    const before = acknowledged.length;
    await write(n++);
    recovered = acknowledged.length > before;
    if (!recovered) await new Promise((r) => setTimeout(r, 250));
  }
  expect(recovered).toBe(true);
  for (let more = 0; more < 10; more++) await write(n++);
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  expect(failures).toBeGreaterThanOrEqual(5);

  const check = await initOrm(db.url);
  const rows = (await check.em.fork().execute('select id from activity')) as { id: number }[];
  await check.close();
  const stored = new Set(rows.map((r) => toGlobalId('Activity', r.id)));
  for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
  expect(acknowledged.length).toBeGreaterThanOrEqual(21);
}, 90_000);

test('request queries run with a statement timeout', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-timeout-'));
  cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
  const db = await startEmbeddedPostgres(dir);
  cleanup.push(() => db.stop());
  const hub = await startHub(testConfig({ databaseUrl: db.url, database: { poolMax: 2, connectTimeoutMs: 1000, statementTimeoutMs: 1234 } }), {
    log: () => undefined,
  });
  cleanup.push(() => hub.stop());
  expect(await hub.orm.em.fork().execute('show statement_timeout')).toEqual([{ statement_timeout: '1234ms' }]);
  await expect(hub.orm.em.fork().execute('select pg_sleep(2)')).rejects.toThrow(/statement timeout/);
});

test('a busy pool is not a dead database: 503 BUSY with Retry-After, the hub stays ready, and a statement timeout is busy too, never an internal error', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-busy-'));
  cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
  const db = await startEmbeddedPostgres(dir);
  cleanup.push(() => db.stop());
  const logs: string[] = [];
  const hub = await startHub(testConfig({ databaseUrl: db.url, database: { poolMax: 2, connectTimeoutMs: 300, statementTimeoutMs: 500 } }), {
    log: (line) => logs.push(line),
  });
  cleanup.push(() => hub.stop());
  const { token } = await insertUser(hub.orm.em.fork(), { name: 'Coordinator', role: Role.COORDINATOR });
  const base = hub.url.replace('/graphql', '');
  const ask = (query: string) =>
    fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  expect((await ask('{ themes { code } }')).status).toBe(200);

  // Every pooled connection taken (as by long writes waiting for a lock): the next request finds none in time.
  const pool = await (hub.orm.em.getConnection() as unknown as { getNativeClient(): Promise<{ connect(): Promise<{ release(): void }> }> }).getNativeClient();
  const held = [await pool.connect(), await pool.connect()];
  try {
    for (let i = 0; i < 5; i++) {
      const busy = await ask('{ areas { code } }');
      expect(busy.status).toBe(503);
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await busy.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BUSY');
    }
    // PostgreSQL answers: ready, healthy, and never said to be unavailable.
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  } finally {
    for (const client of held) client.release();
  }
  expect((await ask('{ areas { code } }')).status).toBe(200);
  expect(logs.filter((line) => /database unavailable/.test(line))).toEqual([]);

  // A statement cut off by its timeout (here it waits for a lock another session holds): busy, never "Internal server error".
  const locker = new pg.Client({ connectionString: db.url });
  await locker.connect();
  try {
    await locker.query('begin');
    await locker.query('lock table theme in access exclusive mode');
    const cut = await ask('{ themes { code } }');
    expect(cut.status).toBe(503);
    expect(((await cut.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BUSY');
  } finally {
    await locker.query('rollback');
    await locker.end();
  }
  expect((await ask('{ themes { code } }')).status).toBe(200);
  expect(logs.filter((line) => /database unavailable/.test(line))).toEqual([]);
}, 60_000);
