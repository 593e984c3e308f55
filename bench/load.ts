// npm run bench:load [-- --clients 64 --seconds 60]: the hub as its own process under a mix of reads and writes from
// every role; prints throughput, latency, failures and the hub's peak memory, then checks every acknowledged write.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Role } from '../server/core/enums.js';
import { startFlags } from '../test/support/process.js';
import { benchDatabase, gql, machine, percentile } from './support.js';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '64' }, seconds: { type: 'string', default: '60' } } });
const clients = Number(values.clients);
const seconds = Number(values.seconds);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const db = await benchDatabase(1, 'hub_bench_load');
const port = await freePort();
// The same Node flags as npm start (heap sizes, async context frames).
const hub = spawn(process.execPath, [...startFlags(), '--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    HUB_SEED: 'none',
    PORT: String(port),
    HOST: '127.0.0.1',
    HUB_RATE_LIMIT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    HUB_DB_POOL_MAX: '20',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const url = `http://127.0.0.1:${port}/graphql`;
for (let i = 0; i < 200; i++) {
  if ((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 200) break;
  await new Promise((r) => setTimeout(r, 100));
}

const client = new pg.Client({ connectionString: db.url });
await client.connect();
const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64url');
const one = async (sql: string) => (await client.query(sql)).rows[0].id as number;
const ids = {
  plan: gid('Plan', await one("select id from plan where code = 'VOL-OEST'")),
  estate: gid('Area', await one("select id from area where code = 'vollsmose-boegeparken'")),
  group: gid('TargetGroup', await one("select id from target_group where code = 'skoleboern'")),
  method: gid('Method', await one("select id from method where code = 'lektiecafe'")),
};

let peakRss = 0;
const sampler = setInterval(() => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${hub.pid}/status`, 'utf8'))?.[1] ?? 0);
    peakRss = Math.max(peakRss, kb / 1024);
  } catch {
    // The hub may be gone; the run reports it as failures.
  }
}, 250);

const created = new Map<string, number>(); // acknowledged activity id -> acknowledged version
let sequence = 0;
const latencies: number[] = [];
let failures = 0;
const failureKinds = new Map<string, number>();
const fail = (what: string) => {
  failures++;
  failureKinds.set(what, (failureKinds.get(what) ?? 0) + 1);
};

const MIX: { weight: number; run: () => Promise<void> }[] = [
  {
    weight: 3,
    run: async () =>
      check(
        'overlaps',
        await gql(
          url,
          db.tokens[Role.COORDINATOR],
          '{ overlaps(first: 20) { totalCount nodes { score reasons { detail } activities { title plan { code } } } } }',
        ),
      ),
  },
  {
    weight: 3,
    run: async () =>
      check(
        'activities',
        await gql(url, db.tokens[Role.READER], '{ activities(first: 50) { totalCount nodes { title areas { name } targetGroups { name } method { name } } } }'),
      ),
  },
  {
    weight: 2,
    run: async () =>
      check(
        'nested',
        await gql(
          url,
          db.tokens[Role.READER],
          '{ plans(first: 10) { nodes { name lead { name } activities(first: 10) { nodes { title themes { name } } } } } }',
        ),
      ),
  },
  {
    weight: 1,
    run: async () =>
      check(
        'similar',
        await gql(url, db.tokens[Role.PROJECT_LEAD], 'query($d: ActivityDraftInput!) { similarActivities(draft: $d, first: 5) { score } }', {
          d: { title: 'Lektiehjælp', targetGroupIds: [ids.group], areaIds: [ids.estate], startDate: '2026-12-01' },
        }),
      ),
  },
  {
    weight: 1,
    run: async () => {
      const key = `load-${process.pid}-${sequence++}`;
      const result = await gql(
        url,
        db.tokens[Role.PROJECT_LEAD],
        'mutation($i: CreateActivityInput!) { createActivity(input: $i) { activity { id version } userErrors { code } } }',
        {
          i: {
            planId: ids.plan,
            title: `Belastning ${key}`,
            methodId: ids.method,
            targetGroupIds: [ids.group],
            areaIds: [ids.estate],
            startDate: '2026-12-01',
            idempotencyKey: key,
          },
        },
      );
      check('create', result);
      const activity = result.body?.data?.createActivity?.activity;
      if (activity) created.set(activity.id, activity.version);
    },
  },
  {
    weight: 1,
    run: async () => {
      const entries = [...created.entries()];
      if (!entries.length) return;
      const [id, version] = entries[Math.floor(Math.random() * entries.length)]!;
      const result = await gql(
        url,
        db.tokens[Role.COORDINATOR],
        'mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { activity { version } userErrors { code } } }',
        { i: { id, expectedVersion: version, capacity: 10 + Math.floor(Math.random() * 30) } },
      );
      check('update', result);
      const after = result.body?.data?.updateActivity?.activity?.version;
      if (after) created.set(id, Math.max(after, created.get(id) ?? 0));
    },
  },
];
const total = MIX.reduce((sum, m) => sum + m.weight, 0);
function check(what: string, result: { status: number; body: any }) {
  if (result.status !== 200 || result.body?.errors) fail(`${what}: HTTP ${result.status} ${result.body?.errors?.[0]?.message ?? ''}`.trim());
}
const pick = () => {
  let r = Math.random() * total;
  for (const m of MIX) if ((r -= m.weight) < 0) return m;
  return MIX[0]!;
};

const started = performance.now();
const end = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      try {
        await pick().run();
      } catch (error) {
        fail(`network: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - t0);
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
clearInterval(sampler);

// Every acknowledged write must be there, at least at the version acknowledged.
const stored = new Map<string, number>((await client.query('select id, version from activity')).rows.map((r) => [gid('Activity', r.id), r.version]));
const lost = [...created].filter(([id, version]) => (stored.get(id) ?? -1) < version).length;
await client.end();
hub.kill('SIGTERM');
await new Promise((r) => hub.once('exit', r));
await db.stop();

console.log(`\nload: ${clients} clients for ${seconds} s on ${machine()}`);
console.log(`| requests | req/s | p50 (ms) | p99 (ms) | failed | acknowledged writes | lost | hub peak RSS (MB) |`);
console.log(`|---|---|---|---|---|---|---|---|`);
console.log(
  `| ${latencies.length} | ${(latencies.length / elapsed).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${failures} | ${created.size} | ${lost} | ${peakRss.toFixed(0)} |`,
);
if (failureKinds.size) console.log('failures:', Object.fromEntries(failureKinds));
process.exit(failures || lost ? 1 : 0);
