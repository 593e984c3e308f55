// npm run bench:overlap [-- --scales 1,10,100 --runs 7]: builds the demo city at each scale in its own database
// and prints the median time of overlaps(first: 50), similarActivities and coverage over HTTP.
import './quiet.js';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startHub } from '../server/app.js';
import { loadConfig } from '../server/core/config.js';
import { Role } from '../server/core/enums.js';
import { benchDatabase, gql, machine, percentile } from './support.js';

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
          title: 'Lektiehjælp for skolebørn',
          description: 'Frivillige hjælper skolebørn med lektier.',
          methodId: await id('Method', "select id from method where code = 'lektiecafe'"),
          themeIds: [await id('Theme', "select id from theme where code = 'UDD'")],
          targetGroupIds: [await id('TargetGroup', "select id from target_group where code = 'skoleboern'")],
          areaIds: [await id('Area', "select id from area where code = 'vollsmose-boegeparken'")],
          startDate: '2026-12-01',
          schedule: [{ weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' }],
        },
      };
    },
  },
  'coverage(districts)': {
    query: '{ coverage(filter: { areaKind: DISTRICT, activeOn: "2026-11-22" }) { activeActivities area { name } targetGroup { name } } }',
  },
} as const;

const results: Record<string, Record<number, number>> = {};
const facts: string[] = [];
for (const scale of scales) {
  const db = await benchDatabase(scale);
  const { plans, activities, pairs, loadSeconds } = db.facts;
  facts.push(`x${scale}: ${plans} plans, ${activities} activities, ${pairs} scored pairs; loaded and scored in ${loadSeconds.toFixed(1)} s`);
  // The whole-city coverage matrix at x100 (18,000 cells) is beyond the default answer budget; it is timed with a larger one.
  const hub = await startHub(
    { ...loadConfig({ HUB_MAX_ANSWER_FIELDS: '200000' }), port: 0, host: '127.0.0.1', databaseUrl: db.url, seed: 'none', rateLimitPerMinute: 0 },
    { log: () => undefined },
  );
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    for (const [label, spec] of Object.entries(QUERIES)) {
      const variables = 'variables' in spec ? await spec.variables(client) : undefined;
      const times: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const t0 = performance.now();
        const result = await gql(hub.url, db.tokens[Role.COORDINATOR], spec.query, variables);
        if (result.body?.errors) throw new Error(`${label}: ${JSON.stringify(result.body.errors)}`);
        if (i >= 2) times.push(performance.now() - t0);
      }
      (results[label] ??= {})[scale] = percentile(times, 50);
    }
  } finally {
    await client.end();
    await hub.stop();
    await db.stop();
  }
}

console.log(`\n${facts.join('\n')}\n`);
const header = ['query', ...scales.map((s) => `x${s} (ms)`), ...(scales.includes(10) && scales.includes(100) ? ['x10 to x100'] : [])];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const [label, byScale] of Object.entries(results)) {
  const cells = scales.map((s) => byScale[s]!.toFixed(1));
  if (scales.includes(10) && scales.includes(100)) cells.push(`${(byScale[100]! / byScale[10]!).toFixed(1)}x`);
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
console.log(`\nmedian of ${runs} runs after 2 warm-up runs, over HTTP on ${machine()}`);
