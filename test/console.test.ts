import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONSOLE_DIR } from '../server/core/console.js';
import { Role } from '../server/core/enums.js';
import { toGlobalId } from '../server/core/global-id.js';
import { accessibilityProblems, launchBrowser, openPage } from './support/browser.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
let browser: Browser;
let base: string;
beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
  base = t.hub.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('the console is built by npm install and served by the hub itself, each page at its own URL, with no outside source allowed', async () => {
  expect(existsSync(`${CONSOLE_DIR}index.html`)).toBe(true);
  for (const path of ['/', '/login', '/overlaps', '/plans/VOL-OEST']) {
    const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('<div id="app">');
  }
  const html = await (await fetch(`${base}/`, { headers: { accept: 'text/html' } })).text();
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  const asset = await fetch(`${base}${script}`);
  expect(asset.headers.get('content-type')).toContain('javascript');
  expect(asset.headers.get('cache-control')).toContain('immutable');
  expect(html).not.toMatch(/https?:\/\//);
  expect((await fetch(`${base}/assets/../../package.json`)).status).toBe(404);
  expect((await fetch(`${base}/assets/%E0%A4%A.js`)).status).toBe(404);
});

test('signing in by invitation link: the token leaves the address bar, the overview shows the city in Danish, signing out returns to the login page', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page
    .getByRole('heading', { name: 'Overblik' })
    .waitFor({ timeout: 10_000 })
    .catch((error) => {
      throw new Error(`${error.message}\n${errors.join('\n')}\n${page.url()}`);
    });
  expect(page.url()).toBe(`${base}/`);
  const figures = await page.getByRole('list', { name: 'Nøgletal' }).innerText();
  expect(figures).toMatch(/aktive helhedsplaner/);
  expect(figures).toMatch(/overlap uden beslutning/);
  await page.getByRole('heading', { name: 'Største overlap efter bydel og type arbejde' }).waitFor();
  expect(await page.locator('table').first().innerText()).toContain('Vollsmose: Lektiecafé');
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('heading', { name: 'Log ind' }).waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('hub-token'))).toBeNull();
  await page.close();
});

test('an invitation link for another user asks before it switches a signed-in session; `next` only ever leads inside the console', async () => {
  const { page, errors } = await openPage(browser);
  const coordinator = t.users[Role.COORDINATOR].token;
  await page.goto(`${base}/login#token=${coordinator}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  // A link someone else sent (login CSRF) does not change who is signed in without asking.
  await page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await page.getByRole('heading', { name: 'Skift bruger?' }).waitFor();
  expect(await page.locator('main').innerText()).toMatch(/Du er logget ind som Test coordinator\. Invitationslinket logger ind som Test reader\./);
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('button', { name: 'Bliv logget ind som Test coordinator' }).click();
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('hub-token'))).toBe(coordinator);
  await page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await page.getByRole('button', { name: 'Log ind som Test reader' }).click();
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('hub-token'))).toBe(t.users[Role.READER].token);
  // The same user's own link signs in without a question.
  await page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  // Addresses a browser would read as another site are ignored: the overview instead, and no error.
  for (const next of ['/\\127.0.0.2:9/x', '//127.0.0.2:9/x', '/\t/127.0.0.2/x', 'javascript:alert(1)', 'https://example.org/']) {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${base}/login?next=${encodeURIComponent(next)}#token=${coordinator}`);
    await page
      .getByRole('heading', { name: 'Overblik' })
      .waitFor()
      .catch(async (error) => {
        throw new Error(`${next}: ${error.message}\n${errors.join('\n')}\n${page.url()}\n${await page.content()}`);
      });
    expect(page.url(), next).toBe(`${base}/`);
  }
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${base}/login?next=${encodeURIComponent('/plans/VOL-OEST?x=1')}#token=${coordinator}`);
  await page.waitForURL(`${base}/plans/VOL-OEST?x=1`);
  expect(errors).toEqual([]);
  await page.close();
});

test('a token no longer valid and a lost connection are said plainly in Danish where the page shows its content', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login`);
  await page.evaluate(() =>
    (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('hub-token', 'hub_tilbagekaldt'),
  );
  await page.goto(`${base}/activities`);
  await page.getByRole('alert').filter({ hasText: 'Du er ikke logget ind, eller din nøgle er ikke længere gyldig. Log ind igen.' }).first().waitFor();
  await page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Ingen forbindelse til hubben. Tjek netværket, og prøv igen.' }).first().waitFor();
  expect(errors.filter((e) => !/401|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
  await page.close();
});

test('a wrong key is refused in plain Danish beside the field; the page works by keyboard and passes axe', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login`);
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.type('forkert-nøgle');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain('Nøglen blev ikke godkendt');
  expect(await page.getByLabel('Nøgle').getAttribute('aria-invalid')).toBe('true');
  await page.getByLabel('Nøgle').fill(t.users[Role.READER].token);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
  await page.close();
});

test('the administrator invites a project lead: plans to pick, Danish errors beside the fields, and a link that signs the new user in', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.ADMIN].token}`);
  await page.getByRole('link', { name: 'Brugere' }).click();
  await page.getByRole('heading', { name: 'Brugere', exact: true }).waitFor();
  expect(page.url()).toBe(`${base}/brugere`);
  await page.getByRole('checkbox').first().waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);

  await page.getByRole('button', { name: 'Opret bruger' }).click();
  await page.getByText('Skriv brugerens navn').waitFor();
  expect(await page.getByText('En projektleder skal have mindst én helhedsplan').count()).toBe(1);
  expect(await page.getByLabel('Navn').getAttribute('aria-invalid')).toBe('true');

  await page.getByLabel('Navn').fill('Sara Holm');
  await page.getByLabel('Projektleder').check();
  await page.getByLabel('Vollsmose Øst', { exact: false }).first().check();
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  const link = page.getByRole('textbox', { name: 'Invitationslink' });
  await link.waitFor();
  const url = await link.inputValue();
  expect(url).toMatch(new RegExp(`^${base}/login#token=hub_`));
  expect(errors).toEqual([]);

  const invited = await openPage(browser);
  await invited.page.goto(url);
  // A project lead lands on their own work.
  await invited.page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  await invited.page.getByRole('banner').getByText('Sara Holm (projektleder)').waitFor();
  expect(await invited.page.getByRole('link', { name: 'Brugere' }).count()).toBe(0);

  // Revoked from the list: her open console is refused at its next request; a new link gives her access again.
  page.on('dialog', (dialog) => void dialog.accept());
  const row = page.getByRole('row', { name: /Sara Holm/ });
  // The administrator's own row offers no way to lock themselves out; everyone shows when they last used the hub.
  const own = page.getByRole('row', { name: /^Test admin/ });
  await own.getByRole('button', { name: /^Nyt link/ }).waitFor();
  expect(await own.innerText()).toMatch(/\d{4}/);
  expect(await page.getByRole('columnheader', { name: 'Sidst aktiv' }).count()).toBe(1);
  expect(await own.getByRole('button', { name: /^Spær adgang/ }).count()).toBe(0);
  await row.getByRole('button', { name: 'Spær adgang for Sara Holm' }).click();
  await page.getByRole('status').filter({ hasText: 'Sara Holms adgang er spærret.' }).waitFor();
  await row.getByText('Spærret').waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  await invited.page.getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await invited.page.getByText('din nøgle er ikke længere gyldig').first().waitFor();
  await row.getByRole('button', { name: 'Giv adgang igen til Sara Holm' }).click();
  await page.getByRole('status').filter({ hasText: 'Nyt invitationslink til Sara Holm' }).waitFor();
  const renewed = await page.getByRole('textbox', { name: 'Invitationslink' }).inputValue();
  expect(renewed).not.toBe(url);
  await invited.page.goto(renewed);
  await invited.page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();

  // Her plans, changed in place: none at all is refused in the hub's Danish words; another plan is saved.
  await row.getByRole('button', { name: 'Ret Sara Holms helhedsplaner' }).click();
  const editor = row.getByRole('group', { name: 'Sara Holms helhedsplaner' });
  const checked = editor.locator('input[type=checkbox]:checked');
  await checked.first().waitFor();
  for (const box of await checked.all()) await box.uncheck();
  await editor.getByRole('button', { name: 'Gem helhedsplaner' }).click();
  await page.getByRole('status').filter({ hasText: 'Sara Holms helhedsplaner blev ikke gemt: En projektleder skal have mindst én helhedsplan' }).waitFor();
  const two = editor.locator('input[type=checkbox]');
  await two.nth(0).check();
  await two.nth(1).check();
  const names = await editor.locator('label').evaluateAll((labels) => labels.slice(0, 2).map((l) => l.textContent));
  await editor.getByRole('button', { name: 'Gem helhedsplaner' }).click();
  await page.getByRole('status').filter({ hasText: 'Sara Holms helhedsplaner er gemt.' }).waitFor();
  for (const name of names) await row.getByText(name!, { exact: false }).first().waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
  await invited.page.close();
  await page.close();
});

test('the coordinator reviews an overlap on the board: groups to open, pairs side by side with Danish reasons, a decision that sticks, a CSV to export', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('link', { name: 'Overlap', exact: true }).click();
  await page.getByRole('heading', { name: 'Overlap' }).waitFor();
  await page.getByLabel('Bydel').selectOption({ label: 'Vollsmose' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await page.waitForURL(/\/overlaps\?by=AREA_AND_KIND&area=/);
  const group = page.locator('details.group', { hasText: 'Vollsmose: Lektiecafé' });
  await group.locator('summary').click();
  const pair = group.locator('li.pair').first();
  await pair.waitFor();
  expect(await pair.locator('.activity').count()).toBe(2);
  expect(await pair.locator('.reasons').innerText()).toMatch(/begge bruger metoden 'Lektiecafé'/);
  expect(await accessibilityProblems(page)).toEqual([]);
  const titles = await pair.locator('.activity h3').allInnerTexts();

  await pair.getByLabel('Note').fill('Fælles lektiecafé fra januar');
  await pair.getByRole('button', { name: 'Koordineret' }).click();
  await page.getByLabel('Vis også par med beslutning').check();
  await page.getByRole('button', { name: 'Vis' }).click();
  const decided = page.locator('li.pair', { hasText: titles[0]! }).filter({ hasText: titles[1]! }).filter({ hasText: 'beslutning: koordineret' });
  const again = page.locator('details.group', { hasText: 'Vollsmose: Lektiecafé' });
  if ((await again.getAttribute('open')) === null) await again.locator('summary').click();
  await decided.first().waitFor();
  expect(await decided.first().innerText()).toContain('(Test coordinator)');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    let text = '';
    for await (const chunk of stream) text += chunk;
    return text;
  });
  expect(csv.split('\r\n')[0]).toBe('\ufeff"Aktivitet A";"Helhedsplan A";"Aktivitet B";"Helhedsplan B";"Score";"Beslutning";"Begrundelser"');
  expect(csv).toContain('"koordineret"');
  // The page says how many pairs the file holds: every one the filter finds.
  const said = await page
    .getByRole('status')
    .filter({ hasText: /^Filen er hentet: \d+ par, alle dem filteret finder\.$/ })
    .innerText();
  expect(Number(said.match(/\d+/)![0])).toBe(csv.split('\r\n').filter(Boolean).length - 1);

  // The kind of work, from a shared link: only groups of that kind.
  const homework = await t.idOf('Method', "select id from method where code = 'lektiecafe'");
  await page.goto(`${base}/overlaps?by=AREA_AND_KIND&kind=${encodeURIComponent(homework)}`);
  await page.locator('details.group').first().waitFor();
  expect(await page.getByLabel('Type arbejde').locator('option:checked').innerText()).toBe('Lektiecafé');
  const labels = await page.locator('details.group summary strong').allInnerTexts();
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.every((label) => label.endsWith(': Lektiecafé'))).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test('the coverage map: areas by target groups with gaps marked in words, a theme to pick, and a cell that opens its activities', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('link', { name: 'Dækning', exact: true }).click();
  await page.getByRole('heading', { name: 'Dækning' }).waitFor();
  await page.getByRole('rowheader', { name: 'Vollsmose' }).waitFor();
  expect(await page.getByRole('button', { name: /^hul: .*ingen aktiviteter$/ }).count()).toBeGreaterThan(0);
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('button', { name: /^\d+: Vollsmose, Skolebørn 6-12, aktiviteter$/ }).click();
  const panel = page.getByRole('region', { name: 'Vollsmose: Skolebørn 6-12' });
  await panel.getByRole('listitem').first().waitFor();
  expect(await panel.innerText()).toMatch(/Lektie/i);
  // A gap's answer opens in view, with focus, and offers the activities registered under another group ("Mødre" finds the bydelsmødre).
  expect(await page.getByText('Hvad tæller i et felt?').count()).toBe(1);
  await page.getByRole('button', { name: /^hul: Vollsmose, Mødre, ingen aktiviteter$/ }).click();
  const gap = page.getByRole('region', { name: 'Vollsmose: Mødre' });
  await gap.getByText(/^Ingen aktiviteter i gang her i dag/).waitFor();
  expect(await gap.evaluate((el) => el === (globalThis as any).document.activeElement)).toBe(true);
  const box = (await gap.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(page.viewportSize()!.height);
  // The bydelsmødre, registered for another group, are named in the gap's answer as a likely matter of tagging.
  await gap.getByText(/^Men \d+ aktiviteter? i gang her nævner »Mødre« i titel eller beskrivelse og er registreret under en anden målgruppe\./).waitFor();
  expect((await gap.getByRole('listitem').allInnerTexts()).some((title) => /Bydelsmødre/.test(title))).toBe(true);
  expect(await accessibilityProblems(page)).toEqual([]);
  await gap.getByRole('link', { name: /^(Se alle \d+|Se dem) blandt aktiviteterne i Vollsmose$/ }).click();
  await page.getByRole('heading', { name: 'Aktiviteter', level: 1 }).waitFor();
  await page.locator('tbody tr').first().waitFor();
  expect((await page.locator('tbody tr td:first-child').allInnerTexts()).some((title) => /Bydelsmødre/.test(title))).toBe(true);
  await page.goBack();
  await page.getByRole('rowheader', { name: 'Vollsmose' }).waitFor();
  await page.getByLabel('Indsatsområde').selectOption({ label: 'Uddannelse og livschancer' });
  await page.getByLabel('Områder').selectOption({ label: 'Boligområder' });
  await page.getByRole('rowheader', { name: 'Bøgeparken' }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test('the reader previews the newsletter of a period, in Danish, and copies it as the same HTML the newsletter command writes', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await page.getByRole('link', { name: 'Nyhedsbrev', exact: true }).click();
  await page.getByLabel('Fra', { exact: true }).fill('2026-10-23');
  await page.getByLabel('Til og med').fill('2026-11-22');
  const draft = page.getByRole('article', { name: 'Nyt fra de boligsociale helhedsplaner' });
  await draft.getByRole('heading', { level: 3 }).first().waitFor();
  expect(await draft.innerText()).toContain('Perioden 23. oktober 2026 til 22. november 2026');
  expect(await accessibilityProblems(page)).toEqual([]);
  // What the console hands to the clipboard, caught in the page (a headless browser's clipboard depends on focus).
  await page.evaluate(() => {
    const w = globalThis as unknown as { copied: string; navigator: { clipboard: { writeText(text: string): Promise<void> } } };
    w.navigator.clipboard.writeText = async (text: string) => void (w.copied = text);
  });
  await page.getByRole('button', { name: 'Kopiér HTML' }).click();
  await page.getByRole('status').waitFor();
  expect(await page.getByRole('status').innerText()).toContain('HTML kopieret');
  const html = await page.evaluate(() => (globalThis as unknown as { copied: string }).copied);
  expect(html).toMatch(/^<!DOCTYPE html>/);
  const headings = await draft.getByRole('heading', { level: 4 }).allInnerTexts();
  expect(headings.length).toBeGreaterThan(0);
  for (const heading of headings) expect(html).toContain(heading.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
  // Line for line what the copied HTML lists: no line shown twice or left out (entries of one title once repeated a line).
  const unescape = (text: string) =>
    text
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  expect(await draft.locator('li').allInnerTexts()).toEqual([...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => unescape(m[1]!)));
  expect(errors).toEqual([]);
  await page.close();
});

test('the GraphQL explorer at /graphql comes from the hub itself, asks a signed-out browser to sign in first, and queries with the signed-in token', async () => {
  const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
  const html = await response.text();
  expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(html).toContain('/graphql-explorer/ruru.js');
  expect(html).not.toMatch(/https?:\/\//);
  // The real policy (not bypassed): every script and worker of the explorer must run under it.
  const context = await browser.newContext({ locale: 'da-DK' });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  page.on('request', (request) => void (!/^(blob|data):/.test(request.url()) && !request.url().startsWith(base) && outside.push(request.url())));
  await page.goto(`${base}/graphql`);
  await page.waitForURL(`${base}/login?next=%2Fgraphql`);
  await page.getByLabel('Nøgle').fill(t.users[Role.COORDINATOR].token);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${base}/graphql`);
  // The editor loads lazily and a run before it holds the query does nothing: wait for the query, and run again if nothing came.
  await page.locator('.graphiql-query-editor', { hasText: 'viewer' }).waitFor({ timeout: 30_000 });
  const answered = page.locator('.result-window', { hasText: '"role": "COORDINATOR"' });
  for (let attempt = 0; attempt < 4 && !(await answered.isVisible()); attempt++) {
    await page.locator('.graphiql-execute-button[aria-label^="Execute"]').click({ timeout: 15_000 });
    await answered.waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  expect((await page.locator('.result-window').innerText()).replace(/\u00a0/g, ' ')).toContain('"role": "COORDINATOR"');
  // The editor writes spaces as no-break spaces.
  expect((await page.locator('.result-window').innerText()).replace(/\u00a0/g, ' ')).toContain('"name": "Test coordinator"');
  // Whose key it uses, never the key itself; and a way back to the console.
  await page.getByText('Logget ind som Test coordinator (koordinator)').waitFor();
  await page
    .getByRole('button', { name: /headers/i })
    .first()
    .click()
    .catch(() => undefined);
  expect(await page.locator('body').innerText()).not.toContain(t.users[Role.COORDINATOR].token);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  await page.getByRole('link', { name: '← Tilbage til konsollen' }).click();
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  // Only the page: Chromium runs as one process here, and closing a whole context can take the browser with it.
  await page.close();
  // axe needs its script injected, which the explorer's policy rightly refuses: checked in a page that bypasses it.
  const checked = await openPage(browser);
  await checked.page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await checked.page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await checked.page.getByRole('link', { name: 'GraphQL' }).click();
  await checked.page.locator('.graphiql-execute-button').waitFor({ timeout: 15_000 });
  // GraphiQL's own tab list nests its close button inside the tab (upstream); nothing else may be found.
  expect((await accessibilityProblems(checked.page)).filter((p) => !/^nested-interactive: (li|\.graphiql-tab)/.test(p))).toEqual([]);
  await checked.page.close();
}, 60_000);

test('activities: search and filters kept in the URL, columns to sort, and an activity with its overlaps, experiences, indicators and evaluations', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  const count = page.getByText(/^\d+ aktiviteter/);
  await count.waitFor();
  const all = Number((await count.innerText()).split(' ')[0]);
  await page.getByLabel('Søg i titel og beskrivelse').fill('lektie');
  await page.getByLabel('Metode').selectOption({ label: 'Lektiecafé' });
  await page.getByRole('button', { name: 'Søg' }).click();
  await page.waitForURL(/\/activities\?text=lektie&method=/);
  await page.getByText(`${all} aktiviteter`).waitFor({ state: 'detached' });
  const found = Number((await count.innerText()).split(' ')[0]);
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(all);
  const methods = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(new Set(methods)).toEqual(new Set(['Lektiecafé']));
  await page.getByRole('button', { name: 'Aktivitet' }).click();
  expect(await page.getByRole('columnheader', { name: /Aktivitet/ }).getAttribute('aria-sort')).toBe('descending');
  const titles = await page.locator('tbody tr td:first-child').allInnerTexts();
  expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, 'da-DK', { numeric: true })));
  expect(await accessibilityProblems(page)).toEqual([]);

  // A shared link opens the same list.
  const shared = page.url();
  await page.goto(shared);
  await page.getByText(`${found} aktiviteter`, { exact: false }).waitFor();

  await page.goto(`${base}/activities?text=Lektiecaf%C3%A9%20i%20Vollsmose`);
  await page.getByRole('link', { name: 'Lektiecafé i Vollsmose', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Lektiecafé i Vollsmose', level: 1 }).waitFor();
  expect(page.url()).toMatch(/\/activities\/[A-Za-z0-9=%]+$/);
  for (const section of ['Overlap med andre aktiviteter', 'Erfaringer', 'Succeskriterier', 'Evalueringer']) {
    await page.getByRole('heading', { name: section, level: 2 }).waitFor();
  }
  expect(await page.locator('ul.pairs > li').count()).toBeGreaterThan(0);
  expect(await page.getByRole('link', { name: 'Redigér aktiviteten' }).count()).toBe(1);
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test("the method an activity's words point to is confirmed from its page by one who may edit it", async () => {
  const [row] = (await t.hub.orm.em
    .fork()
    .execute(
      'select a.id, m.name from activity a join method m on m.id = a.inferred_method_id where a.method_id is null and a.inferred_confidence >= 0.5 and not a.archived order by a.id limit 1',
    )) as { id: number; name: string }[];
  const id = toGlobalId('Activity', row!.id);
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await page.goto(`${base}/activities/${encodeURIComponent(id)}`);
  await page.getByText(`tyder på metoden ${row!.name}`).waitFor();
  await page.getByRole('button', { name: `Bekræft: ${row!.name}` }).click();
  await page.getByRole('button', { name: `Bekræft: ${row!.name}` }).waitFor({ state: 'detached' });
  await page
    .getByRole('status')
    .filter({ hasText: `Metoden er bekræftet: ${row!.name}.` })
    .waitFor();
  expect(await page.locator('dl.facts dd').first().innerText()).toBe(row!.name);
  expect(errors).toEqual([]);
  await page.close();
});

test("a plan's page: steering group and meetings, overdue follow-ups, success criteria as bars with their figures, inquiries per month as a chart", async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await page.goto(`${base}/plans/VOL-OEST`);
  await page.getByRole('heading', { name: 'Helhedsplan Vollsmose Øst', level: 1 }).waitFor();
  await page.getByRole('heading', { name: /^Styregruppe/ }).waitFor();
  const bars = page.getByRole('progressbar');
  expect(await bars.count()).toBeGreaterThan(0);
  expect(await bars.first().getAttribute('aria-valuetext')).toMatch(/procent af vejen|ikke beregnet/);
  await page.getByRole('img', { name: /Henvendelser pr. måned/ }).waitFor();
  expect(await page.locator('figure.chart rect').count()).toBeGreaterThan(0);
  expect(await page.getByRole('table', { name: 'Henvendelser pr. måned' }).locator('tbody tr').count()).toBe(await page.locator('figure.chart rect').count());
  const overdue = page.getByRole('region', { name: 'Opfølgningspunkter over tid' });
  expect(await overdue.innerText()).toMatch(/Frist|Ingen opfølgningspunkter er over tid/);
  await page.locator('details.group summary').first().click();
  await page.getByRole('heading', { name: 'Dagsorden', level: 4 }).first().waitFor();
  expect(await page.getByRole('link', { name: 'Redigér aktiviteten' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /^(Markér som udført|Registrér en måling)/ }).count()).toBe(0);
  expect(await accessibilityProblems(page)).toEqual([]);
  // A coordinator marks an overdue follow-up done from here; it leaves the overdue list.
  const coordinator = await openPage(browser);
  await coordinator.page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await coordinator.page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await coordinator.page.goto(`${base}/plans/SKK`);
  const late = coordinator.page.getByRole('region', { name: 'Opfølgningspunkter over tid' });
  const done = late.getByRole('button', { name: /^Markér som udført: / }).first();
  await done.waitFor();
  const item = (await done.getAttribute('aria-label'))!.replace('Markér som udført: ', '');
  const lateBefore = await late.locator('tbody tr').count();
  await done.click();
  await coordinator.page
    .getByRole('status')
    .filter({ hasText: `Markeret som udført: ${item}.` })
    .waitFor();
  await expect.poll(() => late.locator('tbody tr').count()).toBe(lateBefore - 1);
  expect(await accessibilityProblems(coordinator.page)).toEqual([]);
  expect(coordinator.errors).toEqual([]);
  await coordinator.page.close();
  await page.goto(`${base}/plans/FINDES-IKKE`);
  await page.getByText('Der findes ingen helhedsplan med koden FINDES-IKKE').waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test('the project lead registers an activity: own plans only, similar activities while typing, the inferred method to confirm, Danish errors beside the fields', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await page.getByRole('link', { name: 'Registrér en aktivitet' }).click();
  await page.getByRole('heading', { name: 'Registrér en aktivitet' }).waitFor();
  expect(await page.getByLabel('Helhedsplan').locator('option').allInnerTexts()).toEqual(['Vælg helhedsplan', 'Helhedsplan Vollsmose Øst']);
  expect(await page.getByLabel('Helhedsplan').inputValue()).not.toBe('');
  // The plan's own areas first, under their own heading, before the rest of the city.
  const areaList = page.getByRole('group', { name: /^Områder/ });
  const planAreas = (await t.gql(`{ plans(first: 100) { nodes { code areas { name } } } }`, undefined, Role.COORDINATOR)).data.plans.nodes
    .find((p: { code: string }) => p.code === 'VOL-OEST')
    .areas.map((a: { name: string }) => a.name);
  expect(planAreas.length).toBeGreaterThan(0);
  const listed = await areaList.locator('.check label').allInnerTexts();
  expect(await areaList.locator('.group-label').first().innerText()).toBe('Helhedsplanens områder');
  expect(listed.slice(0, planAreas.length).sort()).toEqual([...planAreas].sort());
  expect(listed.length).toBeGreaterThan(planAreas.length);
  expect(await accessibilityProblems(page)).toEqual([]);

  await page.getByRole('button', { name: 'Registrér aktiviteten' }).click();
  await page.getByText('Skriv en titel.').waitFor();
  expect(await page.getByLabel('Titel').getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByText('Vælg mindst ét område.').count()).toBe(1);

  await page.getByLabel('Titel').fill('Lektiehjælp for mellemtrinnet');
  await page.getByLabel('Startdato').fill('2026-12-01');
  await page.getByRole('checkbox', { name: 'Bøgeparken' }).check();
  await page.getByRole('checkbox', { name: 'Skolebørn 6-12' }).check();
  await page.getByRole('button', { name: 'Tilføj tidsrum' }).click();
  await page.getByLabel('Ugedag for tidsrum 1').selectOption({ label: 'tirsdag' });
  const similar = page.getByRole('complementary', { name: 'Lignende aktiviteter' });
  await similar.locator('li.pair').first().waitFor();
  expect(await similar.innerText()).toMatch(/score \d,\d\d/);
  expect(await similar.innerText()).toMatch(/Lektiecafé/);
  await page.getByRole('button', { name: 'Brug metoden Lektiecafé' }).click();
  expect(await page.getByLabel('Metode').locator('option:checked').innerText()).toBe('Lektiecafé');

  // A rule only the hub knows: the end before the start, said beside the end date.
  await page.getByLabel('Slutdato (valgfri)').fill('2026-11-01');
  await page.getByRole('button', { name: 'Registrér aktiviteten' }).click();
  await page.getByText('Slutdatoen ligger før startdatoen.').waitFor();
  expect(await page.getByLabel('Slutdato (valgfri)').getAttribute('aria-describedby')).toBe('endDate-error');
  await page.getByLabel('Slutdato (valgfri)').fill('');
  // A contact person, found by a part of the name among the hub's people.
  const person = (await t.gql('{ people(first: 1, search: "a") { nodes { name } } }')).data.people.nodes[0].name as string;
  await page.getByLabel('Søg efter en person (navn eller stilling)').fill(person.split(' ')[0]!.slice(0, 4));
  await page
    .getByRole('list', { name: 'Personer' })
    .getByRole('button', { name: new RegExp(`^${person}`) })
    .first()
    .click();
  await page.getByText(`Valgt: ${person}`).waitFor();
  await page.getByRole('button', { name: 'Registrér aktiviteten' }).click();
  await page.getByRole('heading', { name: 'Lektiehjælp for mellemtrinnet', level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Aktiviteten er registreret.' }).waitFor();
  const facts = await page.locator('dl.facts').innerText();
  expect(facts).toContain(person);
  expect(facts).toContain('Lektiecafé');
  expect(facts).toContain('tir 15:00-17:00');
  expect(await page.locator('ul.pairs > li').count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('a version conflict is explained: the lead fetches the new version, keeps their own change on top of it, and saves', async () => {
  const plan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
  const created = await t.mutate(
    'createActivity',
    'CreateActivityInput',
    {
      planId: plan,
      title: 'Fædregruppe i Bøgeparken',
      startDate: '2026-12-01',
      targetGroupIds: [await t.idOf('TargetGroup', "select id from target_group where code = 'faedre'")],
      areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose-boegeparken'")],
    },
    'activity { id version }',
    Role.PROJECT_LEAD,
  );
  const id = created.activity.id as string;
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  await page.goto(`${base}/activities/${encodeURIComponent(id)}/rediger`);
  await page.getByRole('heading', { name: 'Redigér: Fædregruppe i Bøgeparken' }).waitFor();
  await page.getByLabel('Pladser (valgfri)').fill('12');
  // Meanwhile a coordinator renames it.
  const renamed = await t.mutate(
    'updateActivity',
    'UpdateActivityInput',
    { id, expectedVersion: created.activity.version, title: 'Fædrenetværket i Bøgeparken' },
    'activity { version }',
  );
  expect(renamed.activity.version).toBe(created.activity.version + 1);
  await page.getByRole('button', { name: 'Gem ændringerne' }).click();
  const notice = page.locator('.notice.warning');
  await notice.getByText('En anden har ændret aktiviteten, siden du åbnede den.').waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  await notice.getByRole('button', { name: 'Hent den nye version' }).click();
  await notice.getByText('den anden ændrede: titel').waitFor();
  expect(await page.getByLabel('Titel').inputValue()).toBe('Fædrenetværket i Bøgeparken');
  expect(await page.getByLabel('Pladser (valgfri)').inputValue()).toBe('12');
  await page.getByRole('button', { name: 'Gem ændringerne' }).click();
  await page.getByRole('heading', { name: 'Fædrenetværket i Bøgeparken', level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Ændringerne er gemt.' }).waitFor();
  expect(await page.locator('dl.facts').innerText()).toMatch(/Pladser\s+12/);
  expect(errors).toEqual([]);
  await page.close();
});

test("a project lead who opens another plan's activity for editing is told at once that it is not theirs, in Danish", async () => {
  const other = (await t.gql('{ activities(first: 100) { nodes { id title plan { code name } } } }', undefined, Role.COORDINATOR)).data.activities.nodes.find(
    (a: { plan: { code: string } }) => a.plan.code !== 'VOL-OEST',
  ) as { id: string; title: string; plan: { name: string } };
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  await page.goto(`${base}/activities/${encodeURIComponent(other.id)}/rediger`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain(`Du kan ikke ændre denne aktivitet: den hører til ${other.plan.name}`);
  expect(await page.getByRole('button', { name: 'Gem ændringerne' }).count()).toBe(0);
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('link', { name: 'Tilbage til aktiviteten' }).click();
  await page.getByRole('heading', { name: other.title, level: 1 }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test('a coordinator imports a plan sheet: errors in Danish beside their cells before anything is written, then the import, a re-import without change, and the exports', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await page.getByRole('link', { name: 'Importér' }).click();
  await page.getByRole('heading', { name: 'Importér aktiviteter' }).waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  const sheet = (rows: string[]) => Buffer.from(['Titel;Målgrupper;Områder;Startdato;Ugeplan', ...rows].join('\r\n'), 'latin1');
  const good = ['Strikkeklub i Fyrreparken;Seniorer;Fyrreparken;1.9.2026;onsdag 10-12', 'Cykelværksted;Unge 13-17;Bøgeparken;2026-09-01;'];
  await page.getByLabel('Helhedsplan for rækker uden en').selectOption({ label: 'Helhedsplan Vollsmose Øst (VOL-OEST)' });
  await page
    .getByLabel('Fil (Excel .xlsx eller CSV)')
    .setInputFiles({ name: 'aktiviteter.csv', mimeType: 'text/csv', buffer: sheet([...good, 'Lektiehjælp;Skolebørnene;Fyrreparken;1.13.2026;']) });
  await page.getByRole('button', { name: 'Kontrollér filen' }).click();
  await page.getByRole('heading', { name: 'Kontrol af filen' }).waitFor();
  expect(await page.getByRole('status').innerText()).toBe(
    'Intet er gemt. 2 nye, 0 ændrede, 0 uændrede, 1 række med fejl. Ret fejlene i filen, og vælg den igen.',
  );
  const failed = await page.getByRole('row', { name: /Lektiehjælp/ }).innerText();
  expect(failed).toMatch(/Fejl/);
  expect(failed).toMatch(/Målgrupper: Ukendt målgruppe "Skolebørnene"; mente du "Skolebørn 6-12" eller "Børn 0-12"\?/);
  expect(failed).toMatch(/Startdato: 1\.13\.2026 er ikke en dato i kalenderen/);
  expect(await page.getByRole('button', { name: /^Importér \d/ }).count()).toBe(0);
  expect(await accessibilityProblems(page)).toEqual([]);

  await page.getByLabel('Fil (Excel .xlsx eller CSV)').setInputFiles({ name: 'aktiviteter.csv', mimeType: 'text/csv', buffer: sheet(good) });
  await page.getByRole('button', { name: 'Kontrollér filen' }).click();
  await page.getByRole('button', { name: 'Importér 2 aktiviteter' }).click();
  await page.getByRole('heading', { name: 'Importeret' }).waitFor();
  expect(await page.getByRole('status').innerText()).toBe('Gemt: 2 nye, 0 ændrede, 0 uændrede, 0 rækker med fejl.');
  await page.getByRole('link', { name: 'Strikkeklub i Fyrreparken' }).waitFor();

  await page.getByLabel('Fil (Excel .xlsx eller CSV)').setInputFiles({ name: 'aktiviteter.csv', mimeType: 'text/csv', buffer: sheet(good) });
  await page.getByRole('button', { name: 'Kontrollér filen' }).click();
  await page.getByText('Intet er gemt endnu: 0 nye, 0 ændrede, 2 uændrede, 0 rækker med fejl.').waitFor();
  expect(await page.getByRole('button', { name: /^Importér \d/ }).count()).toBe(0);

  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: /Hent skabelon/ }).click();
  expect((await template).suggestedFilename()).toBe('aktiviteter-skabelon.xlsx');

  await page.goto(`${base}/activities?text=Strikkeklub`);
  await page.getByText('1 aktiviteter.').waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér til Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^aktiviteter-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path())!);
  const exported = workbook.worksheets[0]!;
  expect(exported.actualRowCount).toBe(2);
  expect(exported.getCell('D2').value).toBe('Strikkeklub i Fyrreparken');
  await page.getByRole('status').filter({ hasText: 'Filen er hentet: 1 aktivitet, alle dem søgningen finder.' }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test('"Mine notifikationer": the unread count in the menu, notifications marked read, e-mail choices that stick, and a calendar address to renew', async () => {
  const userId = Number(Buffer.from(t.users[Role.PROJECT_LEAD].id, 'base64url').toString().split(':')[1]);
  const em = t.hub.orm.em.fork();
  for (const title of ['"Lektiecafé på biblioteket" (Helhedsplan Skt. Klemens) overlapper med jeres "Lektiehjælp"', 'Opfølgning snart: Send referatet']) {
    await em.execute(
      `insert into notification (recipient_id, kind, title, link, payload, created_at, email_state) values (?, ?, ?, '/overlaps', '{}'::jsonb, now(), 'NOT_SENT')`,
      [userId, title.startsWith('Opfølgning') ? 'REMINDER' : 'OVERLAP', title],
    );
  }
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  const menu = page.getByRole('link', { name: /^Notifikationer 2 ulæste$/ });
  await menu.waitFor();
  await menu.click();
  await page.getByRole('heading', { name: 'Mine notifikationer' }).waitFor();
  expect(page.url()).toBe(`${base}/notifikationer`);
  await page.getByText('Du har 2 ulæste notifikationer.').waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  // A project lead chooses for overlaps and reminders; the digest is the coordinators'.
  expect(await page.getByRole('group').allInnerTexts()).toEqual([expect.stringMatching(/^Nye overlap/), expect.stringMatching(/^Påmindelser/)]);

  await page.getByRole('button', { name: 'Markér som læst: Opfølgning snart: Send referatet' }).click();
  await page.getByText('Du har 1 ulæst notifikation.').waitFor();
  await page.getByRole('link', { name: /^Notifikationer 1 ulæste$/ }).waitFor();

  await page
    .getByRole('group', { name: /Nye overlap/ })
    .getByLabel('Samlet hver morgen kl. 7')
    .check();
  await page.getByRole('button', { name: 'Gem valg' }).click();
  await page.getByText('Dine valg er gemt.').waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Mine notifikationer' }).waitFor();
  const daily = page.getByRole('group', { name: /Nye overlap/ }).getByLabel('Samlet hver morgen kl. 7');
  await expect.poll(() => daily.isChecked()).toBe(true);

  const address = page.getByRole('textbox', { name: 'Kalenderadresse' });
  await expect.poll(() => address.inputValue()).toMatch(/\/calendar\.ics\?u=\d+&g=1&s=[\w-]{32}$/);
  await page.getByLabel('Medtag aktiviteternes faste ugetider').check();
  await expect.poll(() => address.inputValue()).toMatch(/&slots=1$/);
  await page.getByRole('button', { name: 'Lav en ny adresse' }).click();
  await expect.poll(() => address.inputValue()).toMatch(/&g=2&s=[\w-]{32}&slots=1$/);
  await page.getByText('Ny adresse lavet. Den gamle virker ikke længere: sæt den nye ind i din kalender.').waitFor();
  // The new address also without the weekly slots.
  await page.getByLabel('Medtag aktiviteternes faste ugetider').uncheck();
  await expect.poll(() => address.inputValue()).toMatch(/&g=2&s=[\w-]{32}$/);

  // A refusal is said, not swallowed: the hub's answer is played back refused once (the console cannot make the hub refuse it).
  let played = false;
  await page.route('**/graphql', async (route) => {
    if (played || !/MarkNotificationsRead/.test(route.request().postData() ?? '')) return route.continue();
    played = true;
    await route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        data: { markNotificationsRead: { markedCount: 0, unreadCount: 1, userErrors: [{ field: ['input'], code: 'INVALID', message: 'Prøv igen' }] } },
      }),
    });
  });
  await page.getByRole('button', { name: 'Markér alle som læst' }).click();
  await page.getByRole('alert').filter({ hasText: 'Notifikationerne blev ikke markeret som læst: Prøv igen' }).waitFor();
  await page.getByRole('button', { name: 'Markér alle som læst' }).click();
  await page.getByText('Du har ingen ulæste notifikationer.').waitFor();
  await page.getByRole('link', { name: /^Notifikationer$/ }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test('the overview shows at most 10 of each list, "Se alle" shows the rest in place with focus on the first new row', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  const overdue = page.locator('section', { has: page.getByRole('heading', { name: 'Opfølgningspunkter over tid' }) });
  const rows = overdue.locator('tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(10);
  const more = overdue.getByRole('button', { name: /^Se alle \d+ opfølgningspunkter over tid$/ });
  const total = Number((await more.innerText()).match(/\d+/)![0]);
  expect(total).toBeGreaterThan(10);
  await more.click();
  expect(await rows.count()).toBe(total);
  expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe(await rows.nth(10).locator('td').first().innerText());
  const plans = page.locator('section', { has: page.getByRole('heading', { name: 'Helhedsplaner' }) });
  expect(await plans.getByRole('listitem').count()).toBe(10);
  await plans.getByRole('button', { name: /^Se alle \d+ helhedsplaner$/ }).click();
  expect(await plans.getByRole('listitem').count()).toBeGreaterThan(10);
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('on a 390 px phone the menu folds behind "Menu" and no page scrolls sideways', async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  const menu = page.getByRole('button', { name: 'Menu' });
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  expect(await page.getByRole('link', { name: 'Aktiviteter', exact: true }).isVisible()).toBe(false);
  await menu.click();
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await page.getByRole('heading', { name: 'Aktiviteter' }).waitFor();
  // A new page folds the menu again.
  await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
  const ids = (await t.gql('{ activities(first: 1) { nodes { id } } plans(first: 1) { nodes { code } } }', undefined, Role.COORDINATOR)).data;
  const pages = [
    '/',
    '/activities',
    `/activities/${encodeURIComponent(ids.activities.nodes[0].id)}`,
    `/plans/${ids.plans.nodes[0].code}`,
    '/overlaps',
    '/coverage',
    '/newsletter',
    '/notifikationer',
    '/importer',
    '/activities/new',
  ];
  const wide: string[] = [];
  for (const path of pages) {
    await page.goto(`${base}${path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
    if (width > 390) wide.push(`${path}: ${width} px`);
  }
  // The administrator's page too, with a lead's plans opened for change.
  const admin = await openPage(browser);
  await admin.page.setViewportSize({ width: 390, height: 844 });
  await admin.page.goto(`${base}/login#token=${t.users[Role.ADMIN].token}`);
  await admin.page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await admin.page.goto(`${base}/brugere`);
  await admin.page.getByRole('columnheader', { name: 'Sidst aktiv' }).waitFor();
  await admin.page
    .getByRole('button', { name: /^Ret .*helhedsplaner$/ })
    .first()
    .click();
  await admin.page.getByRole('button', { name: 'Gem helhedsplaner' }).waitFor();
  const adminWidth = await admin.page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
  if (adminWidth > 390) wide.push(`/brugere: ${adminWidth} px`);
  await admin.page.close();
  expect(wide).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('a decision on an overlap group is confirmed where focus stays, and "Fortryd" takes it back: the group returns as it was', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await page.goto(`${base}/overlaps?by=PLAN_PAIR`);
  const groups = page.locator('details.group');
  await groups.first().waitFor();
  const summary = await groups.first().locator('summary').innerText();
  const label = await groups.first().locator('summary strong').innerText();
  const before = await groups.count();
  await groups.first().locator('summary').click();
  await groups.first().getByRole('button', { name: 'Hele gruppen: komplementær' }).click();
  const notice = page.locator('.notice.decision');
  await notice.getByText(new RegExp(`^Gemt: ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ par\\) er markeret som komplementær\\.$`)).waitFor();
  // The decided group leaves the list; focus rests on the confirmation, not lost with the group.
  await expect.poll(() => groups.count()).toBe(before - 1);
  expect(await page.evaluate(() => (globalThis as any).document.activeElement?.classList.contains('decision'))).toBe(true);
  expect(await accessibilityProblems(page)).toEqual([]);
  await notice.getByRole('button', { name: 'Fortryd' }).click();
  await notice.getByText(/^Beslutningen er taget tilbage: \d+ par har igen den beslutning, de havde før, eller ingen\.$/).waitFor();
  await expect.poll(() => groups.count()).toBe(before);
  expect(await groups.first().locator('summary').innerText()).toBe(summary);
  expect(await notice.getByRole('button', { name: 'Fortryd' }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

test("a project lead lands on 'Mine aktiviteter': their plan's activities, overlaps with other plans awaiting a decision, follow-ups", async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  expect(page.url()).toBe(`${base}/mine`);
  await page.getByRole('link', { name: 'Mine aktiviteter' }).waitFor();
  await page.getByRole('heading', { name: /^Aktiviteterne i din helhedsplan \(\d+\)$/ }).waitFor();
  const overlaps = page.locator('section', { has: page.getByRole('heading', { name: 'Overlap med andre helhedsplaner uden beslutning' }) });
  const pairs = overlaps.locator('li');
  await pairs.first().waitFor();
  // Each pair names the other plan, never the lead's own.
  for (const text of await pairs.allInnerTexts()) expect(text).not.toMatch(/\(Helhedsplan Vollsmose Øst\)/);
  await page.getByRole('heading', { name: 'Opfølgningspunkter' }).waitFor();
  // A follow-up marked done: refused once (played back), then done; it leaves the list and focus rests on what was said.
  const followUps = page.getByRole('region', { name: 'Opfølgningspunkter', exact: true });
  const first = followUps.locator('li').first();
  const description = (await first.innerText()).split(': frist')[0]!;
  const before = await followUps.locator('li').count();
  await failNext(page, 'CompleteFollowUp', 'fault');
  await first.getByRole('button', { name: `Markér som udført: ${description}` }).click();
  await first
    .getByRole('alert')
    .filter({ hasText: `Ikke markeret som udført: ${FAULT}` })
    .waitFor();
  await first.getByRole('button', { name: `Markér som udført: ${description}` }).click();
  await followUps
    .getByRole('status')
    .filter({ hasText: `Markeret som udført: ${description}.` })
    .waitFor();
  await expect.poll(() => followUps.getByText(description, { exact: true }).count()).toBe(0);
  expect(await followUps.locator('li').count()).toBeLessThanOrEqual(before);
  expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('role'))).toBe('status');
  const [item] = (await t.hub.orm.em
    .fork()
    .execute('select status from action_item where description = ? order by completed_at desc nulls last limit 1', [description])) as { status: string }[];
  expect(item!.status).toBe('DONE');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // A coordinator has no such page in the menu and lands on the overview.
  const other = await openPage(browser);
  await other.page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await other.page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await other.page
    .getByRole('banner')
    .getByText(/koordinator/)
    .waitFor();
  expect(await other.page.getByRole('link', { name: 'Mine aktiviteter' }).count()).toBe(0);
  expect(errors).toEqual([]);
  await other.page.close();
  await page.close();
});

/** The hub's next answer to one operation played back as a failure: no connection, or the fault the hub reports in Danish. */
async function failNext(page: Page, operation: string, how: 'offline' | 'fault'): Promise<void> {
  let played = false;
  await page.route('**/graphql', async (route) => {
    if (played || !(route.request().postData() ?? '').includes(`"operationName":"${operation}"`)) return route.fallback();
    played = true;
    if (how === 'offline') return route.abort('internetdisconnected');
    await route.fulfill({
      contentType: 'application/graphql-response+json',
      body: JSON.stringify({
        data: null,
        errors: [
          { message: "Intern fejl i hubben (forespørgsels-id 1). Prøv igen; sker det igen, så nævn id'et.", extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        ],
      }),
    });
  });
}

const OFFLINE = 'Ingen forbindelse til hubben. Tjek netværket, og prøv igen.';
const FAULT = 'Hubben kunne ikke svare: Intern fejl i hubben (forespørgsels-id 1).';
// What a page logs when a request the test cut off fails; nothing else may be logged.
const cutOff = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));

test('every action the console takes says so when the hub fails it, beside the action, in Danish: no click goes unanswered', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();

  // Overlaps: a pair, a group, and taking a decision back.
  await page.goto(`${base}/overlaps?by=PLAN_PAIR`);
  const group = page.locator('details.group').first();
  await group.locator('summary').click();
  await failNext(page, 'DecideGroup', 'fault');
  await group.getByRole('button', { name: 'Hele gruppen: komplementær' }).click();
  await group
    .getByRole('alert')
    .filter({ hasText: `Gruppen fik ikke en beslutning: ${FAULT}` })
    .waitFor();
  const pair = group.locator('li.pair').first();
  await failNext(page, 'DecidePair', 'offline');
  await pair.getByRole('button', { name: 'Komplementær' }).click();
  await pair
    .getByRole('alert')
    .filter({ hasText: `Parret fik ikke en beslutning: ${OFFLINE}` })
    .waitFor();
  await pair.getByRole('button', { name: 'Komplementær' }).click();
  const notice = page.locator('.notice.decision');
  await notice.getByText(/^Gemt: .* er markeret som komplementær\.$/).waitFor();
  await failNext(page, 'UndoDecisions', 'fault');
  await notice.getByRole('button', { name: 'Fortryd' }).click();
  await notice.getByText(`Beslutningen blev ikke taget tilbage: ${FAULT}`).waitFor();
  // Refused by the hub itself: the decision is already taken back (through the API), said in the hub's own words.
  const [last] = (await t.hub.orm.em.fork().execute('select id from overlap_review where superseded_at is null order by id desc limit 1')) as { id: number }[];
  const taken = await t.gql(
    'mutation($ids: [ID!]!) { undoOverlapReviews(input: { reviewIds: $ids }) { undoneCount userErrors { message } } }',
    { ids: [toGlobalId('OverlapReview', Number(last!.id))] },
    Role.COORDINATOR,
  );
  expect(taken.data.undoOverlapReviews.undoneCount).toBe(1);
  // An export the network cut off.
  await page.route('**/export/overlaps.csv*', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  await page.getByRole('status').filter({ hasText: OFFLINE }).waitFor();
  await page.unroute('**/export/overlaps.csv*');

  // An export the hub refuses says why in Danish.
  const refused = await fetch(`${base}/export/activities.csv?plna=x`, {
    headers: { authorization: `Bearer ${t.users[Role.COORDINATOR].token}`, 'accept-language': 'da' },
  });
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^Ukendt parameter "plna"; filteret tager /);

  // The method an activity's words point to.
  const [inferred] = (await t.hub.orm.em
    .fork()
    .execute(
      'select a.id, m.name from activity a join method m on m.id = a.inferred_method_id where a.method_id is null and a.inferred_confidence >= 0.5 and not a.archived order by a.id desc limit 1',
    )) as { id: number; name: string }[];
  await page.goto(`${base}/activities/${encodeURIComponent(toGlobalId('Activity', inferred!.id))}`);
  await failNext(page, 'UpdateActivity', 'fault');
  await page.getByRole('button', { name: `Bekræft: ${inferred!.name}` }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: `Metoden blev ikke bekræftet: ${FAULT}` })
    .waitFor();

  // The activity form: a new one and a change.
  await page.getByRole('link', { name: 'Redigér aktiviteten' }).click();
  await page.getByLabel('Titel').waitFor();
  await failNext(page, 'UpdateActivity', 'offline');
  await page.getByRole('button', { name: 'Gem ændringerne' }).click();
  await page.getByRole('alert').filter({ hasText: OFFLINE }).waitFor();
  await page.goto(`${base}/activities/new`);
  await page.getByLabel('Helhedsplan').selectOption({ index: 1 });
  await page.getByLabel('Titel').fill('Fejlprøve');
  await page.getByLabel('Startdato').fill('2026-12-01');
  await page
    .getByRole('group', { name: /^Områder/ })
    .locator('input[type=checkbox]')
    .first()
    .check();
  await page
    .getByRole('group', { name: /^Målgrupper/ })
    .locator('input[type=checkbox]')
    .first()
    .check();
  await failNext(page, 'CreateActivity', 'fault');
  await page.getByRole('button', { name: 'Registrér aktiviteten' }).click();
  await page.getByRole('alert').filter({ hasText: FAULT }).waitFor();

  // The import's check.
  await page.goto(`${base}/importer`);
  await page
    .getByLabel('Fil (Excel .xlsx eller CSV)')
    .setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('Titel;Målgrupper;Områder;Startdato\r\nX;Seniorer;Fyrreparken;1.9.2026') });
  await failNext(page, 'ImportSheet', 'offline');
  await page.getByRole('button', { name: 'Kontrollér filen' }).click();
  await page.getByRole('alert').filter({ hasText: OFFLINE }).waitFor();

  // Notifications: e-mail choices and a new calendar address.
  await page.goto(`${base}/notifikationer`);
  await page.getByRole('button', { name: 'Gem valg' }).waitFor();
  await failNext(page, 'SaveNotificationSettings', 'fault');
  await page.getByRole('button', { name: 'Gem valg' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Valgene blev ikke gemt: ${FAULT}` })
    .waitFor();
  await failNext(page, 'NewCalendarUrl', 'offline');
  await page.getByRole('button', { name: 'Lav en ny adresse' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Der blev ikke lavet en ny adresse: ${OFFLINE}` })
    .waitFor();
  expect(cutOff(errors)).toEqual([]);
  await page.close();

  // The administrator: an invitation, plans, a new link, revoking.
  const admin = await openPage(browser);
  await admin.page.goto(`${base}/login#token=${t.users[Role.ADMIN].token}`);
  await admin.page.getByRole('link', { name: 'Brugere' }).click();
  await admin.page.getByLabel('Navn').fill('Ingen Steder');
  await admin.page.getByLabel('Koordinator').check();
  await failNext(admin.page, 'InviteUser', 'fault');
  await admin.page.getByRole('button', { name: 'Opret bruger' }).click();
  await admin.page.getByRole('alert').filter({ hasText: FAULT }).waitFor();
  admin.page.on('dialog', (dialog) => void dialog.accept());
  const lead = admin.page.getByRole('row', { name: /^Test project_lead/ });
  await failNext(admin.page, 'RevokeUser', 'offline');
  await lead.getByRole('button', { name: /^Spær adgang/ }).click();
  await admin.page
    .getByRole('status')
    .filter({ hasText: `Adgangen blev ikke spærret: ${OFFLINE}` })
    .waitFor();
  await failNext(admin.page, 'RenewToken', 'fault');
  await lead.getByRole('button', { name: /^Nyt link/ }).click();
  await admin.page
    .getByRole('status')
    .filter({ hasText: `Der blev ikke lavet et nyt link: ${FAULT}` })
    .waitFor();
  await lead.getByRole('button', { name: /^Ret / }).click();
  await failNext(admin.page, 'ChangeUserPlans', 'offline');
  await lead.getByRole('button', { name: 'Gem helhedsplaner' }).click();
  await admin.page.getByRole('status').filter({ hasText: OFFLINE }).waitFor();
  expect(await lead.innerText()).toContain('Aktiv');
  expect(cutOff(admin.errors)).toEqual([]);
  await admin.page.close();
});

test('a page for other roles, opened by its address, says whose it is instead of a form the hub would refuse; decisions are offered only to who may take them', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  const said = {
    '/brugere': 'Kun administratorer kan se og oprette brugere; du er logget ind som læser.',
    '/importer': 'Kun projektledere og koordinatorer kan importere aktiviteter; du er logget ind som læser.',
    '/mine': 'Siden samler en projektleders egne helhedsplaner; du er logget ind som læser. Byens aktiviteter finder du under Aktiviteter.',
  };
  for (const [path, text] of Object.entries(said)) {
    await page.goto(`${base}${path}`);
    await page.getByText(text).waitFor();
    expect(
      await page
        .getByRole('button')
        .filter({ hasText: /Opret bruger|Kontrollér filen/ })
        .count(),
    ).toBe(0);
  }
  // The overlap board: to see and export; no decisions offered that the hub would refuse.
  await page.goto(`${base}/overlaps`);
  await page.getByText('Koordinatorer og projektledere tager stilling til overlappene; du kan se dem og eksportere dem.').waitFor();
  await page.locator('details.group').first().locator('summary').click();
  await page.locator('li.pair').first().waitFor();
  expect(await page.getByRole('button', { name: /^(Komplementær|Koordineret|Dublet|Hele gruppen)/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Eksportér CSV' }).count()).toBe(1);
  expect(await accessibilityProblems(page)).toEqual([]);
  // Nothing was asked of the hub that it refuses (a 403 would show here).
  expect(errors).toEqual([]);
  await page.close();

  // A project lead decides the pairs that touch their own plan, and only those.
  const lead = await openPage(browser);
  await lead.page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await lead.page.getByRole('heading', { name: 'Mine aktiviteter' }).waitFor();
  await lead.page.goto(`${base}/overlaps?by=AREA_AND_KIND`);
  await lead.page.getByText(/^Du tager stilling til de par, der berører en aktivitet i dine egne helhedsplaner/).waitFor();
  const groups = lead.page.locator('details.group');
  await groups.first().waitFor();
  let mine = 0;
  let others = 0;
  for (let i = 0; i < Math.min(4, await groups.count()); i++) {
    await groups.nth(i).locator('summary').click();
    const pairs = groups.nth(i).locator('li.pair');
    await pairs.first().waitFor();
    for (const pair of await pairs.all()) {
      const own = (await pair.locator('.activity').allInnerTexts()).some((text) => text.includes('Helhedsplan Vollsmose Øst'));
      expect(await pair.getByRole('button', { name: 'Komplementær' }).isVisible()).toBe(own);
      if (own) mine++;
      else others++;
    }
  }
  expect(mine).toBeGreaterThan(0);
  expect(others).toBeGreaterThan(0);
  expect(lead.errors).toEqual([]);
  await lead.page.close();
});

test("a project lead shares an experience from their activity's page: Danish errors beside the fields, a fault said, then the experience listed and confirmed", async () => {
  const [own] = (await t.hub.orm.em
    .fork()
    .execute("select a.id from activity a join plan p on p.id = a.plan_id where p.code = 'VOL-OEST' and not a.archived order by a.id limit 1")) as {
    id: number;
  }[];
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  await page.goto(`${base}/activities/${encodeURIComponent(toGlobalId('Activity', own!.id))}`);
  const section = page.getByRole('region', { name: 'Erfaringer' });
  await section.getByRole('button', { name: 'Del en erfaring' }).click();
  const form = section.getByRole('form', { name: 'Del en erfaring' });
  await expect.poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('experience-title');
  await form.getByRole('button', { name: 'Del erfaringen' }).click();
  await form.getByText('Skriv en titel.').waitFor();
  expect(await form.getByText('Vælg, om det virkede.').count()).toBe(1);
  expect(await form.getByLabel('Titel').getAttribute('aria-invalid')).toBe('true');
  await form.getByLabel('Titel').fill('Forældrecafé før lektiecaféen');
  await form.getByLabel('Hvad skete der, og hvad lærte I?').fill('Forældrene kom, da vi bød på kaffe en halv time før; flere børn blev hele eftermiddagen.');
  await form.getByLabel('Blandet').check();
  await form.getByLabel('Råd til andre (valgfrit)').fill('Start med kaffe til forældrene.');
  await form.getByLabel('Må deles med alle i hubben og i nyhedsbrevet').check();
  expect(await accessibilityProblems(page)).toEqual([]);
  await failNext(page, 'ShareExperience', 'offline');
  await form.getByRole('button', { name: 'Del erfaringen' }).click();
  await form
    .getByRole('alert')
    .filter({ hasText: `Erfaringen blev ikke delt: ${OFFLINE}` })
    .waitFor();
  await form.getByRole('button', { name: 'Del erfaringen' }).click();
  await section.getByRole('status').filter({ hasText: 'Erfaringen er delt: Forældrecafé før lektiecaféen.' }).waitFor();
  await section.getByRole('heading', { name: 'Forældrecafé før lektiecaféen', level: 3 }).waitFor();
  expect(await section.locator('article', { hasText: 'Forældrecafé før lektiecaféen' }).innerText()).toMatch(/blandet[\s\S]*Start med kaffe til forældrene\./);
  await expect.poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('role'))).toBe('status');
  const [stored] = (await t.hub.orm.em.fork().execute("select outcome, publishable from experience where title = 'Forældrecafé før lektiecaféen'")) as {
    outcome: string;
    publishable: boolean;
  }[];
  expect(stored).toEqual({ outcome: 'MIXED', publishable: true });
  expect(cutOff(errors)).toEqual([]);
  await page.close();

  // A reader finds no such form.
  const reader = await openPage(browser);
  await reader.page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await reader.page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await reader.page.goto(`${base}/activities/${encodeURIComponent(toGlobalId('Activity', own!.id))}`);
  await reader.page.getByRole('heading', { name: 'Forældrecafé før lektiecaféen', level: 3 }).waitFor();
  expect(await reader.page.getByRole('button', { name: 'Del en erfaring' }).count()).toBe(0);
  await reader.page.close();
});

test('a project lead evaluates their activity from its page: a decision and its evidence asked for in Danish, a fault said, STOP asked again and the activity ended', async () => {
  const [own] = (await t.hub.orm.em
    .fork()
    .execute(
      "select a.id, a.title from activity a join plan p on p.id = a.plan_id where p.code = 'VOL-OEST' and not a.archived and a.status = 'RUNNING' order by a.id desc limit 1",
    )) as { id: number; title: string }[];
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  await page.goto(`${base}/activities/${encodeURIComponent(toGlobalId('Activity', own!.id))}`);
  const section = page.getByRole('region', { name: 'Evalueringer' });
  await section.getByRole('button', { name: 'Evaluér aktiviteten' }).click();
  const form = section.getByRole('form', { name: 'Evaluér aktiviteten' });
  await form.getByRole('button', { name: 'Gem evalueringen' }).click();
  await form.getByText('Vælg fortsæt, justér eller stop.').waitFor();
  expect(await form.getByText('Skriv hvorfor, og hvad I bygger det på.').count()).toBe(1);
  await form.getByLabel('Justér: fortsæt med ændringer').check();
  await form.getByLabel('Begrundelse: hvad bygger beslutningen på?').fill('Færre deltagere om vinteren; vi flytter til eftermiddagen.');
  expect(await accessibilityProblems(page)).toEqual([]);
  await failNext(page, 'EvaluateActivity', 'fault');
  await form.getByRole('button', { name: 'Gem evalueringen' }).click();
  await form
    .getByRole('alert')
    .filter({ hasText: `Evalueringen blev ikke gemt: ${FAULT}` })
    .waitFor();
  await form.getByRole('button', { name: 'Gem evalueringen' }).click();
  await section.getByRole('status').filter({ hasText: 'Evalueringen er gemt: justér.' }).waitFor();
  await section.getByText(/justér\. Færre deltagere om vinteren/).waitFor();

  // STOP ends the activity: asked again first; declined, nothing is saved.
  const asked: string[] = [];
  let accept = false;
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  await section.getByRole('button', { name: 'Evaluér aktiviteten' }).click();
  await form.getByLabel('Stop: aktiviteten afsluttes i dag').check();
  await form.getByLabel('Begrundelse: hvad bygger beslutningen på?').fill('Ingen deltagere siden sommerferien.');
  await form.getByRole('button', { name: 'Gem evalueringen' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toBe('Stop afslutter aktiviteten i dag. Vil du stoppe den?');
  accept = true;
  await form.getByRole('button', { name: 'Gem evalueringen' }).click();
  await section.getByRole('status').filter({ hasText: 'Evalueringen er gemt: stop.' }).waitFor();
  await page.getByText(/· afsluttet ·/).waitFor();
  const [ended] = (await t.hub.orm.em.fork().execute('select status from activity where id = ?', [own!.id])) as { status: string }[];
  expect(ended!.status).toBe('ENDED');
  expect(errors).toEqual([]);
  await page.close();
});

test("a plan's lead records a measurement of a success criterion from the plan's page: an overlapping period refused in the hub's words, then the bar follows", async () => {
  const [indicator] = (await t.hub.orm.em.fork().execute(
    `select i.id, i.name, m.period_start::text as start, m.period_end::text as "end" from indicator i join plan p on p.id = i.plan_id
     join measurement m on m.indicator_id = i.id where p.code = 'VOL-OEST' order by i.id, m.period_start desc limit 1`,
  )) as { id: number; name: string; start: string; end: string }[];
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  await page.goto(`${base}/plans/VOL-OEST`);
  const criteria = page.getByRole('region', { name: 'Succeskriterier' });
  await criteria.getByRole('button', { name: `Registrér en måling: ${indicator!.name}` }).click();
  const form = criteria.getByRole('form', { name: `Registrér en måling: ${indicator!.name}` });
  await form.getByRole('button', { name: 'Gem målingen' }).click();
  await form.getByText('Skriv et tal, fx 12,5.').waitFor();
  await form.getByLabel(/^Værdi/).fill('1.250,5');
  await form.getByLabel('Periodens første dag').fill(indicator!.start);
  await form.getByLabel('Periodens sidste dag').fill(indicator!.end);
  await form.getByRole('button', { name: 'Gem målingen' }).click();
  await form.getByText(/^Perioden overlapper målingen fra /).waitFor();
  expect(await form.getByLabel('Periodens første dag').getAttribute('aria-invalid')).toBe('true');
  expect(await accessibilityProblems(page)).toEqual([]);
  await form.getByLabel('Periodens første dag').fill('2031-01-01');
  await form.getByLabel('Periodens sidste dag').fill('2031-01-31');
  await form.getByRole('button', { name: 'Gem målingen' }).click();
  await criteria
    .getByRole('status')
    .filter({ hasText: new RegExp(`^Målingen er registreret: ${indicator!.name} 1\\.250,5 `) })
    .waitFor();
  await criteria
    .getByText(/1\.250,5/)
    .first()
    .waitFor();
  const [stored] = (await t.hub.orm.em
    .fork()
    .execute("select value from measurement where indicator_id = ? and period_start = '2031-01-01'", [indicator!.id])) as {
    value: number;
  }[];
  expect(Number(stored!.value)).toBe(1250.5);
  expect(errors).toEqual([]);
  await page.close();
});

test('an activity is archived from its page after a question: a fault said beside it, then archived, with nothing left to edit', async () => {
  const [one] = (await t.hub.orm.em
    .fork()
    .execute("select a.id, a.title from activity a join plan p on p.id = a.plan_id where p.code = 'SKK' and not a.archived order by a.id desc limit 1")) as {
    id: number;
    title: string;
  }[];
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await page.goto(`${base}/activities/${encodeURIComponent(toGlobalId('Activity', one!.id))}`);
  let accept = false;
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  await page.getByRole('button', { name: 'Arkivér' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toMatch(new RegExp(`^Arkivér "${one!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\? Den forsvinder fra lister`));
  accept = true;
  await failNext(page, 'ArchiveActivity', 'offline');
  await page.getByRole('button', { name: 'Arkivér' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: `Aktiviteten blev ikke arkiveret: ${OFFLINE}` })
    .waitFor();
  await page.getByRole('button', { name: 'Arkivér' }).click();
  await page.getByRole('status').filter({ hasText: 'Aktiviteten er arkiveret.' }).waitFor();
  await page.getByText(/· arkiveret ·/).waitFor();
  expect(await page.getByRole('link', { name: 'Redigér aktiviteten' }).count()).toBe(0);
  const [stored] = (await t.hub.orm.em.fork().execute('select archived from activity where id = ?', [one!.id])) as { archived: boolean }[];
  expect(stored!.archived).toBe(true);
  expect(cutOff(errors)).toEqual([]);
  await page.close();
});

test("a plan's lead records a steering-group meeting from the plan's page: a follow-up due before the meeting refused beside its row, then the meeting and its follow-up listed", async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  await page.goto(`${base}/plans/VOL-OEST`);
  const group = page.getByRole('region', { name: /^Styregruppe/ });
  await group.getByRole('button', { name: 'Registrér et møde' }).click();
  const form = group.getByRole('form', { name: 'Registrér et møde' });
  await form.getByLabel('Dato').fill('2026-12-10');
  await form.getByLabel('Dagsorden: et punkt pr. linje').fill('Status på lektiecaféerne\n\nFælles sommeraktiviteter');
  await form.getByLabel('Beslutninger: en pr. linje').fill('Fælles sommerprogram med Vollsmose Vest');
  await form.getByRole('button', { name: 'Tilføj opfølgningspunkt' }).click();
  const row = form.getByRole('group', { name: 'Opfølgningspunkt 1' });
  await row.getByLabel('Hvad skal gøres').fill('Aftal sommerprogrammet med Vollsmose Vest');
  await row.getByLabel('Frist').fill('2026-12-01');
  await row.getByLabel('Ansvarlig').selectOption({ index: 1 });
  expect(await accessibilityProblems(page)).toEqual([]);
  await form.getByRole('button', { name: 'Gem mødet' }).click();
  await row.getByText('Et opfølgningspunkt kan ikke have frist før mødet').waitFor();
  expect(await row.getByLabel('Frist').getAttribute('aria-invalid')).toBe('true');
  await row.getByLabel('Frist').fill('2027-01-15');
  await failNext(page, 'RecordMeeting', 'offline');
  await form.getByRole('button', { name: 'Gem mødet' }).click();
  await form
    .getByRole('alert')
    .filter({ hasText: `Mødet blev ikke gemt: ${OFFLINE}` })
    .waitFor();
  await form.getByRole('button', { name: 'Gem mødet' }).click();
  await group.getByRole('status').filter({ hasText: 'Mødet 10. december 2026 er registreret.' }).waitFor();
  const meeting = group.locator('details.group', { hasText: '10. december 2026: 2 punkter på dagsordenen, 1 beslutning' });
  await meeting.locator('summary').click();
  await meeting.getByText(/Aftal sommerprogrammet med Vollsmose Vest, frist 15\. januar 2027 \(åben\)/).waitFor();
  expect(cutOff(errors)).toEqual([]);
  await page.close();
});

test("a plan's lead records inquiry counts from the plan's page: a topic with personal data refused in the hub's words, then the count in the chart", async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.PROJECT_LEAD].token}`);
  await page.getByRole('heading', { name: 'Mine aktiviteter', level: 1 }).waitFor();
  await page.goto(`${base}/plans/VOL-OEST`);
  const inquiries = page.getByRole('region', { name: 'Henvendelser' });
  const table = inquiries.getByRole('table', { name: 'Henvendelser pr. måned' });
  await table.locator('tbody tr').first().waitFor();
  await inquiries.getByRole('button', { name: 'Registrér henvendelser' }).click();
  const form = inquiries.getByRole('form', { name: 'Registrér henvendelser' });
  await form.getByRole('button', { name: 'Gem henvendelserne' }).click();
  await form.getByText('Vælg en kanal.').waitFor();
  await form.getByLabel('Kanal').selectOption({ label: 'Telefon' });
  await form.getByLabel('Emne (aldrig navne eller adresser)').fill('Klage fra anna@example.dk');
  await form.getByLabel('Antal').fill('7');
  await form.getByLabel('Fra og med').fill('2026-10-01');
  await form.getByLabel('Til og med').fill('2026-10-31');
  expect(await accessibilityProblems(page)).toEqual([]);
  await form.getByRole('button', { name: 'Gem henvendelserne' }).click();
  await form.getByText('Emnet må ikke indeholde personoplysninger som CPR-nummer, e-mailadresse eller telefonnummer').waitFor();
  const before = await table.locator('tbody tr', { hasText: /okt\.? 26/ }).innerText();
  await form.getByLabel('Emne (aldrig navne eller adresser)').fill('Husleje');
  await failNext(page, 'RecordInquiries', 'fault');
  await form.getByRole('button', { name: 'Gem henvendelserne' }).click();
  await form
    .getByRole('alert')
    .filter({ hasText: `Henvendelserne blev ikke gemt: ${FAULT}` })
    .waitFor();
  await form.getByRole('button', { name: 'Gem henvendelserne' }).click();
  await inquiries.getByRole('status').filter({ hasText: '7 henvendelser om Husleje er registreret.' }).waitFor();
  const count = (row: string) => Number(row.split(/\s+/).pop());
  await expect.poll(async () => count(await table.locator('tbody tr', { hasText: /okt\.? 26/ }).innerText())).toBe(count(before) + 7);
  expect(errors).toEqual([]);
  await page.close();
});

test('a success criterion is added to an activity from its page: Danish numbers, errors beside the fields, a fault said, then listed with its target', async () => {
  const [one] = (await t.hub.orm.em
    .fork()
    .execute("select a.id from activity a join plan p on p.id = a.plan_id where p.code = 'SKK' and not a.archived order by a.id limit 1")) as { id: number }[];
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await page.goto(`${base}/activities/${encodeURIComponent(toGlobalId('Activity', one!.id))}`);
  const criteria = page.getByRole('region', { name: 'Succeskriterier' });
  await criteria.getByRole('button', { name: 'Tilføj et succeskriterium' }).click();
  const form = criteria.getByRole('form', { name: 'Tilføj et succeskriterium' });
  await form.getByLabel('Mål', { exact: true }).fill('mange');
  await form.getByRole('button', { name: 'Gem succeskriteriet' }).click();
  await form.getByText('Skriv, hvad der måles.').waitFor();
  expect(await form.getByText('Skriv målet som et tal, fx 80.').count()).toBe(1);
  await form.getByLabel('Hvad måles').fill('Deltagere pr. gang');
  await form.getByLabel('Enhed (fx deltagere eller %)').fill('deltagere');
  await form.getByLabel('Udgangspunkt (valgfrit)').fill('8');
  await form.getByLabel('Mål', { exact: true }).fill('12,5');
  expect(await accessibilityProblems(page)).toEqual([]);
  await failNext(page, 'CreateIndicator', 'fault');
  await form.getByRole('button', { name: 'Gem succeskriteriet' }).click();
  await form
    .getByRole('alert')
    .filter({ hasText: `Succeskriteriet blev ikke gemt: ${FAULT}` })
    .waitFor();
  await form.getByRole('button', { name: 'Gem succeskriteriet' }).click();
  await criteria.getByRole('status').filter({ hasText: 'Succeskriteriet er tilføjet: Deltagere pr. gang.' }).waitFor();
  await criteria.getByText(/^Deltagere pr\. gang: ikke målt endnu \(mål op til 12,5 deltagere, fra 8\)/).waitFor();
  await criteria.getByRole('button', { name: 'Registrér en måling: Deltagere pr. gang' }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test("a new plan's steering group is set up from the plan's page: members found by name with their roles, a fault said, then the group shown", async () => {
  const area = await t.idOf('Area', "select id from area where kind = 'ESTATE' order by id limit 1");
  const created = await t.gql(
    'mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { code } userErrors { message } } }',
    { input: { code: 'NY-PLAN', name: 'Helhedsplan Ny', areaIds: [area], startDate: '2027-01-01', endDate: '2030-12-31', status: 'ACTIVE' } },
    Role.COORDINATOR,
  );
  expect(created.data.createPlan.userErrors).toEqual([]);
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('heading', { name: 'Overblik' }).waitFor();
  await page.goto(`${base}/plans/NY-PLAN`);
  const section = page.getByRole('region', { name: /^Styregruppe/ });
  await section.getByText('Planen har ingen styregruppe endnu.').waitFor();
  await section.getByRole('button', { name: 'Opret styregruppen' }).click();
  const form = section.getByRole('form', { name: 'Opret styregruppen' });
  expect(await form.getByLabel('Navn', { exact: true }).inputValue()).toBe('Styregruppen for Helhedsplan Ny');
  const people = (await t.gql('{ people(first: 2, search: "an") { nodes { name } } }', undefined, Role.COORDINATOR)).data.people.nodes.map(
    (p: { name: string }) => p.name,
  ) as string[];
  for (const person of people) {
    await form.getByLabel('Søg efter en person (navn eller stilling)').fill(person.split(' ')[0]!);
    await form
      .getByRole('list', { name: 'Personer' })
      .getByRole('button', { name: new RegExp(`^Tilføj ${person}`) })
      .first()
      .click();
    await form.getByRole('group', { name: person }).waitFor();
  }
  await form.getByRole('group', { name: people[0]! }).getByLabel('Rolle (valgfri, fx formand)').fill('Formand');
  expect(await accessibilityProblems(page)).toEqual([]);
  await failNext(page, 'CreateSteeringGroup', 'offline');
  await form.getByRole('button', { name: 'Opret styregruppen' }).click();
  await form
    .getByRole('alert')
    .filter({ hasText: `Styregruppen blev ikke oprettet: ${OFFLINE}` })
    .waitFor();
  await form.getByRole('button', { name: 'Opret styregruppen' }).click();
  await section.getByRole('status').filter({ hasText: 'Styregruppen er oprettet: Styregruppen for Helhedsplan Ny, 2 medlemmer.' }).waitFor();
  await page.getByRole('heading', { name: 'Styregruppe: Styregruppen for Helhedsplan Ny' }).waitFor();
  await section.getByText(new RegExp(`^${people[0]!}, Formand`)).waitFor();
  expect(cutOff(errors)).toEqual([]);
  await page.close();
});
