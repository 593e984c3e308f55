import { afterAll, beforeAll, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { startTestHub, type TestHub } from './support/hub.js';

// The resolvers' path (HUB_PLANNED_READS=false, and every field the planner leaves to them) and the planner's.
let t: TestHub;
let planned: TestHub;
beforeAll(async () => {
  [t, planned] = await Promise.all([startTestHub({ config: { plannedReads: false } }), startTestHub()]);
});
afterAll(() => Promise.all([t?.stop(), planned?.stop()]));

const NESTED = `query($first: Int) { plans(first: $first) { nodes {
  areas { name } lead { name }
  activities(first: 50) { nodes { targetGroups { name } areas { name } method { name } themes { name } partners { name } } }
} } }`;

async function statementsFor(first: number): Promise<{ statements: number; plans: number; activities: number }> {
  t.statements.length = 0;
  const result = await t.gql(NESTED, { first });
  expect(result.errors).toBeUndefined();
  const plans = result.data.plans.nodes;
  return {
    statements: t.statements.length,
    plans: plans.length,
    activities: plans.reduce((sum: number, p: any) => sum + p.activities.nodes.length, 0),
  };
}

test('resolvers: a nested query issues as many SQL statements for 35 plans as for 3 (no N+1)', async () => {
  // The first request of a token looks it up; later ones within seconds do not.
  await statementsFor(1);
  const small = await statementsFor(3);
  const large = await statementsFor(35);
  console.log(
    `SQL statements: ${small.statements} for ${small.plans} plans and ${small.activities} activities, ` +
      `${large.statements} for ${large.plans} plans and ${large.activities} activities`,
  );
  expect(small.plans).toBe(3);
  expect(large.plans).toBe(35);
  expect(large.activities).toBeGreaterThan(500);
  expect(large.statements).toBe(small.statements);
  // Plans, their areas, lead, activities, and one per activity relation: one per level of the query; no count unless asked.
  expect(large.statements).toBeLessThanOrEqual(9);
});

test('resolvers: counts run only for a query that selects totalCount: one statement per connection level, for every owner at once', async () => {
  const page = async (withCount: boolean) => {
    await t.gql('{ viewer { id } }');
    t.statements.length = 0;
    const count = withCount ? 'totalCount' : '';
    const result = await t.gql(`{ plans(first: 35) { ${count} nodes { activities(first: 2) { ${count} nodes { title } } } } }`);
    expect(result.errors).toBeUndefined();
    return { statements: [...t.statements], data: result.data };
  };
  const without = await page(false);
  const counted = await page(true);
  expect(without.statements.filter((s) => /count\(\*\)/.test(s))).toEqual([]);
  expect(counted.statements.filter((s) => /count\(\*\)/.test(s))).toHaveLength(2);
  expect(counted.statements.length).toBe(without.statements.length + 2);
  const plans = counted.data.plans;
  expect(plans.totalCount).toBe(35);
  const [{ n }] = (await t.hub.orm.em.fork().execute('select count(*)::int as n from activity where not archived')) as { n: number }[];
  expect(plans.nodes.reduce((sum: number, p: any) => sum + p.activities.totalCount, 0)).toBe(n);
  // Pages come by index, a few rows per plan, never a plan's whole list.
  expect(counted.statements.find((s) => s.includes('cross join lateral'))).toMatch(/limit/);
});

test('a token is looked up once for the requests of the next seconds, not on every request', async () => {
  t.statements.length = 0;
  for (let i = 0; i < 5; i++) await t.gql('{ viewer { id } }', {}, Role.READER);
  expect(t.statements.filter((s) => s.includes('where u.token_hash = ?')).length).toBeLessThanOrEqual(1);
});

test('planned: one statement per root field, whatever the nesting and the number of plans; counts only where totalCount is asked', async () => {
  const statementsOf = async (query: string, variables: Record<string, unknown> = {}) => {
    await planned.gql('{ __typename }');
    planned.statements.length = 0;
    const result = await planned.gql(query, variables);
    expect(result.errors).toBeUndefined();
    return { statements: [...planned.statements], data: result.data };
  };
  for (const first of [3, 35]) {
    const { statements, data } = await statementsOf(NESTED, { first });
    expect(data.plans.nodes).toHaveLength(first);
    expect(statements).toHaveLength(1);
  }
  const two = await statementsOf('{ plans(first: 35) { nodes { code } } activities(first: 5) { nodes { title } } }');
  expect(two.statements).toHaveLength(2);
  const count = /select count\(\*\)::int from/g;
  const without = await statementsOf('{ plans(first: 35) { nodes { activities(first: 2) { nodes { title } } } } }');
  expect(without.statements[0]!.match(count)).toBeNull();
  const counted = await statementsOf('{ plans(first: 35) { totalCount nodes { activities(first: 2) { totalCount nodes { title } } } } }');
  expect(counted.statements).toHaveLength(1);
  expect(counted.statements[0]!.match(count)).toHaveLength(2);
  expect(counted.data.plans.totalCount).toBe(35);
  const [{ n }] = (await planned.hub.orm.em.fork().execute('select count(*)::int as n from activity where not archived')) as { n: number }[];
  expect(counted.data.plans.nodes.reduce((sum: number, p: any) => sum + p.activities.totalCount, 0)).toBe(n);
  // Pages are read after the cursor with LIMIT first + 1, per plan: never a plan's whole list.
  expect(counted.statements[0]).toMatch(/order by t\d+\.plan_id, t\d+\.id limit 3\)/);
});
