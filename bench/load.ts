// npm run bench:load [-- --clients 64 --seconds 60 --hubs 2]: the hub as its own process (--hubs N: N hub processes on
// one port, HUB_WORKERS=N) under a mix of reads and writes from
// every role; prints throughput, latency, failures and the hub's peak memory, then checks every acknowledged write.
// --mix console [--clients 32 --seconds 40]: the console's own operations (overview, overlap board and its groups,
// coverage, activity list and pages, plan pages, a lead typing and saving), clients waiting as Retry-After asks;
// answers counted by status and code.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import pg from 'pg';
import { Role } from '../server/core/enums.js';
import { startFlags } from '../test/support/process.js';
import { benchDatabase, machine, percentile, processTree } from './support.js';

const { values } = parseArgs({
  options: { clients: { type: 'string' }, seconds: { type: 'string' }, mix: { type: 'string', default: 'mixed' }, hubs: { type: 'string', default: '1' } },
});
const hubs = Number(values.hubs);
if (!Number.isInteger(hubs) || hubs < 1) throw new Error(`--hubs is a number of hub processes, got "${values.hubs}"`);
if (values.mix !== 'mixed' && values.mix !== 'console') throw new Error(`--mix is "mixed" or "console", got "${values.mix}"`);
const consoleMix = values.mix === 'console';
const clients = Number(values.clients ?? (consoleMix ? 32 : 64));
const seconds = Number(values.seconds ?? (consoleMix ? 40 : 60));

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
    HUB_WORKERS: String(hubs),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // The console mix runs the hub as npm start does (its default pool); the mixed load with a larger one.
    ...(consoleMix ? {} : { HUB_DB_POOL_MAX: '20' }),
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

// Every answer by HTTP status and error code ("200", "503 BUSY", ...); a 429 or 503 makes its client wait as Retry-After asks.
const outcomes = new Map<string, number>();
const waitBefore = new Map<string, number>();
async function gql(url: string, token: string, query: string, variables?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as any;
  const code = body?.errors?.[0]?.extensions?.code;
  const outcome = `${response.status}${code ? ` ${code}` : ''}`;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  const retryAfter = Number(response.headers.get('retry-after'));
  if (consoleMix && (response.status === 429 || response.status === 503) && retryAfter > 0) waitBefore.set(token, retryAfter * 1000);
  return { status: response.status, body };
}

/** The console's own operations, as it sends them. */
const consoleOperations = new Map(
  (parse(readFileSync('web/src/operations/console.graphql', 'utf8')).definitions as OperationDefinitionNode[]).map((d) => [d.name!.value, print(d)]),
);
const operation = (name: string) => consoleOperations.get(name) ?? failStart(`no operation ${name} in web/src/operations/console.graphql`);
function failStart(message: string): never {
  throw new Error(message);
}
const sample = async (sql: string) => (await client.query(sql)).rows.map((r) => r.v as string);
const planCodes = await sample("select code as v from plan where status = 'ACTIVE'");
const activityIds = (await sample('select id::text as v from activity where not archived')).map((id) => gid('Activity', Number(id)));
const board = await gql(url, db.tokens[Role.COORDINATOR], operation('OverlapBoard'), { by: 'AREA_AND_KIND' });
const groupKeys = (board.body?.data?.overlapGroups ?? []).map((g: { key: string }) => g.key) as string[];
outcomes.clear();
const any = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const today = new Date().toISOString().slice(0, 10);

let peakRss = 0;
const sampler = setInterval(() => {
  try {
    // With --hubs, the primary and every hub process together (PostgreSQL, on DATABASE_URL, is not below them).
    const kb = processTree(hub.pid!).reduce((sum, pid) => sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0), 0);
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
const CONSOLE_MIX: { weight: number; run: () => Promise<void> }[] = [
  { weight: 2, run: async () => check('overview', await gql(url, db.tokens[Role.COORDINATOR], operation('Overview'), { today })) },
  { weight: 2, run: async () => check('board', await gql(url, db.tokens[Role.COORDINATOR], operation('OverlapBoard'), { by: 'AREA_AND_KIND' })) },
  {
    weight: 2,
    run: async () => check('group', await gql(url, db.tokens[Role.COORDINATOR], operation('GroupPairs'), { by: 'AREA_AND_KIND', keys: [any(groupKeys)] })),
  },
  {
    weight: 1,
    run: async () => check('coverage', await gql(url, db.tokens[Role.COORDINATOR], operation('CoverageMap'), { filter: { areaKind: 'DISTRICT' } })),
  },
  {
    weight: 3,
    run: async () =>
      check('list', await gql(url, db.tokens[Role.READER], operation('ActivityList'), { filter: { text: any(['lektie', 'unge', 'mødre', '']) } })),
  },
  { weight: 3, run: async () => check('activity', await gql(url, db.tokens[Role.COORDINATOR], operation('ActivityPage'), { id: any(activityIds) })) },
  { weight: 2, run: async () => check('plan', await gql(url, db.tokens[Role.COORDINATOR], operation('PlanPage'), { code: any(planCodes) })) },
  {
    weight: 2,
    run: async () =>
      check(
        'typing',
        await gql(url, db.tokens[Role.PROJECT_LEAD], operation('SimilarToDraft'), {
          draft: { title: 'Lektiehjælp for mellemtrinnet', targetGroupIds: [ids.group], areaIds: [ids.estate], startDate: today },
          title: 'Lektiehjælp for mellemtrinnet',
        }),
      ),
  },
  ...MIX.slice(-2),
];
const mix = consoleMix ? CONSOLE_MIX : MIX;
const total = mix.reduce((sum, m) => sum + m.weight, 0);
function check(what: string, result: { status: number; body: any }) {
  if (result.status !== 200 || result.body?.errors) fail(`${what}: HTTP ${result.status} ${result.body?.errors?.[0]?.message ?? ''}`.trim());
}
const pick = () => {
  let r = Math.random() * total;
  for (const m of mix) if ((r -= m.weight) < 0) return m;
  return mix[0]!;
};

const started = performance.now();
const end = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (Date.now() < end) {
      const wait = Math.max(0, ...waitBefore.values());
      if (wait) {
        // As the console does: a busy hub is asked again after the time it named.
        waitBefore.clear();
        await new Promise((r) => setTimeout(r, wait));
      }
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

console.log(
  `\nload (${consoleMix ? 'console mix' : 'mixed'}): ${clients} clients for ${seconds} s, ${hubs} hub process${hubs > 1 ? 'es' : ''}, on ${machine()}`,
);
console.log(`| requests | req/s | p50 (ms) | p99 (ms) | failed | acknowledged writes | lost | hub peak RSS (MB) |`);
console.log(`|---|---|---|---|---|---|---|---|`);
console.log(
  `| ${latencies.length} | ${(latencies.length / elapsed).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${failures} | ${created.size} | ${lost} | ${peakRss.toFixed(0)} |`,
);
console.log(`\n| answers by status and code | count |\n|---|---|`);
for (const [outcome, count] of [...outcomes].sort()) console.log(`| ${outcome} | ${count} |`);
const serverErrors = [...outcomes].filter(([outcome]) => outcome.startsWith('5')).reduce((sum, [, count]) => sum + count, 0);
console.log(
  `5xx: ${serverErrors} (DATABASE_UNAVAILABLE ${outcomes.get('503 DATABASE_UNAVAILABLE') ?? 0}, internal ${(outcomes.get('500 INTERNAL_SERVER_ERROR') ?? 0) + (outcomes.get('500') ?? 0)})`,
);
if (failureKinds.size) console.log('failures:', Object.fromEntries(failureKinds));
process.exit(failures || lost ? 1 : 0);
