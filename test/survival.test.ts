import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startProcess } from './support/process.js';

const ACTIVITY = 'id title description status startDate endDate capacity createdAt updatedAt version archived';
/** The heaviest reads the default limits still accept: each close to the cost or the answer-size limit. */
export const HEAVIEST = [
  `{ overlaps(first: 100) { nodes { score reasons { kind weight detail } activities { ${ACTIVITY} plan { code name description status startDate endDate }
     areas { name kind residents } targetGroups { name minAge maxAge } themes { code name } schedule { weekday startTime endTime }
     overlaps { score reasons { kind weight detail } activities { ${ACTIVITY} } } } } } }`,
  `{ methods { name description activities(first: 100) { totalCount nodes { ${ACTIVITY} plan { code name } areas { name } targetGroups { name } } } } }`,
  `{ plans(first: 35) { nodes { code name description areas { name plans { code name } }
     activities(first: 30) { nodes { ${ACTIVITY} method { name } areas { name } targetGroups { name } } } } } }`,
  `{ activities(first: 100) { totalCount nodes { ${ACTIVITY} plan { code name description status startDate endDate areas { name residents } } method { name description }
     areas { name kind residents latitude longitude } targetGroups { name minAge maxAge } themes { code name } partners { name } schedule { weekday startTime endTime }
     overlaps { score reasons { kind weight detail } activities { id title } } contact { name title } } } }`,
];

let database: TestDatabase;
let hub: ReturnType<typeof startProcess>;
const token = `test-admin-${randomBytes(16).toString('hex')}`;

beforeAll(async () => {
  database = await createTestDatabase(inject('serverUrl'));
  hub = startProcess({ DATABASE_URL: database.url, HUB_ADMIN_TOKEN: token, HUB_RATE_LIMIT: '0' });
});
afterAll(async () => {
  hub?.child.kill('SIGKILL');
  await hub?.exited;
  await database?.drop();
});

async function post(url: string, query: string) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

async function postmasterStarted(): Promise<string> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return String((await client.query('select pg_postmaster_start_time() as started')).rows[0].started);
  } finally {
    await client.end();
  }
}

test('eight of the heaviest accepted queries at once: the hub keeps answering and neither it nor PostgreSQL dies', async () => {
  const url = await hub.url();
  const pid = hub.child.pid;
  const started = await postmasterStarted();
  // Warm: the first run of a query compiles code paths and plans; the figure asked for is the loaded hub's, not a cold one's.
  for (const query of ['{ themes { code } }', ...HEAVIEST]) expect((await post(url, query)).status).toBe(200);
  const heavy = Promise.all(Array.from({ length: 8 }, (_, i) => post(url, HEAVIEST[i % HEAVIEST.length]!)));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const simple = await post(url, '{ themes { code } }');
  expect(simple.status).toBe(200);
  console.log(`simple query under load: ${simple.ms.toFixed(0)} ms`);
  expect(simple.ms).toBeLessThan(1000);
  const answers = await heavy;
  // Accepted means answered in full: none was refused, none failed.
  expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  for (const answer of answers) expect(JSON.parse(answer.body).errors).toBeUndefined();
  expect(hub.child.exitCode).toBeNull();
  expect(hub.child.pid).toBe(pid);
  expect(await postmasterStarted()).toBe(started);
  expect((await post(url, '{ themes { code } }')).status).toBe(200);
}, 120_000);
