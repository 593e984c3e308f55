import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadCitySeed } from '../seeds/load.js';
import { migrate } from '../server/core/orm.js';
import { initOrm } from '../server/modules.js';
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
  const found = (await orm.em
    .fork()
    .execute(
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

test('the default threshold separates true overlaps from near misses: precision and recall at least 0.95', () => {
  const truth = new Set(TRUE_PAIRS.map(([a, b]) => pairKey(a, b)));
  const predicted = new Set([...scores].filter(([, score]) => score >= DEFAULT_THRESHOLD).map(([key]) => key));
  const truePositives = [...predicted].filter((key) => truth.has(key)).length;
  const precision = truePositives / predicted.size;
  const recall = truePositives / truth.size;
  console.log(
    `overlap scoring at threshold ${DEFAULT_THRESHOLD}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
      `(${truePositives} of ${truth.size} true pairs found, ${predicted.size - truePositives} false alarms)`,
  );
  const missed = [...truth].filter((key) => !predicted.has(key));
  const wrong = [...predicted].filter((key) => !truth.has(key));
  if (missed.length || wrong.length) console.log(`missed: ${missed.join(' ')}; false alarms: ${wrong.map((k) => `${k} ${scores.get(k)}`).join(' ')}`);
  expect(precision).toBeGreaterThanOrEqual(0.95);
  expect(recall).toBeGreaterThanOrEqual(0.95);
});

test.each(TRUE_PAIRS.map(([a, b]) => ({ pair: `${a}/${b}` })))('true overlap $pair scores above the threshold', ({ pair }) => {
  const [a, b] = pair.split('/') as [string, string];
  expect(scores.get(pairKey(a, b)) ?? 0).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
});

test.each(NEAR_MISSES.map(({ pair, why }) => ({ pair: pair.join('/'), why })))('near miss $pair ($why) stays below the threshold', ({ pair }) => {
  const [a, b] = pair.split('/') as [string, string];
  expect(scores.get(pairKey(a, b)) ?? 0).toBeLessThan(DEFAULT_THRESHOLD);
});

test('the kind of work of a registration without a method is inferred from its words, stored with its confidence, and named in the reason', async () => {
  const em = orm.em.fork();
  const inferred = (await em.execute(
    `select a.title, m.code, a.inferred_confidence as confidence, a.inferred_words as words
     from activity a left join method m on m.id = a.inferred_method_id where a.method_id is null order by a.title`,
  )) as { title: string; code: string | null; confidence: number | null; words: string[] | null }[];
  const byTitle = new Map(inferred.map((row) => [row.title, row]));
  const expected: Record<string, string | null> = {
    'Lektiehjælp for 4.-6. klasse': 'lektiecafe',
    'Lektiecafeen i Nordhaven': 'lektiecafe',
    'Pigefodbold i Nordhaven': 'idraet',
    'Kvindeklubben i Nordhaven': 'kvindenetvaerk',
    'Gå-hold for ældre i Nordhaven': 'seniormotion',
    'Gadeplansteam i Østparken': 'gadeplan',
    'Jobvejledning i Nordparken': 'jobcafe',
    'Studievalg i Østparken': 'uddannelsesvejledning',
    'Forældrenetværk i Nordhaven': 'familiekursus',
    'CV-værksted for ledige': 'jobcafe',
    // Read as family work from 'famili' and 'forældre'; it still pairs with no course, for children is not the courses' group.
    'Familiecafé i Nordparken': 'familiekursus',
  };
  for (const [title, code] of Object.entries(expected)) expect(byTitle.get(title)?.code ?? null, title).toBe(code);
  const homework = byTitle.get('Lektiehjælp for 4.-6. klasse')!;
  expect(homework.confidence).toBeGreaterThanOrEqual(0.5);
  expect(homework.words).toEqual(expect.arrayContaining(['lektiehjælp']));
  const [pair] = (await em.execute(
    `select o.reasons from activity_overlap o join activity x on x.id = o.activity_a_id join activity y on y.id = o.activity_b_id
     where x.title = 'Lektiecafé i Nordparken' and y.title = 'Lektiehjælp for 4.-6. klasse'`,
  )) as { reasons: { kind: string; detail: string; detail_en: string }[] }[];
  const method = pair!.reasons.find((r) => r.kind === 'METHOD')!;
  // The words that decided, the most telling first.
  expect(method.detail).toMatch(
    /^samme metode, 'Lektiecafé' \(udledt af teksten\): 'Lektiecafé i Nordparken' har den valgt, og 'Lektiehjælp for 4\.-6\. klasse' nævner ordene? "lektiehjælp"(, "[^"]+"){0,2}$/,
  );
  expect(method.detail_en).toMatch(
    /^the same method, 'Lektiecafé' \(inferred from the text\): 'Lektiecafé i Nordparken' has chosen it, and 'Lektiehjælp for 4\.-6\. klasse' mentions the words? "lektiehjælp"(, "[^"]+"){0,2}$/,
  );
});
