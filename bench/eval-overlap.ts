// npm run eval:overlap [-- --seed 1,2,3 --phrasings all|tune]: the overlap model's precision and recall, with its misses,
// on the hand-written labelled set (test/fixtures/overlap-labelled.ts) and on generated cities whose method catalogue
// has no keywords (test/fixtures/generated-city.ts), each in a scratch database of its own.
import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from '../server/core/embedded-postgres.js';
import { migrate } from '../server/core/orm.js';
import { initOrm } from '../server/modules.js';
import { DEFAULT_THRESHOLD } from '../server/overlap/overlap.sql.js';
import { generatedCity } from '../test/fixtures/generated-city.js';
import { labelledCity, TRUE_PAIRS } from '../test/fixtures/overlap-labelled.js';
import { evaluateCity, type Evaluation } from '../test/support/overlap-eval.js';
import type { CitySeed } from '../seeds/demo-city.js';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1,2,3' }, phrasings: { type: 'string', default: 'all' } } });
const seeds = values.seed.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s))) throw new Error(`--seed takes whole numbers separated by commas, got "${values.seed}"`);
if (values.phrasings !== 'all' && values.phrasings !== 'tune') throw new Error(`--phrasings is "all" or "tune", got "${values.phrasings}"`);

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-eval-'));
const server = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres(dataDir);
const serverUrl = process.env.BENCH_DATABASE_URL ?? server!.url;

async function evaluate(name: string, city: CitySeed, truePairs: readonly [string, string][]): Promise<Evaluation> {
  const admin = new pg.Client({ connectionString: serverUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const orm = await initOrm(serverUrl.replace(/\/[^/]*$/, `/${name}`));
  try {
    await migrate(orm);
    return await evaluateCity(orm.em, city, truePairs);
  } finally {
    await orm.close();
  }
}

function report(label: string, result: Evaluation): void {
  console.log(
    `\n${label}: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)} ` +
      `(${result.found} of ${result.truePairs} true pairs found at ${DEFAULT_THRESHOLD}, ${result.falseAlarms} false alarms)`,
  );
  for (const m of result.missed) console.log(`  missed ${m.score.toFixed(3)}  ${m.titles[0]} [${m.kinds[0]}] / ${m.titles[1]} [${m.kinds[1]}]`);
  for (const w of result.wrong) console.log(`  false  ${w.score.toFixed(3)}  ${w.titles[0]} / ${w.titles[1]}`);
}

try {
  report('labelled set (hand-written, the demo keywords)', await evaluate('hub_eval_labelled', labelledCity(), TRUE_PAIRS));
  const totals = { found: 0, truePairs: 0, predicted: 0 };
  for (const seed of seeds) {
    const generated = generatedCity(seed, { phrasings: values.phrasings as 'all' | 'tune' });
    const result = await evaluate(`hub_eval_seed_${seed}`, generated.city, generated.truePairs);
    const withoutMethod = generated.activities.filter((a) => !a.method).length;
    report(`generated city, seed ${seed} (${generated.activities.length} activities, ${withoutMethod} without a method, no keywords)`, result);
    totals.found += result.found;
    totals.truePairs += result.truePairs;
    totals.predicted += result.found + result.falseAlarms;
  }
  console.log(
    `\ngenerated cities together: precision ${(totals.found / Math.max(1, totals.predicted)).toFixed(3)}, recall ${(totals.found / Math.max(1, totals.truePairs)).toFixed(3)}`,
  );
} finally {
  await server?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
