import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startHub } from '../server/app.js';
import { insertUser } from '../server/auth/auth.service.js';
import { startEmbeddedPostgres } from '../server/core/embedded-postgres.js';
import { Role } from '../server/core/enums.js';
import { toGlobalId } from '../server/core/global-id.js';
import { graphqlRequest, testConfig } from './support/hub.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

/** A hub on an embedded PostgreSQL of its own, with a small city: one estate, one target group, `plans` plans, a coordinator. */
async function hubWithSmallCity(prefix: string, poolMax: number, plans = 1) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const logs: string[] = [];
  const hub = await startHub(testConfig({ dataDir, seed: 'none', database: { poolMax, connectTimeoutMs: 1000, statementTimeoutMs: 5000 } }), {
    log: (line) => logs.push(line),
  });
  cleanup.push(() => hub.stop());
  const em = hub.orm.em.fork();
  const [area] = (await em.execute("insert into area (code, name, kind) values ('x', 'X', 'ESTATE') returning id")) as { id: number }[];
  const [group] = (await em.execute("insert into target_group (code, name) values ('g', 'G') returning id")) as { id: number }[];
  const planIds = (await em.execute(
    "insert into plan (code, name, status, start_date, end_date, created_at, updated_at) select 'P' || n, 'P' || n, 'ACTIVE', '2026-01-01', '2027-12-31', now(), now() from generate_series(1, ?::int) n returning id",
    [plans],
  )) as { id: number }[];
  const { token } = await insertUser(em, { name: 'Coordinator', role: Role.COORDINATOR });
  return { dataDir, logs, hub, base: hub.url.replace('/graphql', ''), area: area!, group: group!, plans: planIds, token };
}

test('the embedded PostgreSQL killed hard during a stream of writes: the hub restarts it, recovers by itself, loses no acknowledged write', async () => {
  // A small city of its own: one area, one group, one plan.
  const { dataDir, logs, hub, base, area, group, plans, token } = await hubWithSmallCity('hub-supervise-', 5);
  const plan = plans[0];

  const acknowledged: string[] = [];
  const statuses: number[] = [];
  let n = 0;
  const write = async () => {
    const i = n++;
    const result = await graphqlRequest<any>(
      hub.url,
      token,
      'mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { code } } }',
      {
        input: {
          planId: toGlobalId('Plan', plan!.id),
          title: `Skrivning ${i}`,
          targetGroupIds: [toGlobalId('TargetGroup', group!.id)],
          areaIds: [toGlobalId('Area', area!.id)],
          startDate: '2026-06-01',
          idempotencyKey: `w${i}`,
        },
      },
    );
    statuses.push(result.status);
    const id = result.data?.createActivity?.activity?.id;
    if (result.status === 200 && id) acknowledged.push(id);
    return result;
  };

  for (let i = 0; i < 10; i++) await write();
  expect(acknowledged).toHaveLength(10);

  const killed = await postmasterPid(dataDir);
  const logsBefore = logs.length;
  process.kill(killed, 'SIGKILL');
  // Writes go on while it is down: each is answered (an error or a success), none hangs.
  const sawDown = { ready: false, failure: false };
  const deadline = Date.now() + 60_000;
  let recovered = false;
  while (!recovered && Date.now() < deadline) {
    const before = acknowledged.length;
    const result = await write();
    if (acknowledged.length === before) {
      sawDown.failure = true;
      expect(JSON.stringify(result.errors)).not.toMatch(/\n\s+at /);
      if ((await fetch(`${base}/readyz`)).status === 503) sawDown.ready = true;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
    } else recovered = acknowledged.length - 10 > 0 && sawDown.failure;
  }
  expect(sawDown.failure).toBe(true);
  expect(sawDown.ready).toBe(true);
  expect(recovered).toBe(true);
  expect(await postmasterPid(dataDir)).not.toBe(killed);
  for (let i = 0; i < 10; i++) await write();
  expect((await fetch(`${base}/readyz`)).status).toBe(200);

  // The outage is said a few times, never as a stack trace per request.
  const outage = logs.slice(logsBefore);
  expect(outage.some((line) => /embedded PostgreSQL \(process \d+\) exited \(SIGKILL\); restarting it/.test(line))).toBe(true);
  expect(outage.some((line) => /embedded PostgreSQL restarted/.test(line))).toBe(true);
  expect(outage.filter((line) => /database (still )?unavailable/.test(line)).length).toBeLessThanOrEqual(5);
  expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);

  const rows = (await hub.orm.em.fork().execute('select id from activity')) as { id: number }[];
  const stored = new Set(rows.map((r) => toGlobalId('Activity', r.id)));
  for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
}, 90_000);

test('a PostgreSQL that cannot be started again turns the supervisor to failed, and back once it can', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-supervise-'));
  cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const logs: string[] = [];
  const db = await startEmbeddedPostgres(dataDir, (line) => logs.push(line), { restart: { firstDelayMs: 50, maxDelayMs: 200, failuresBeforeFailed: 3 } });
  cleanup.push(() => db.stop());
  const conf = path.join(dataDir, 'pg', 'postgresql.auto.conf');
  const original = await fs.readFile(conf, 'utf8');
  await fs.appendFile(conf, "\nshared_buffers = 'not a size'\n");
  const first = db.pid()!;
  process.kill(first, 'SIGKILL');
  const waitFor = async (state: string) => {
    const deadline = Date.now() + 30_000;
    while (db.state() !== state && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return db.state();
  };
  expect(await waitFor('failed')).toBe('failed');
  expect(logs.some((line) => /could not be restarted 3 times in a row; \/healthz reports unhealthy/.test(line))).toBe(true);
  await fs.writeFile(conf, original);
  expect(await waitFor('running')).toBe('running');
  expect(db.pid()).not.toBe(first);
}, 60_000);

test('a clean shutdown of PostgreSQL is restarted unless the hub said it is stopping (a Ctrl-C reaches both)', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-supervise-'));
  cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const logs: string[] = [];
  const db = await startEmbeddedPostgres(dataDir, (line) => logs.push(line), { restart: { firstDelayMs: 50, maxDelayMs: 200, failuresBeforeFailed: 3 } });
  cleanup.push(() => db.stop());
  const gone = (pid: number) => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  };
  const until = async (done: () => boolean) => {
    const deadline = Date.now() + 30_000;
    while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return done();
  };
  // Stopped by someone else (pg_ctl stop, a fast shutdown): the hub needs it, so it comes back.
  const first = db.pid()!;
  process.kill(first, 'SIGINT');
  expect(await until(() => db.state() === 'running' && db.pid() !== undefined && db.pid() !== first)).toBe(true);
  expect(logs.some((line) => /exited \(code 0\); restarting it/.test(line))).toBe(true);
  // The hub is stopping: the same exit is left alone, and said nowhere.
  const second = db.pid()!;
  const said = logs.length;
  db.stopping();
  process.kill(second, 'SIGINT');
  expect(await until(() => gone(second))).toBe(true);
  await new Promise((r) => setTimeout(r, 1500));
  expect(db.pid()).toBeUndefined();
  expect(logs.slice(said)).toEqual([]);
  await db.stop();
  await expect(fs.access(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toThrow();
}, 60_000);

test('five hard kills of PostgreSQL in a row under eight writers: each time ready again within 30 s, the pool back to normal, no acknowledged write lost', async () => {
  const poolMax = 6;
  const { dataDir, logs, hub, base, area, group, plans, token } = await hubWithSmallCity('hub-kills-', poolMax, 8);
  const pool = await (
    hub.orm.em.getConnection() as unknown as { getNativeClient(): Promise<{ totalCount: number; idleCount: number; waitingCount: number }> }
  ).getNativeClient();

  const acknowledged = new Set<string>();
  let n = 0;
  let writing = true;
  const writer = async (w: number) => {
    while (writing) {
      const i = n++;
      const result = await graphqlRequest<any>(
        hub.url,
        token,
        'mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { code } } }',
        {
          input: {
            planId: toGlobalId('Plan', plans[w]!.id),
            title: `Skrivning ${i}`,
            targetGroupIds: [toGlobalId('TargetGroup', group!.id)],
            areaIds: [toGlobalId('Area', area!.id)],
            startDate: '2026-06-01',
            idempotencyKey: `k${i}`,
          },
        },
      ).catch(() => null);
      const id = result?.status === 200 ? result.data?.createActivity?.activity?.id : undefined;
      if (id) acknowledged.add(id);
      else await new Promise((r) => setTimeout(r, 50));
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  const recoveries: number[] = [];
  try {
    for (let kill = 0; kill < 5; kill++) {
      await new Promise((r) => setTimeout(r, 1500));
      const before = acknowledged.size;
      const killed = await postmasterPid(dataDir);
      const at = Date.now();
      process.kill(killed, 'SIGKILL');
      let ready = false;
      while (!ready && Date.now() - at < 30_000) {
        await new Promise((r) => setTimeout(r, 250));
        ready = (await postmasterPid(dataDir).catch(() => killed)) !== killed && (await fetch(`${base}/readyz`)).status === 200;
      }
      recoveries.push(Date.now() - at);
      expect(
        ready,
        `kill ${kill + 1}: not ready within 30 s; pool ${JSON.stringify({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount })}\n${logs.slice(-8).join('\n')}`,
      ).toBe(true);
      // Writes are acknowledged again after the restart.
      const deadline = Date.now() + 20_000;
      while (acknowledged.size <= before + 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(acknowledged.size, `kill ${kill + 1}: writes did not resume`).toBeGreaterThan(before + 8);
    }
  } finally {
    writing = false;
    await Promise.all(writers);
  }
  console.log(`ready again after ${recoveries.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}; ${acknowledged.size} writes acknowledged`);
  // Nothing leaked: once the writers are done every connection is back in the pool, and none is waited for.
  await new Promise((r) => setTimeout(r, 500));
  expect(pool.totalCount).toBeLessThanOrEqual(poolMax);
  expect(pool.idleCount).toBe(pool.totalCount);
  expect(pool.waitingCount).toBe(0);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  const rows = (await hub.orm.em.fork().execute('select id from activity')) as { id: number }[];
  const stored = new Set(rows.map((r) => toGlobalId('Activity', r.id)));
  for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
}, 240_000);
