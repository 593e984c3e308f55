import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedDemoCityIfEmpty } from '../seeds/load.js';
import { startHub, type Hub } from '../server/app.js';
import { insertUser } from '../server/auth/auth.service.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/core/embedded-postgres.js';
import { Role } from '../server/core/enums.js';
import { toGlobalId } from '../server/core/global-id.js';
import { graphqlRequest, testConfig } from './support/hub.js';
import { startReplica, type Replica } from './support/replica.js';

// A primary with a streaming replica (a PostgreSQL cluster of its own) and two hubs reading from the replica.
const WINDOW_MS = 3000;
let dataDir: string;
let primary: EmbeddedDatabase;
let replica: Replica;
const hubs: Hub[] = [];
let db: pg.Client;
const tokens = {} as Record<'reader' | 'coordinator', string>;
let activity: { id: string; title: string };
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-replica-'));
  primary = await startEmbeddedPostgres(dataDir);
  replica = await startReplica(primary);
  const config = testConfig({ databaseUrl: primary.url, dataDir, seed: 'demo', read: { url: replica.url, primaryAfterWriteMs: WINDOW_MS } });
  hubs.push(await startHub(config, { log: () => undefined, seedDemoCity: seedDemoCityIfEmpty }));
  hubs.push(await startHub(config, { log: () => undefined, seedDemoCity: seedDemoCityIfEmpty }));
  tokens.reader = (await insertUser(hubs[0]!.orm.em.fork(), { name: 'Læser', role: Role.READER })).token;
  tokens.coordinator = (await insertUser(hubs[0]!.orm.em.fork(), { name: 'Koordinator', role: Role.COORDINATOR })).token;
  db = new pg.Client({ connectionString: primary.url });
  await db.connect();
  const [row] = (await db.query('select id, title from activity where not archived order by id limit 1')).rows;
  activity = { id: toGlobalId('Activity', row.id), title: row.title };
  await replica.caughtUp();
}, 120_000);
afterAll(async () => {
  await db?.end();
  await Promise.all(hubs.map((hub) => hub.stop()));
  await replica?.stop();
  await primary?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const titleAt = async (hub: Hub, token: string) => {
  const answer = await graphqlRequest<any>(hub.url, token, `{ node(id: "${activity.id}") { ... on Activity { title version } } }`);
  expect(answer.errors).toBeUndefined();
  return answer.data.node as { title: string; version: number };
};

test("reads go to the replica; a mutation and its author's next reads, on any hub, go to the primary", async () => {
  const { version } = await titleAt(hubs[0]!, tokens.coordinator);
  await replica.pause();
  const changed = await graphqlRequest<any>(
    hubs[0]!.url,
    tokens.coordinator,
    'mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { activity { title } userErrors { message } } }',
    { i: { id: activity.id, expectedVersion: version, title: 'Skrevet mens kopien stod stille' } },
  );
  // The payload reads what was written, though the replica has not applied it.
  expect(changed.data.updateActivity).toEqual({ activity: { title: 'Skrevet mens kopien stod stille' }, userErrors: [] });
  // The author reads their write on the hub they wrote through and on the other one.
  expect((await titleAt(hubs[0]!, tokens.coordinator)).title).toBe('Skrevet mens kopien stod stille');
  expect((await titleAt(hubs[1]!, tokens.coordinator)).title).toBe('Skrevet mens kopien stod stille');
  // Everyone else reads the replica, which has not applied the change yet.
  expect((await titleAt(hubs[0]!, tokens.reader)).title).toBe(activity.title);
  expect((await titleAt(hubs[1]!, tokens.reader)).title).toBe(activity.title);
  await replica.resume();
  await replica.caughtUp();
  expect((await titleAt(hubs[1]!, tokens.reader)).title).toBe('Skrevet mens kopien stod stille');
  // After the window the author reads from the replica again: a change it has not applied is not seen yet.
  await replica.pause();
  await db.query("update activity set title = 'Ændret direkte i databasen' where id = $1", [
    Number(Buffer.from(activity.id, 'base64url').toString().split(':')[1]),
  ]);
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 200));
  expect((await titleAt(hubs[0]!, tokens.coordinator)).title).toBe('Skrevet mens kopien stod stille');
  await replica.resume();
  await replica.caughtUp();
  expect((await titleAt(hubs[0]!, tokens.coordinator)).title).toBe('Ændret direkte i databasen');
});

test('a replica that cannot be reached leaves the reads to the primary', async () => {
  await replica.stop();
  expect((await titleAt(hubs[0]!, tokens.reader)).title).toBe('Ændret direkte i databasen');
  const list = await graphqlRequest<any>(hubs[1]!.url, tokens.reader, '{ activities(first: 3) { nodes { title } } }');
  expect(list.status).toBe(200);
  expect(list.data.activities.nodes).toHaveLength(3);
});
