// npm run bench:console [-- --runs 5]: the console's JavaScript (gzipped) and how long each page takes, from
// navigation to its main content on screen, in the Chromium of @sparticuz/chromium against a hub on the demo city.
import './quiet.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { startHub } from '../server/app.js';
import { CONSOLE_DIR } from '../server/core/console.js';
import { loadConfig } from '../server/core/config.js';
import { Role } from '../server/core/enums.js';
import { launchBrowser } from '../test/support/browser.js';
import { benchDatabase, gql, machine, percentile } from './support.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

const assets = path.join(CONSOLE_DIR, 'assets');
const files = (await readdir(assets)).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
const sizes = await Promise.all(
  files.map(async (f) => {
    const content = await readFile(path.join(assets, f));
    return { file: f, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  }),
);
const kB = (n: number) => (n / 1024).toFixed(1);
const js = sizes.filter((s) => s.file.endsWith('.js'));
console.log(`\nconsole bundle (web/dist/assets): ${sizes.map((s) => `${s.file} ${kB(s.raw)} kB, ${kB(s.gzip)} kB gzipped`).join('; ')}`);
console.log(`JavaScript shipped: ${kB(js.reduce((n, s) => n + s.gzip, 0))} kB gzipped (budget 300 kB)`);

const db = await benchDatabase(1, 'hub_bench_console');
const hub = await startHub(
  { ...loadConfig({}), port: 0, host: '127.0.0.1', databaseUrl: db.url, seed: 'none', rateLimitPerMinute: 0 },
  { log: () => undefined },
);
const browser = await launchBrowser();
try {
  const base = hub.url.replace(/\/graphql$/, '');
  const activity = (await gql(hub.url, db.tokens[Role.COORDINATOR], '{ activities(first: 1, filter: { text: "lektiecafé" }) { nodes { id } } }')).body.data
    .activities.nodes[0].id as string;
  // Each page and what shows that its main content is there.
  const pages: { path: string; as: Role; ready: string }[] = [
    { path: '/', as: Role.COORDINATOR, ready: 'section table tbody tr' },
    { path: '/activities', as: Role.COORDINATOR, ready: 'main table tbody tr' },
    { path: `/activities/${encodeURIComponent(activity)}`, as: Role.COORDINATOR, ready: 'ul.pairs > li' },
    { path: '/plans/VOL-OEST', as: Role.COORDINATOR, ready: 'figure.chart rect' },
    { path: '/overlaps', as: Role.COORDINATOR, ready: 'details.group' },
    { path: '/coverage', as: Role.COORDINATOR, ready: 'table.matrix tbody tr' },
    { path: '/newsletter', as: Role.READER, ready: 'article h3' },
    { path: '/activities/new', as: Role.PROJECT_LEAD, ready: 'form.activity-form input[type=checkbox]' },
    { path: `/activities/${encodeURIComponent(activity)}/rediger`, as: Role.COORDINATOR, ready: 'form.activity-form input[type=checkbox]' },
    { path: '/brugere', as: Role.ADMIN, ready: 'form input[type=checkbox]' },
    { path: '/importer', as: Role.PROJECT_LEAD, ready: 'select#import-plan' },
    { path: '/graphql', as: Role.COORDINATOR, ready: '.graphiql-execute-button' },
  ];
  const rows: string[] = [];
  const notes: string[] = [];
  for (const { path: at, as, ready } of pages) {
    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/login#token=${db.tokens[as]}`);
    await page.waitForURL(`${base}/`);
    const load: number[] = [];
    const inApp: number[] = [];
    let explorerBytes = 0;
    let first = true;
    page.on('response', (response) => {
      if (first && response.url().includes('/graphql-explorer/')) explorerBytes += Number(response.headers()['content-length'] ?? 0);
    });
    for (let i = 0; i < runs; i++) {
      // A full page load: the HTML, the bundle (from the browser's cache after the first run) and the page's queries.
      let t0 = performance.now();
      await page.goto(`${base}${at}`);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      load.push(performance.now() - t0);
      first = false;
      if (at === '/graphql') continue;
      // Navigation inside the console, as a link does it (the normalised cache may answer at once, then refreshes).
      await page.goto(`${base}/siden-findes-ikke`);
      await page.getByRole('heading', { name: 'Siden findes ikke' }).waitFor();
      // The router listens from its first effect, which runs just after the first paint.
      await page.waitForTimeout(200);
      t0 = performance.now();
      // What a console link does (router.tsx): push the address, tell the router. Runs in the page, typed without the DOM library.
      await page.evaluate(`history.pushState(null, '', ${JSON.stringify(at)}); dispatchEvent(new PopStateEvent('popstate'))`);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      inApp.push(performance.now() - t0);
    }
    const fmt = (xs: number[]) => (xs.length ? `${percentile(xs, 50).toFixed(0)} / ${Math.max(...xs).toFixed(0)}` : 'n/a');
    rows.push(`| ${at.replace(encodeURIComponent(activity), '<id>')} | ${as} | ${fmt(load)} | ${fmt(inApp)} |`);
    if (explorerBytes)
      notes.push(`the GraphQL explorer (ruru, only at /graphql) loaded ${kB(explorerBytes)} kB of files (brotli-compressed) on its first load`);
    await page.close();
  }
  console.log(`\nmain content visible after navigation, ms (median / worst of ${runs}), demo city, on ${machine()}`);
  console.log('| page | as | full page load | inside the console |\n|---|---|---|---|');
  console.log(rows.join('\n'));
  for (const note of notes) console.log(`\n${note}`);
} finally {
  await browser.close();
  await hub.stop();
  await db.stop();
}
