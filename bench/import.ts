// npm run bench:import [-- --rows 700]: how long importing a city's sheet takes over HTTP as a coordinator: a dry run, the import
// itself (new activities across the plans, one overlap refresh), the same file again (all unchanged), and the exports.
import './quiet.js';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { startHub } from '../server/app.js';
import { loadConfig } from '../server/core/config.js';
import { Role } from '../server/core/enums.js';
import { benchDatabase, gql, machine } from './support.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '700' } } });
const wanted = Number(values.rows);

const IMPORT = `mutation($input: ImportActivitiesInput!) { importActivities(input: $input) {
  report { written created updated unchanged failed rows { status similarCount errors { column message } } } userErrors { message } } }`;

const db = await benchDatabase(1, 'hub_bench_import');
const hub = await startHub(
  { ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: db.url, seed: 'none', rateLimitPerMinute: 0 },
  { log: () => undefined },
);
const token = db.tokens[Role.COORDINATOR];
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
};
const download = (path: string) => fetch(new URL(path, hub.url), { headers: { authorization: `Bearer ${token}` } });

try {
  const [csvText, csvSeconds] = await timed(async () => Buffer.from(await (await download('/export/activities.csv')).arrayBuffer()).toString('utf8'));
  const [xlsx, xlsxSeconds] = await timed(async () => Buffer.from(await (await download('/export/activities.xlsx')).arrayBuffer()));
  const [, hsdsSeconds] = await timed(async () => (await download('/export/hsds')).text());
  const [header, ...exported] = parse(csvText, { delimiter: ';', bom: true }) as string[][];
  // New activities: the city's own rows without their id and reference, under new titles, until the sheet has the rows asked for.
  const fresh: string[][] = [];
  for (let i = 0; fresh.length < wanted; i++) {
    const cells = [...exported[i % exported.length]!];
    cells[0] = '';
    cells[2] = '';
    cells[3] = `${cells[3]} (import ${Math.floor(i / exported.length) + 1})`;
    fresh.push(cells);
  }
  const sheet = stringify([header!, ...fresh], { delimiter: ';', record_delimiter: '\r\n' });
  const run = async (content: string, format: string, dryRun: boolean) => {
    const [response, seconds] = await timed(() => gql(hub.url, token, IMPORT, { input: { format, content, dryRun } }));
    const payload = response.body?.data?.importActivities;
    if (!payload || payload.userErrors.length) throw new Error(JSON.stringify(response.body).slice(0, 500));
    const { written, created, updated, unchanged, failed } = payload.report;
    if (failed) throw new Error(`rows failed: ${JSON.stringify(payload.report.rows.find((r: { errors: unknown[] }) => r.errors.length))}`);
    return { seconds, summary: `${created} new, ${updated} changed, ${unchanged} unchanged, written ${written}` };
  };
  const dry = await run(sheet, 'CSV', true);
  const real = await run(sheet, 'CSV', false);
  const again = await run(sheet, 'CSV', false);
  const roundTrip = await run(xlsx.toString('base64'), 'XLSX', false);
  const figures: [string, number, string][] = [
    [`export CSV (${exported.length} activities)`, csvSeconds, `${Math.round(csvText.length / 1024)} KB`],
    [`export XLSX (${exported.length} activities)`, xlsxSeconds, `${Math.round(xlsx.length / 1024)} KB`],
    ['export HSDS', hsdsSeconds, ''],
    [`import CSV, dry run (${wanted} rows)`, dry.seconds, dry.summary],
    [`import CSV (${wanted} rows)`, real.seconds, real.summary],
    [`same file again (${wanted} rows)`, again.seconds, again.summary],
    [`exported XLSX back (${exported.length} rows)`, roundTrip.seconds, roundTrip.summary],
  ];
  console.log(`bench:import on ${machine()}, demo city x1 (${db.facts.activities} activities before)`);
  console.log('| step | seconds | result |\n|---|---:|---|');
  for (const [step, seconds, result] of figures) console.log(`| ${step} | ${seconds.toFixed(2)} | ${result} |`);
} finally {
  await hub.stop();
  await db.stop();
}
