import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { startProcess } from './support/process.js';

let database: TestDatabase;
const token = `test-admin-${randomBytes(16).toString('hex')}`;
beforeAll(async () => {
  database = await createTestDatabase(inject('serverUrl'));
});
afterAll(() => database?.drop());

const ACTIVITY = 'id title description status startDate endDate capacity createdAt updatedAt version';
// Six aliases of a page of 100 activities with their plans and overlaps: about 3 MB of JSON (answer and time limits switched off for
// this hub; the heavy-query gate builds two at a time, the others wait their turn while the hub is stopping).
const ALIASES = 6;
const LARGE = `{ ${Array.from(
  { length: ALIASES },
  (_, i) => `a${i}: activities(first: 100) { nodes { ${ACTIVITY} plan { code name description areas { name residents } }
  method { name description } areas { name kind residents latitude longitude } targetGroups { name minAge maxAge } themes { code name }
  overlaps { score reasons { kind weight detail } activities { id title description } } } }`,
).join(' ')} }`;

test('SIGTERM lets every response in flight finish writing: six long reads of multi-megabyte answers', async () => {
  const hub = startProcess({
    DATABASE_URL: database.url,
    HUB_ADMIN_TOKEN: token,
    HUB_RATE_LIMIT: '0',
    HUB_MAX_COST: '0',
    HUB_MAX_ANSWER_FIELDS: '0',
    HUB_MAX_SELECTIONS: '0',
    HUB_MAX_EXECUTION_MS: '0',
  });
  try {
    const url = await hub.url();
    const answers = Array.from({ length: 6 }, async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: LARGE }),
      });
      return { status: response.status, body: await response.text() };
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    hub.child.kill('SIGTERM');
    const results = await Promise.all(answers).catch((error) => {
      console.error(hub.output().slice(-3000));
      throw error;
    });
    for (const { status, body } of results) {
      expect(status, body.slice(0, 300)).toBe(200);
      expect(body.length, body.slice(0, 300) + ' ... ' + body.slice(-300)).toBeGreaterThan(2_000_000);
      const parsed = JSON.parse(body) as { data: Record<string, { nodes: unknown[] }> };
      expect(Object.values(parsed.data).map((page) => page.nodes.length)).toEqual(Array(ALIASES).fill(100));
    }
    expect(await hub.exited).toBe(0);
    // Stopped: new connections are refused.
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  } finally {
    hub.child.kill('SIGKILL');
  }
}, 120_000);
