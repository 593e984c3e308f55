// type-graphql reads decorator metadata through the Reflect API: install it before any decorated class loads.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describeDatabaseUrl } from '../server/app.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/core/embedded-postgres.js';
import { migrate } from '../server/core/orm.js';
import { initOrm } from '../server/modules.js';
import { loadCity } from './load.js';

const USAGE = `Loads the demo city, or a city N times larger, into an empty database.

  npm run seed -- [--scale N] [--database-url URL | --data-dir DIR]

  --scale N          copies of the city's districts, plans and activities (default 1; 100 gives about 63,000 activities)
  --database-url URL PostgreSQL database to fill (default: DATABASE_URL); created when missing
  --data-dir DIR     or an embedded PostgreSQL kept in DIR (not the directory of a running hub)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

let args;
try {
  args = parseArgs({
    options: { scale: { type: 'string', default: '1' }, 'database-url': { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const scale = Number(args.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 1000) fail(`--scale must be a whole number from 1 to 1000, got "${args.scale}"`);

let embedded: EmbeddedDatabase | undefined;
let url = args['database-url'] ?? process.env.DATABASE_URL;
if (!url && args['data-dir']) {
  embedded = await startEmbeddedPostgres(args['data-dir']);
  url = embedded.url;
}
if (!url) fail('Say which database to fill: --database-url, DATABASE_URL or --data-dir.');

try {
  await ensureDatabase(url);
  const orm = await initOrm(url);
  try {
    await migrate(orm);
    const [row] = (await orm.em.fork().execute('select exists(select 1 from area) or exists(select 1 from plan) as used')) as { used: boolean }[];
    if (row?.used) {
      console.error(`${describeDatabaseUrl(url)} already holds data; the seed only fills an empty database.`);
      process.exitCode = 1;
    } else {
      const started = Date.now();
      const counts = await loadCity(orm.em.fork(), scale);
      console.log(
        `loaded ${counts.plans} plans and ${counts.activities} activities (scale ${scale}) into ${describeDatabaseUrl(url)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await orm.close();
  }
} finally {
  await embedded?.stop();
}
