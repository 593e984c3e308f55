// npm run bench:rate-limit [-- --seconds 8 --rounds 3 --connections 16]: what counting requests in PostgreSQL (shared
// by every hub on the database) costs. First the count alone, as the HTTP layer takes it (sequentially, and 16 at
// once); then the hub as its own process answering a cheap signed-in query with the limit off and on (a limit no run
// reaches), in alternating rounds: req/s, mean latency, and CPU per request of the hub and of PostgreSQL.
import './quiet.js';
import autocannon from 'autocannon';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { SharedRateLimiter } from '../server/core/rate-limit.js';
import { Role } from '../server/core/enums.js';
import { startFlags } from '../test/support/process.js';
import { benchDatabase, cpuMs, machine, postgresCpu, postgresCpuSince, startServer } from './support.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' }, connections: { type: 'string', default: '16' } },
});
const [seconds, rounds, connections] = [Number(values.seconds), Number(values.rounds), Number(values.connections)];
const QUERY = '{ viewer { role } }';

const db = await benchDatabase(1, 'hub_bench_rate_limit');
const lines: string[] = [];
try {
  const limiter = new SharedRateLimiter({ databaseUrl: db.url, perMinute: 1e9, available: () => true, log: (line) => console.log(line) });
  for (let i = 0; i < 200; i++) await limiter.take(`warm-${i % 4}`);
  const n = 5000;
  let started = performance.now();
  for (let i = 0; i < n; i++) await limiter.take(`t:${i % 50}`);
  const sequential = (performance.now() - started) / n;
  started = performance.now();
  for (let i = 0; i < n / 16; i++) await Promise.all(Array.from({ length: 16 }, (_, j) => limiter.take(`t:${(i * 16 + j) % 50}`)));
  const together = (performance.now() - started) / n;
  await limiter.close();
  lines.push(
    `count alone: ${sequential.toFixed(3)} ms per request one after another, ${together.toFixed(3)} ms per request 16 at once (one statement for the 16)`,
  );

  const results = { off: [] as number[][], on: [] as number[][] };
  const hubs = {
    off: await startServer(
      'hub',
      [...startFlags(), '--import', 'tsx', 'server/main.ts'],
      { DATABASE_URL: db.url, HUB_SEED: 'none', HUB_RATE_LIMIT: '0', LOG_LEVEL: 'warn' },
      '/readyz',
    ),
    on: await startServer(
      'hub',
      [...startFlags(), '--import', 'tsx', 'server/main.ts'],
      { DATABASE_URL: db.url, HUB_SEED: 'none', HUB_RATE_LIMIT: '1000000000', LOG_LEVEL: 'warn' },
      '/readyz',
    ),
  };
  try {
    // A round of each first, unrecorded: both processes compiled and their connections open before anything counts.
    for (let round = -1; round < rounds; round++) {
      for (const key of round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        const hub = hubs[key];
        const [hubBefore, pgBefore] = [cpuMs(hub.child.pid!), postgresCpu()];
        const result = await autocannon({
          url: hub.url,
          method: 'POST',
          connections,
          duration: seconds,
          body: JSON.stringify({ query: QUERY }),
          headers: { 'content-type': 'application/json', authorization: `Bearer ${db.tokens[Role.READER]}` },
        });
        const requests = Math.max(1, result.requests.total);
        if (result.errors + result.non2xx) throw new Error(`${key}: ${result.errors + result.non2xx} failed requests`);
        if (round >= 0)
          results[key].push([requests / seconds, result.latency.mean, (cpuMs(hub.child.pid!) - hubBefore) / requests, postgresCpuSince(pgBefore) / requests]);
      }
    }
  } finally {
    for (const hub of Object.values(hubs)) hub.child.kill('SIGTERM');
  }
  const mean = (rs: number[][], i: number) => rs.reduce((sum, r) => sum + r[i]!, 0) / rs.length;
  lines.push(
    `\nthe hub answering ${QUERY} as a reader, ${connections} connections, ${rounds} alternating rounds of ${seconds} s, on ${machine()}, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  lines.push('| rate limit | req/s | mean latency (ms) | hub CPU ms/request | PostgreSQL CPU ms/request |\n|---|---|---|---|---|');
  for (const key of ['off', 'on'] as const) {
    lines.push(
      `| ${key === 'off' ? 'off (HUB_RATE_LIMIT=0)' : 'shared, in PostgreSQL'} | ${[0, 1, 2, 3].map((i) => mean(results[key], i).toFixed(i === 0 ? 0 : 3)).join(' | ')} |`,
    );
  }
  const cost = (i: number) => (mean(results.on, i) - mean(results.off, i)).toFixed(3);
  lines.push(`\ncost of the shared count per request: latency ${cost(1)} ms, hub CPU ${cost(2)} ms, PostgreSQL CPU ${cost(3)} ms`);
} finally {
  await db.stop();
}
console.log(lines.join('\n'));
