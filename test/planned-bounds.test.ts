import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../server/core/config.js';
import { Role } from '../server/core/enums.js';
import { encodeCursor } from '../server/core/pagination.js';
import { crowdOneEstate } from './support/crowd.js';
import { startTestHub, type GraphQLResult, type TestHub } from './support/hub.js';

// A crowded estate (120 copies of one activity, each overlapping every other) under a small answer budget: lists nested
// under lists are where a planned statement could build far more than the budget allows before it is counted.
const limits = { ...loadConfig({}).limits, answerFields: 8_000 };
let planned: TestHub;
let resolved: TestHub;
let firstCopy: number;
beforeAll(async () => {
  const prepare = (url: string) => crowdOneEstate(url, 120);
  [planned, resolved] = await Promise.all([startTestHub({ prepare, config: { limits } }), startTestHub({ prepare, config: { limits, plannedReads: false } })]);
  const [row] = (await planned.hub.orm.em
    .fork()
    .execute("select min(id) as id from activity where title ~ ' [0-9]+$' and created_at > now() - interval '1 hour'")) as {
    id: number;
  }[];
  firstCopy = Number(row!.id);
}, 120_000);
afterAll(async () => {
  await Promise.all([planned?.stop(), resolved?.stop()]);
});

/** What both hubs must agree on: the data, and each error's message and code (a resolver's error names the nested field it stopped at). */
const outcome = (result: GraphQLResult<unknown>) => ({
  status: result.status,
  data: result.data,
  errors: result.errors?.map((e) => ({ message: e.message, code: (e.extensions as { code?: string } | undefined)?.code })),
});

async function both(query: string) {
  planned.statements.length = 0;
  const fast = await planned.gql(query, {}, Role.READER);
  const statements = planned.statements.filter((sql) => /^select [\s\S]* as v$/.test(sql));
  const reference = await resolved.gql(query, {}, Role.READER);
  expect(outcome(fast), query).toEqual(outcome(reference));
  return { fast, statements };
}

test('a page whose nested list is longer than its share of the budget is answered whole by the statement that counts its rows', async () => {
  // 98 ordinary activities and the first two copies: each copy has more pairs than a page of 100 leaves each activity (79).
  const query = `{ activities(first: 100, after: "${encodeCursor([firstCopy - 99])}") { nodes { id title overlaps(minScore: 0) { score } } } }`;
  const { fast, statements } = await both(query);
  expect(fast.errors).toBeUndefined();
  const lengths = (fast.data as { activities: { nodes: { overlaps: unknown[] }[] } }).activities.nodes.map((a) => a.overlaps.length);
  expect(Math.max(...lengths)).toBeGreaterThan(100);
  // The shortened statement, then the guarded one.
  expect(statements).toHaveLength(2);
  expect(statements[1]).toContain('hub_answer_rows');
});

test('a page of crowded activities, each within its share but together beyond the budget, fails as the resolvers fail it', async () => {
  const { fast, statements } = await both(
    `{ activities(first: 100, after: "${encodeCursor([firstCopy - 1])}") { nodes { id overlaps(minScore: 0) { score } } } }`,
  );
  expect(fast.status).toBe(400);
  expect(fast.errors![0]!.message).toContain('HUB_MAX_ANSWER_FIELDS');
  expect(statements[statements.length - 1]).toContain('hub_answer_rows');
});

test("an overlap group's pairs beyond the budget: the planned statement stops reading groups where the resolvers stop", async () => {
  const { fast, statements } = await both('{ overlapGroups(by: AREA_AND_KIND) { key pairCount overlaps { score } } }');
  expect(fast.errors![0]!.message).toContain('HUB_MAX_ANSWER_FIELDS');
  expect(statements[0]).toContain('hub_before');
  // Within the budget, the same groups answer whole.
  const { fast: small } = await both(
    '{ overlapGroups(by: PLAN_PAIR, filter: { includeSamePlan: false }) { key label pairCount overlaps { score } plans { code } } }',
  );
  expect(small.errors).toBeUndefined();
  // Nested lists under a root list of unknown length are counted as they are built.
  await both('{ targetGroups { code children { code children { code } } } areas { code children { code } } }');
  await both('{ overlapGroups(by: CLUSTER) { key activities { title overlaps(minScore: 0) { score } } } }');
});
