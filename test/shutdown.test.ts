import { afterAll, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub | undefined;
afterAll(async () => {
  await t?.database.drop().catch(() => undefined);
});

test('stopping drains: requests in flight finish, new ones are refused', async () => {
  t = await startTestHub();
  const query = '{ plans(first: 35) { nodes { areas { name } lead { name } activities(first: 50) { nodes { targetGroups { name } areas { name } } } } } }';
  const inFlight = Array.from({ length: 4 }, () => t!.gql(query, undefined, Role.READER));
  await new Promise((r) => setTimeout(r, 20));
  const stopped = t.hub.stop();
  const results = await Promise.all(inFlight);
  for (const result of results) {
    expect(result.status, JSON.stringify(result.errors)).toBe(200);
    // 34: the demo city's DRAFT plan is hidden from readers.
    expect(result.data.plans.nodes).toHaveLength(34);
  }
  await stopped;
  await expect(fetch(t.hub.url, { method: 'POST' })).rejects.toThrow();
});
