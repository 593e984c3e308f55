// Precision and recall of the stored overlap pairs against a labelled city: shared by the labelled tests and npm run eval:overlap.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CitySeed } from '../../seeds/demo-city.js';
import { loadCitySeed } from '../../seeds/load.js';
import { DEFAULT_THRESHOLD } from '../../server/overlap/overlap.sql.js';

export interface Evaluation {
  precision: number;
  recall: number;
  truePairs: number;
  found: number;
  falseAlarms: number;
  /** True pairs below the threshold, with their score (0 when not stored at all) and what each activity says. */
  missed: { pair: string; score: number; titles: [string, string]; kinds: [string, string] }[];
  /** Pairs above the threshold that are not true. */
  wrong: { pair: string; score: number; titles: [string, string] }[];
}

const pairKey = (a: string, b: string) => [a, b].sort().join('/');

/** Loads `city` into an empty, migrated database and compares its stored pairs with `truePairs` (keys of activities). */
export async function evaluateCity(em: EntityManager, city: CitySeed, truePairs: readonly [string, string][]): Promise<Evaluation> {
  await loadCitySeed(em.fork(), city);
  const rows = (await em
    .fork()
    .execute(
      'select x.title as a, y.title as b, o.score from activity_overlap o join activity x on x.id = o.activity_a_id join activity y on y.id = o.activity_b_id',
    )) as { a: string; b: string; score: number }[];
  const keyOf = new Map(city.activities.map((a) => [a.title, a.key!]));
  const titleOf = new Map(city.activities.map((a) => [a.key!, a.title]));
  const scores = new Map<string, number>();
  for (const row of rows) scores.set(pairKey(keyOf.get(row.a)!, keyOf.get(row.b)!), Number(row.score));
  // The kind each activity was given: its method, else the inferred one (from 0.5), else "-".
  const kinds = new Map(
    (
      (await em.fork().execute(
        `select a.title, coalesce(m.code, case when a.inferred_confidence >= 0.5 then i.code end, '-') as kind
           from activity a left join method m on m.id = a.method_id left join method i on i.id = a.inferred_method_id`,
      )) as { title: string; kind: string }[]
    ).map((row) => [keyOf.get(row.title)!, row.kind]),
  );
  const truth = new Set(truePairs.map(([a, b]) => pairKey(a, b)));
  const predicted = new Set([...scores].filter(([, score]) => score >= DEFAULT_THRESHOLD).map(([key]) => key));
  const found = [...predicted].filter((key) => truth.has(key)).length;
  const split = (key: string) => key.split('/') as [string, string];
  return {
    precision: predicted.size ? found / predicted.size : 1,
    recall: truth.size ? found / truth.size : 1,
    truePairs: truth.size,
    found,
    falseAlarms: predicted.size - found,
    missed: [...truth]
      .filter((key) => !predicted.has(key))
      .map((key) => {
        const [a, b] = split(key);
        return { pair: key, score: scores.get(key) ?? 0, titles: [titleOf.get(a)!, titleOf.get(b)!], kinds: [kinds.get(a) ?? '?', kinds.get(b) ?? '?'] };
      }),
    wrong: [...predicted]
      .filter((key) => !truth.has(key))
      .map((key) => {
        const [a, b] = split(key);
        return { pair: key, score: scores.get(key)!, titles: [titleOf.get(a)!, titleOf.get(b)!] };
      }),
  };
}
