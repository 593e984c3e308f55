import { getNamedType, getNullableType, isListType, isObjectType, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { describe, expect, test } from 'vitest';
import {
  costEstimator,
  countSelections,
  ExecutionBudget,
  HEAVY_ANSWER_VALUES,
  HEAVY_FIELDS,
  HEAVY_QUERY_COST,
  HeavyQueryGate,
  LIST_LENGTHS,
  listLength,
} from '../server/core/cost.js';
import { hubSchema } from '../server/modules.js';

async function cost(query: string, variables: Record<string, unknown> = {}): Promise<number> {
  return getComplexity({ estimators: [costEstimator], schema: await hubSchema(), query: parse(query), variables });
}

describe('query cost', () => {
  test('objects count 1, leaf values 0.1, and a page multiplies what is under it by first', async () => {
    expect(await cost('{ plan(code: "X") { code } }')).toBeCloseTo(1.1);
    expect(await cost('{ activities(first: 10) { nodes { id } } }')).toBeCloseTo(1 + 10 * 1.1);
    // Without first, the default page size of 20.
    expect(await cost('{ activities { nodes { id } } }')).toBeCloseTo(1 + 20 * 1.1);
    expect(await cost('query($n: Int) { activities(first: $n) { nodes { id } } }', { n: 50 })).toBeCloseTo(1 + 50 * 1.1);
  });

  test('nesting multiplies: lists inside pages inside lists', async () => {
    const inner = await cost('{ activities(first: 100) { nodes { plan { code } } } }');
    expect(inner).toBeCloseTo(1 + 100 * (1 + 1.1));
    // 40 methods expected, each with a page of 100 activities, each with its method and another page of 100.
    expect(await cost('{ methods { activities(first: 100) { nodes { method { activities(first: 100) { nodes { id } } } } } } }')).toBeGreaterThan(400_000);
  });

  test('an out-of-range first is left to the field, which answers with a message about first', async () => {
    expect(await cost('{ activities(first: 100000) { nodes { id } } }')).toBeCloseTo(1 + 100 * 1.1);
  });

  test('the coverage matrix costs its rows times its columns (and, reading the whole city, always counts as heavy)', async () => {
    expect(await cost('{ coverage(filter: { areaKind: ESTATE }) { activeActivities } }')).toBeCloseTo(HEAVY_QUERY_COST + 40 * 40 * 1.1);
    expect(await cost('{ coverage(filter: { areaIds: ["a", "b"], targetGroupIds: ["c"] }) { activeActivities } }')).toBeCloseTo(HEAVY_QUERY_COST + 2 * 1.1);
  });

  test('every list field of the schema is priced: paged by `first`, or with an expected length the estimate multiplies by', async () => {
    const schema = await hubSchema();
    const unpriced: string[] = [];
    const priced = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        const paged = field.args.some((arg) => arg.name === 'first');
        if (paged) continue;
        if (listLength(type.name, field.name) === undefined) unpriced.push(`${type.name}.${field.name}`);
        else priced.add(`${type.name}.${field.name}`);
      }
    }
    expect(unpriced).toEqual([]);
    // Every expected length names a field that exists (a renamed field must not leave a stale price behind).
    expect(Object.keys(LIST_LENGTHS).filter((coordinate) => !priced.has(coordinate))).toEqual([]);
    // A new list field makes this test fail until it is priced: the walk sees nested lists too.
    expect(priced.has('OverlapGroup.activities') && priced.has('Activity.overlaps') && priced.has('InferredMethod.words')).toBe(true);
    expect(getNamedType(schema.getQueryType()!.getFields().overlapGroups!.type).name).toBe('OverlapGroup');
  });

  test('the fields whose work is the whole city count as heavy whatever little is asked of them', async () => {
    for (const coordinate of HEAVY_FIELDS) expect(coordinate).toMatch(/^Query\./);
    expect(await cost('{ overlapGroups(by: CLUSTER) { key } }')).toBeGreaterThan(HEAVY_QUERY_COST);
    expect(await cost('{ coverage { activeActivities } }')).toBeGreaterThan(HEAVY_QUERY_COST);
    expect(await cost('{ highlights(first: 1, since: "2026-01-01T00:00:00Z") { title } }')).toBeGreaterThan(HEAVY_QUERY_COST);
    expect(await cost('{ themes { code } }')).toBeLessThan(HEAVY_QUERY_COST);
  });

  test('selections count every field and fragment spread as written', () => {
    expect(countSelections(parse('{ a b { c ...F } } fragment F on B { d e }'))).toBe(6);
  });
});

describe('execution budget', () => {
  test('stops after the answer-size limit, and for every field after', () => {
    const budget = new ExecutionBudget(3, 0);
    budget.spend();
    budget.spend();
    budget.spend();
    expect(() => budget.spend()).toThrow(/more than 3 values \(HUB_MAX_ANSWER_FIELDS\)/);
    expect(() => budget.spend()).toThrow(/HUB_MAX_ANSWER_FIELDS/);
    expect(budget.stoppedBy?.extensions.limit).toBe('HUB_MAX_ANSWER_FIELDS');
  });

  test("counts a list's values in one step, and reads the clock whenever the count passes a multiple of 256", async () => {
    const budget = new ExecutionBudget(1000, 5);
    budget.spend(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    budget.spend(50);
    expect(() => budget.spend(10)).toThrow(/HUB_MAX_EXECUTION_MS/);
    const large = new ExecutionBudget(1000, 0);
    large.spend(999);
    expect(() => large.spend(2)).toThrow(/more than 1,000 values/);
  });

  test('stops a query that runs past its time', async () => {
    const budget = new ExecutionBudget(0, 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(() => {
      for (let i = 0; i < 1000; i++) budget.spend();
    }).toThrow(/took too long and was stopped \(HUB_MAX_EXECUTION_MS\)/);
  });
});

describe('a query that turns out heavy while it runs', () => {
  test('waits for a slot of the gate once its answer passes 5,000 values, and gives it back when its answer is written', async () => {
    const gate = new HeavyQueryGate(1, 1000);
    const other = await gate.enter();
    const held: { release?: () => void; done?: boolean } = {};
    const budget = new ExecutionBudget(50_000, 0, { enter: () => gate.enter(), held });
    budget.spend(HEAVY_ANSWER_VALUES);
    expect(budget.admission()).toBeNull();
    budget.spend(1);
    const waiting = budget.admission();
    expect(waiting).toBeInstanceOf(Promise);
    // Every field after waits for the same turn.
    expect(budget.admission()).toBe(waiting);
    other();
    await waiting;
    expect(held.release).toBeTypeOf('function');
    expect(budget.admission()).toBeNull();
    held.release!();
    // The next query gets the slot at once.
    (await gate.enter())();
  });

  test('a slot that comes after the answer was written goes straight back; one that never comes ends the query as busy', async () => {
    const gate = new HeavyQueryGate(1, 50);
    const other = await gate.enter();
    const held: { release?: () => void; done?: boolean } = {};
    const late = new ExecutionBudget(50_000, 0, { enter: () => gate.enter(), held });
    late.spend(HEAVY_ANSWER_VALUES + 1);
    const waiting = late.admission()!;
    held.done = true;
    other();
    await waiting;
    expect(held.release).toBeUndefined();
    const again = await gate.enter();
    const starved = new ExecutionBudget(50_000, 0, { enter: () => gate.enter(), held: {} });
    starved.spend(HEAVY_ANSWER_VALUES + 1);
    await expect(starved.admission()).rejects.toThrow(/busy/);
    expect(starved.stoppedBy?.extensions.code).toBe('BUSY');
    again();
  });

  test('a list that grows with the data reads at most what the budget has left, and a known length is counted before it is read', () => {
    const budget = new ExecutionBudget(100, 0);
    budget.spend(40);
    expect(budget.rowLimit()).toBe(61);
    expect(() => budget.overflow()).toThrow(/HUB_MAX_ANSWER_FIELDS/);
    expect(() => budget.rowLimit()).toThrow(/HUB_MAX_ANSWER_FIELDS/);
    expect(new ExecutionBudget(0, 0).rowLimit()).toBeNull();
  });
});

describe('heavy-query gate', () => {
  test('admits up to its slots, then first come first served as slots come back', async () => {
    const gate = new HeavyQueryGate(2, 1000);
    const first = await gate.enter();
    await gate.enter();
    const order: number[] = [];
    const third = gate.enter().then((release) => (order.push(3), release));
    const fourth = gate.enter().then((release) => (order.push(4), release));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    first();
    first(); // giving back twice frees one slot only
    (await third)();
    await fourth;
    expect(order).toEqual([3, 4]);
  });

  test('a query that waits too long is answered 503 with Retry-After', async () => {
    const gate = new HeavyQueryGate(1, 20);
    await gate.enter();
    const error = await gate.enter().then(
      () => null,
      (e: { extensions: { code: string; http: { status: number; headers: Map<string, string> } } }) => e,
    );
    expect(error?.extensions.code).toBe('BUSY');
    expect(error?.extensions.http.status).toBe(503);
    expect(error?.extensions.http.headers.get('retry-after')).toBe('5');
  });
});
