// npm run bench:write [-- --writers 1,4,8 --seconds 10 --hubs 2]: activity creates per second with 1, 4 and 8 concurrent
// writers, each registering activities in another plan and part of the city, over HTTP as a coordinator, to the hub as
// its own process (--hubs N: N hub processes on one port, HUB_WORKERS=N).
import './quiet.js';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startFlags } from '../test/support/process.js';
import { Role } from '../server/core/enums.js';
import { toGlobalId } from '../server/core/global-id.js';
import { benchDatabase, gql, machine, percentile, startServer } from './support.js';

const { values } = parseArgs({
  options: { writers: { type: 'string', default: '1,4,8' }, seconds: { type: 'string', default: '10' }, hubs: { type: 'string', default: '1' } },
});
const hubs = Number(values.hubs);
if (!Number.isInteger(hubs) || hubs < 1) throw new Error(`--hubs is a number of hub processes, got "${values.hubs}"`);
const writerCounts = values.writers.split(',').map(Number);
const seconds = Number(values.seconds);

// Busy and total CPU time of the whole machine (hub, PostgreSQL and this client), to tell a CPU limit from lock waits.
const cpuTimes = () => {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const values = fields.map(Number);
  const idle = values[3]! + (values[4] ?? 0);
  const total = values.reduce((sum, v) => sum + v, 0);
  return { busy: total - idle, total };
};

const CREATE = 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { code message } } }';

const db = await benchDatabase(1, 'hub_bench_write');
const hub = await startServer(
  'hub',
  [...startFlags(), '--import', 'tsx', 'server/main.ts'],
  { DATABASE_URL: db.url, HUB_SEED: 'none', HUB_RATE_LIMIT: '0', HUB_WORKERS: String(hubs), LOG_LEVEL: 'warn' },
  '/readyz',
);
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const rows: string[] = [];
try {
  const em = { execute: async (sql: string) => (await client.query(sql)).rows };
  // One plan per writer, each with an estate that is not the same place as any other writer's (area_match).
  const candidates = (await em.execute(
    `select distinct on (p.id) p.id as plan_id, pa.area_id from plan p join plan_area pa on pa.plan_id = p.id join area a on a.id = pa.area_id
     where a.kind = 'ESTATE' order by p.id, pa.area_id`,
  )) as { plan_id: number; area_id: number }[];
  const matches = (await em.execute('select area_id, match_id from area_match')) as { area_id: number; match_id: number }[];
  const near = new Set(matches.map((m) => `${m.area_id}:${m.match_id}`));
  const spots: { plan_id: number; area_id: number }[] = [];
  for (const candidate of candidates) {
    if (spots.some((s) => s.area_id === candidate.area_id || near.has(`${s.area_id}:${candidate.area_id}`) || near.has(`${candidate.area_id}:${s.area_id}`)))
      continue;
    spots.push(candidate);
  }
  const [group] = (await em.execute('select id from target_group order by id limit 1')) as { id: number }[];
  const maxWriters = Math.max(...writerCounts);
  if (spots.length < maxWriters) throw new Error(`only ${spots.length} plans in separate parts of the city`);
  let n = 0;
  for (const writers of writerCounts) {
    const latencies: number[] = [];
    const acknowledged: string[] = [];
    let failed = 0;
    const end = Date.now() + seconds * 1000;
    const started = performance.now();
    const cpuBefore = cpuTimes();
    await Promise.all(
      spots.slice(0, writers).map(async (spot) => {
        while (Date.now() < end) {
          const t0 = performance.now();
          const result = await gql(hub.url, db.tokens[Role.COORDINATOR], CREATE, {
            input: {
              planId: toGlobalId('Plan', spot.plan_id),
              title: `Skriveprøve ${n++}`,
              targetGroupIds: [toGlobalId('TargetGroup', group!.id)],
              areaIds: [toGlobalId('Area', spot.area_id)],
              startDate: '2027-01-04',
              schedule: [{ weekday: 'MONDAY', startTime: '10:00', endTime: '11:00' }],
            },
          });
          latencies.push(performance.now() - t0);
          const id = result.body?.data?.createActivity?.activity?.id;
          if (result.status === 200 && id) acknowledged.push(id);
          else failed++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpuTimes();
    const busy = (100 * (cpuAfter.busy - cpuBefore.busy)) / (cpuAfter.total - cpuBefore.total);
    const stored = new Set(((await em.execute('select id from activity')) as { id: number }[]).map((r) => toGlobalId('Activity', r.id)));
    const lost = acknowledged.filter((id) => !stored.has(id)).length;
    rows.push(
      `| ${writers} | ${(acknowledged.length / elapsed).toFixed(1)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${busy.toFixed(0)} | ${failed} | ${acknowledged.length} | ${lost} |`,
    );
  }
} finally {
  await client.end();
  hub.child.kill('SIGTERM');
  await new Promise((resolve) => hub.child.once('exit', resolve));
  await db.stop();
}
console.log(
  `\nactivity creates: writers on different plans in separate parts of the city, ${seconds} s each, ${hubs} hub process${hubs > 1 ? 'es' : ''}, on ${machine()}`,
);
console.log('| writers | creates/s | p50 (ms) | p99 (ms) | CPU busy (%) | failed | acknowledged | lost |\n|---|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
