// npm run bench:read [-- --scales 1,10 --seconds 10 --clients 8]: requests per second and latency of fixed nested
// read queries, on the demo city and at x10, over HTTP with a READER token.
import './quiet.js';
import { parseArgs } from 'node:util';
import { startHub } from '../server/app.js';
import { loadConfig } from '../server/core/config.js';
import { Role } from '../server/core/enums.js';
import { benchDatabase, gql, machine, percentile } from './support.js';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,10' }, seconds: { type: 'string', default: '10' }, clients: { type: 'string', default: '8' } },
});
const scales = values.scales.split(',').map(Number);
const seconds = Number(values.seconds);
const clients = Number(values.clients);

const QUERIES: Record<string, string> = {
  'plans > areas, lead, activities(10) > groups, method':
    '{ plans(first: 20) { nodes { name areas { name } lead { name } activities(first: 10) { nodes { title targetGroups { name } method { name } } } } } }',
  'activities(50) > plan, areas, groups, themes':
    '{ activities(first: 50) { totalCount nodes { title plan { name } areas { name } targetGroups { name } themes { name } } } }',
  'plan(code) > steering group, indicators, meetings':
    '{ plan(code: "VOL-OEST") { name steeringGroup { members { role person { name } } meetings { date actionItems { description } } } indicators { name progress } } }',
  'methods > activities(5), experiences': '{ methods { name activities(first: 5) { totalCount nodes { title } } experiences(first: 3) { nodes { title } } } }',
};

const rows: string[] = [];
for (const scale of scales) {
  const db = await benchDatabase(scale, `hub_bench_read_x${scale}`);
  const hub = await startHub(
    { ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: db.url, seed: 'none', rateLimitPerMinute: 0 },
    { log: () => undefined },
  );
  try {
    for (const [label, query] of Object.entries(QUERIES)) {
      for (let i = 0; i < 3; i++) await gql(hub.url, db.tokens[Role.READER], query);
      const latencies: number[] = [];
      let failed = 0;
      const end = Date.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (Date.now() < end) {
            const t0 = performance.now();
            const result = await gql(hub.url, db.tokens[Role.READER], query);
            if (result.status !== 200 || result.body?.errors) failed++;
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const rps = latencies.length / ((performance.now() - started) / 1000);
      rows.push(`| x${scale} | ${label} | ${rps.toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${failed} |`);
    }
  } finally {
    await hub.stop();
    await db.stop();
  }
}
console.log(`\nnested reads: ${clients} concurrent clients, ${seconds} s per query, on ${machine()}`);
console.log('| city | query | req/s | p50 (ms) | p99 (ms) | failed |\n|---|---|---|---|---|---|');
console.log(rows.join('\n'));
