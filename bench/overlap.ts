// npm run bench:overlap [-- --scales 1,10,100 --runs 7]: builds the demo city at each scale in its own database
// and prints the median time of overlaps(first: 50), similarActivities and coverage over HTTP.
import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startHub } from '../server/app.js';
import { insertUser } from '../server/auth/auth.service.js';
import { loadConfig } from '../server/core/config.js';
import { startEmbeddedPostgres } from '../server/core/embedded-postgres.js';
import { Role } from '../server/core/enums.js';
import { initOrm, migrate } from '../server/core/orm.js';
import { loadCity } from '../seeds/load.js';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,10,100' }, runs: { type: 'string', default: '7' } } });
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);

const QUERIES = {
  'overlaps(first: 50)': {
    query: '{ overlaps(first: 50) { totalCount nodes { score reasons { kind weight detail } activities { id title plan { code } } } } }',
  },
  similarActivities: {
    query: `query($draft: ActivityDraftInput!) { similarActivities(draft: $draft, first: 10) { score reasons { kind detail } activities { id title } } }`,
    variables: async (client: pg.Client) => {
      const id = async (type: string, sql: string) => Buffer.from(`${type}:${(await client.query(sql)).rows[0].id}`).toString('base64url');
      return {
        draft: {
          title: 'Lektiehjælp for skolebørn', description: 'Frivillige hjælper skolebørn med lektier.',
          methodId: await id('Method', "select id from method where code = 'lektiecafe'"),
          themeIds: [await id('Theme', "select id from theme where code = 'UDD'")],
          targetGroupIds: [await id('TargetGroup', "select id from target_group where code = 'skoleboern'")],
          areaIds: [await id('Area', "select id from area where code = 'vollsmose-boegeparken'")],
          startDate: '2026-12-01', schedule: [{ weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' }],
        },
      };
    },
  },
  'coverage(districts)': { query: '{ coverage(filter: { areaKind: DISTRICT, activeOn: "2026-11-22" }) { activeActivities area { name } targetGroup { name } } }' },
} as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-bench-'));
const server = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres(dataDir);
const serverUrl = process.env.BENCH_DATABASE_URL ?? server!.url;
const results: Record<string, Record<number, number>> = {};
const facts: string[] = [];
try {
  for (const scale of scales) {
    const name = `hub_bench_x${scale}`;
    const admin = new pg.Client({ connectionString: serverUrl.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
    const orm = await initOrm(url);
    await migrate(orm);
    const started = Date.now();
    const counts = await loadCity(orm.em.fork(), scale);
    const [{ pairs }] = (await orm.em.fork().execute('select count(*)::int as pairs from activity_overlap')) as { pairs: number }[];
    facts.push(`x${scale}: ${counts.plans} plans, ${counts.activities} activities, ${pairs} scored pairs; loaded and scored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const { token } = await insertUser(orm.em.fork(), { name: 'Bench', role: Role.COORDINATOR });
    await orm.close();
    const hub = await startHub({ ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: url, seed: 'none' }, { log: () => undefined });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const [label, spec] of Object.entries(QUERIES)) {
        const variables = 'variables' in spec ? await spec.variables(client) : undefined;
        const body = JSON.stringify({ query: spec.query, variables });
        const times: number[] = [];
        for (let i = 0; i < runs + 2; i++) {
          const t0 = performance.now();
          const response = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
          const json = (await response.json()) as { errors?: unknown };
          if (json.errors) throw new Error(`${label}: ${JSON.stringify(json.errors)}`);
          if (i >= 2) times.push(performance.now() - t0);
        }
        (results[label] ??= {})[scale] = median(times);
      }
    } finally {
      await client.end();
      await hub.stop();
    }
  }
} finally {
  await server?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}

console.log(`\n${facts.join('\n')}\n`);
const header = ['query', ...scales.map((s) => `x${s} (ms)`), ...(scales.includes(10) && scales.includes(100) ? ['x10 to x100'] : [])];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const [label, byScale] of Object.entries(results)) {
  const cells = scales.map((s) => byScale[s]!.toFixed(1));
  if (scales.includes(10) && scales.includes(100)) cells.push(`${(byScale[100]! / byScale[10]!).toFixed(1)}x`);
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
console.log(`\nmedian of ${runs} runs after 2 warm-up runs, over HTTP on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'})`);
