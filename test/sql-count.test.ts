import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

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

test('a nested query issues as many SQL statements for 35 plans as for 3 (no N+1)', async () => {
  const small = await statementsFor(3);
  const large = await statementsFor(35);
  console.log(`SQL statements: ${small.statements} for ${small.plans} plans and ${small.activities} activities, ` +
    `${large.statements} for ${large.plans} plans and ${large.activities} activities`);
  expect(small.plans).toBe(3);
  expect(large.plans).toBe(35);
  expect(large.activities).toBeGreaterThan(500);
  expect(large.statements).toBe(small.statements);
  // The token, plans and their count, areas, lead, activities, and one per activity relation: bounded by the query's shape.
  expect(large.statements).toBeLessThanOrEqual(11);
});
