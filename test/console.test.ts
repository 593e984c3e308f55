import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONSOLE_DIR } from '../server/core/console.js';
import { Role } from '../server/core/enums.js';
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
  await page.getByRole('heading', { name: 'Overblik' }).waitFor({ timeout: 10_000 }).catch((error) => {
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
  await page.getByRole('heading', { name: 'Brugere' }).waitFor();
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
  await invited.page.getByRole('heading', { name: 'Overblik' }).waitFor();
  expect(await invited.page.getByRole('banner').innerText()).toContain('Sara Holm (projektleder)');
  expect(await invited.page.getByRole('link', { name: 'Brugere' }).count()).toBe(0);
  await invited.page.close();
  await page.close();
});

test('the coordinator reviews an overlap on the board: groups to open, pairs side by side with Danish reasons, a decision that sticks, a CSV to export', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('link', { name: 'Overlap' }).click();
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
  expect(csv.split('\r\n')[0]).toBe('\ufeff"Gruppe";"Aktivitet A";"Helhedsplan A";"Aktivitet B";"Helhedsplan B";"Score";"Beslutning"');
  expect(csv).toContain('"koordineret"');
  expect(errors).toEqual([]);
  await page.close();
});

test('the coverage map: areas by target groups with gaps marked in words, a theme to pick, and a cell that opens its activities', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.COORDINATOR].token}`);
  await page.getByRole('link', { name: 'Dækning' }).click();
  await page.getByRole('heading', { name: 'Dækning' }).waitFor();
  await page.getByRole('rowheader', { name: 'Vollsmose' }).waitFor();
  expect(await page.getByRole('button', { name: /^hul: .*ingen aktiviteter$/ }).count()).toBeGreaterThan(0);
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('button', { name: /^\d+: Vollsmose, Skolebørn 6-12, aktiviteter$/ }).click();
  const panel = page.getByRole('region', { name: 'Vollsmose: Skolebørn 6-12' });
  await panel.getByRole('listitem').first().waitFor();
  expect(await panel.innerText()).toMatch(/Lektie/i);
  await page.getByLabel('Indsatsområde').selectOption({ label: 'Uddannelse og livschancer' });
  await page.getByLabel('Områder').selectOption({ label: 'Boligområder' });
  await page.getByRole('rowheader', { name: 'Bøgeparken' }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test('the reader previews the newsletter of a period, in Danish, and copies it as the same HTML the newsletter command writes', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}/login#token=${t.users[Role.READER].token}`);
  await page.getByRole('link', { name: 'Nyhedsbrev' }).click();
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
  expect(errors).toEqual([]);
  await page.close();
});
