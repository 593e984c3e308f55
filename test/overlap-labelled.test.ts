import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadCitySeed } from '../seeds/load.js';
import { initOrm, migrate } from '../server/core/orm.js';
import { DEFAULT_THRESHOLD, scoredPairsSql } from '../server/overlap/overlap.sql.js';
import { labelledCity, NEAR_MISSES, TRUE_PAIRS } from './fixtures/overlap-labelled.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let database: TestDatabase;
let orm: MikroORM;
const scores = new Map<string, number>();
const pairKey = (a: string, b: string) => [a, b].sort().join('/');

beforeAll(async () => {
  database = await createTestDatabase(inject('serverUrl'), { empty: true });
  orm = await initOrm(database.url);
  await migrate(orm);
  await loadCitySeed(orm.em.fork(), labelledCity());
  const found = (await orm.em.fork().execute(
    'select x.title as a, y.title as b, o.score from activity_overlap o join activity x on x.id = o.activity_a_id join activity y on y.id = o.activity_b_id',
  )) as { a: string; b: string; score: number }[];
  const keyOf = new Map(labelledCity().activities.map((a) => [a.title, a.key!]));
  for (const row of found) scores.set(pairKey(keyOf.get(row.a)!, keyOf.get(row.b)!), Number(row.score));
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

test("the scoring SQL holds no placeholder of its own (MikroORM's are question marks)", () => {
  expect(scoredPairsSql('select 1', { forward: true })).not.toContain('?');
});

test('the default threshold separates true overlaps from near misses: precision and recall at least 0.9', () => {
  const truth = new Set(TRUE_PAIRS.map(([a, b]) => pairKey(a, b)));
  const predicted = new Set([...scores].filter(([, score]) => score >= DEFAULT_THRESHOLD).map(([key]) => key));
  const truePositives = [...predicted].filter((key) => truth.has(key)).length;
  const precision = truePositives / predicted.size;
  const recall = truePositives / truth.size;
  console.log(`overlap scoring at threshold ${DEFAULT_THRESHOLD}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
    `(${truePositives} of ${truth.size} true pairs found, ${predicted.size - truePositives} false alarms)`);
  expect(precision).toBeGreaterThanOrEqual(0.9);
  expect(recall).toBeGreaterThanOrEqual(0.9);
});

test.each(TRUE_PAIRS.map(([a, b]) => ({ pair: `${a}/${b}` })))('true overlap $pair scores above the threshold', ({ pair }) => {
  const [a, b] = pair.split('/') as [string, string];
  expect(scores.get(pairKey(a, b)) ?? 0).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
});

test.each(NEAR_MISSES.map(({ pair, why }) => ({ pair: pair.join('/'), why })))('near miss $pair ($why) stays below the threshold', ({ pair }) => {
  const [a, b] = pair.split('/') as [string, string];
  expect(scores.get(pairKey(a, b)) ?? 0).toBeLessThan(DEFAULT_THRESHOLD);
});
