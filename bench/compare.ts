// npm run bench:compare [-- --scales 1,10 --seconds 8 --rounds 2 --connections 8 --only q1,q3]: the hub against
// PostGraphile 5 (Amber preset, grafserv on node:http) on one PostgreSQL with the same data, the same questions
// asked of both (their answers checked to hold the same leaf values), in alternating rounds of autocannon.
// Prints per query and server: req/s, p50, p99, CPU ms per request of the server and of PostgreSQL, and the ratio.
import './quiet.js';
import { startFlags } from '../test/support/process.js';
import autocannon from 'autocannon';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Role } from '../server/core/enums.js';
import { QUERIES } from './queries.js';
import { benchDatabase, cpuMs, machine, postgresCpu, postgresCpuSince, startServer } from './support.js';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '8' },
    only: { type: 'string', default: '' },
  },
});
const scales = values.scales.split(',').map(Number);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);

const chosen = Object.entries(QUERIES).filter(([key]) => !values.only || values.only.split(',').includes(key));

// What PostGraphile needs to answer the same questions, the way a PostGraphile project would write it: SQL functions.
const POSTGRAPHILE_SQL = `
create or replace function indicator_progress(i indicator) returns float8 language sql stable as $$
  with m as (select value, row_number() over (order by period_end, id) as n, count(*) over () as total from measurement where indicator_id = i.id),
       s as (select coalesce(i.baseline, (select value from m where n = 1)) as start, (select value from m where n = total) as last)
  select case when s.last is null or i.target - s.start = 0 then null
              when (i.direction = 'INCREASE') = (i.target - s.start > 0) then least(1, greatest(0, (s.last - s.start) / (i.target - s.start)))
         end from s
$$;
-- Amber offers conditions and orders only on indexed columns; these two are what the hub filters and sorts by.
comment on column activity.archived is '@behavior +filterBy';
comment on column method.name is '@behavior +orderBy';
create or replace function board_pairs() returns setof activity_overlap language sql stable as $$
  select o.* from activity_overlap o
  where o.score >= 0.5 and (o.common_end is null or o.common_end >= current_date)
    and not exists (select 1 from overlap_review r where r.activity_a_id = o.activity_a_id and r.activity_b_id = o.activity_b_id and r.superseded_at is null)
  order by o.score desc, o.activity_a_id desc, o.activity_b_id desc
$$;`;

async function ask(url: string, query: string, token?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`${url}: ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/** The leaf values of an answer, sorted: the same data whatever the shape and naming of the two schemas. */
function leaves(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) leaves(item, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== '__typename') leaves(item, out);
  } else if (typeof value === 'number') {
    out.push(Number.isInteger(value) ? String(value) : value.toPrecision(12));
  } else if (value !== null) {
    out.push(typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}
// PostGraphile returns the schedule as JSON text of the column; the hub as slots with seconds in times.
const normaliseSchedule = (answer: unknown): unknown =>
  JSON.parse(JSON.stringify(answer), (key, value) => {
    if (key === 'schedule' && Array.isArray(value))
      return value.map((s: { weekday: string; startTime: string; endTime: string }) => ({
        ...s,
        startTime: s.startTime.slice(0, 5),
        endTime: s.endTime.slice(0, 5),
      }));
    if ((key === 'startTime' || key === 'endTime') && typeof value === 'string') return value.slice(0, 5);
    return value;
  });

interface Round {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  serverCpu: number;
  pgCpu: number;
}
async function round(url: string, query: string, pid: number, token?: string): Promise<Round> {
  const serverBefore = cpuMs(pid);
  const pgBefore = postgresCpu();
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    body: JSON.stringify({ query }),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const requests = result.requests.total;
  return {
    requests,
    rps: requests / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    serverCpu: (cpuMs(pid) - serverBefore) / Math.max(1, requests),
    pgCpu: postgresCpuSince(pgBefore) / Math.max(1, requests),
  };
}
const mean = (rs: Round[], key: keyof Round) => rs.reduce((n, r) => n + r[key], 0) / Math.max(1, rs.length);

const table: string[] = [];
for (const scale of scales) {
  const db = await benchDatabase(scale, `hub_bench_compare_x${scale}`);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(POSTGRAPHILE_SQL);
  await client.end();
  // The hub as npm start runs it (same Node flags), its limits on; rate limit off for a load generator.
  const hub = await startServer(
    'hub',
    [...startFlags(), '--import', 'tsx', 'server/main.ts'],
    { DATABASE_URL: db.url, HUB_SEED: 'none', HUB_RATE_LIMIT: '0', LOG_LEVEL: 'warn' },
    '/readyz',
  );
  const postgraphile = await startServer(
    'postgraphile',
    ['--import', 'tsx', 'bench/postgraphile-server.ts'],
    { DATABASE_URL: db.url, GRAPHILE_ENV: 'production' },
    '/graphql',
  );
  // A coordinator sees every plan, as PostGraphile (with no roles) does.
  const token = db.tokens[Role.COORDINATOR];
  try {
    for (const [key, q] of chosen) {
      const hubAnswer = await ask(hub.url, q.hub, token);
      let same = 'n/a';
      if (q.postgraphile) {
        const theirs = leaves(normaliseSchedule(await ask(postgraphile.url, q.postgraphile))).sort();
        const ours = leaves(normaliseSchedule(hubAnswer)).sort();
        same =
          JSON.stringify(theirs) === JSON.stringify(ours)
            ? `yes (${ours.length} values)`
            : `NO: ${ours.length} vs ${theirs.length} values, first difference ${ours.find((v, i) => v !== theirs[i])}`;
      }
      // Warm both (JIT, plans, caches) before measuring.
      await round(hub.url, q.hub, hub.child.pid!, token);
      if (q.postgraphile) await round(postgraphile.url, q.postgraphile, postgraphile.child.pid!);
      const ours: Round[] = [];
      const theirs: Round[] = [];
      for (let i = 0; i < rounds; i++) {
        ours.push(await round(hub.url, q.hub, hub.child.pid!, token));
        if (q.postgraphile) theirs.push(await round(postgraphile.url, q.postgraphile, postgraphile.child.pid!));
      }
      const row = (server: string, rs: Round[]) =>
        `| x${scale} | ${key} ${q.label} | ${server} | ${mean(rs, 'rps').toFixed(0)} | ${mean(rs, 'p50').toFixed(0)} | ${mean(rs, 'p99').toFixed(0)} | ${mean(rs, 'serverCpu').toFixed(2)} | ${mean(rs, 'pgCpu').toFixed(2)} | ${mean(rs, 'errors').toFixed(0)} |`;
      table.push(row('hub', ours));
      if (q.postgraphile) {
        table.push(row('PostGraphile', theirs));
        table.push(
          `| x${scale} | ${key} | **ratio hub / PostGraphile** | **${(mean(ours, 'rps') / mean(theirs, 'rps')).toFixed(2)}** | | | ${(mean(ours, 'serverCpu') / mean(theirs, 'serverCpu')).toFixed(2)} x CPU | ${(mean(ours, 'pgCpu') / mean(theirs, 'pgCpu')).toFixed(2)} x | same values: ${same} |`,
        );
      } else table.push(`| x${scale} | ${key} | PostGraphile | | | | | | not compared: ${q.why} |`);
      console.error(table.slice(q.postgraphile ? -3 : -2).join('\n'));
    }
  } finally {
    hub.child.kill('SIGTERM');
    postgraphile.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await db.stop();
  }
}
console.log(
  `\nhub vs PostGraphile 5.1.5: ${connections} connections, ${rounds} alternating rounds of ${seconds} s per query and server, on ${machine()}, load ${os.loadavg()[0]!.toFixed(1)}`,
);
console.log(
  '| city | query | server | req/s | p50 (ms) | p99 (ms) | server CPU ms/req | PostgreSQL CPU ms/req | errors |\n|---|---|---|---|---|---|---|---|---|',
);
console.log(table.join('\n'));
