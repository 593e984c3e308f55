import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, loadContext } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHubClient, HubAuthError, HubGraphQLError, HubTransportError, type HubClient } from '../client-sdk/client.js';
import { renderHtml, renderMarkdown } from '../client-sdk/newsletter.js';
import { DEMO_TODAY } from '../seeds/demo-city.js';
import { Role } from '../server/core/enums.js';
import { startTestHub, type TestHub } from './support/hub.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let t: TestHub;
const client = (role: Role, extra: Partial<Parameters<typeof createHubClient>[0]> = {}): HubClient =>
  createHubClient({ url: t.hub.url, token: t.users[role].token, backoffMs: 5, ...extra });

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

test('the generated client is what graphql-codegen makes of the committed schema and operations', async () => {
  const context = await loadContext(path.join(ROOT, 'codegen.yml'));
  context.cwd = ROOT;
  const files = (await generate(context, false)) as { filename: string; content: string }[];
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(readFileSync(path.join(ROOT, file.filename), 'utf8'), `${file.filename}: run npm run codegen`).toBe(file.content);
});

describe('the SDK for each user group', () => {
  test('the citywide team: overlaps, coverage and a review, typed', async () => {
    const coordinator = client(Role.COORDINATOR);
    const overlaps = await coordinator.overlaps({ first: 3, filter: { includeSamePlan: false } });
    expect(overlaps.nodes).toHaveLength(3);
    const [a, b] = overlaps.nodes[0]!.activities;
    expect(a!.plan.code).not.toBe(b!.plan.code);
    const gaps = await coordinator.coverage({ filter: { gapsOnly: true, areaKind: 'ESTATE' } });
    expect(gaps.every((cell) => cell.activeActivities === 0)).toBe(true);
    const review = await coordinator.reviewOverlap({ activityIds: [a!.id, b!.id], decision: 'COORDINATED', note: 'Aftalt' });
    expect(review.userErrors).toEqual([]);
    expect(review.overlap?.review?.decision).toBe('COORDINATED');
  });

  test('project leads: similar activities before registering, registration, and typed userErrors', async () => {
    const lead = client(Role.PROJECT_LEAD);
    const viewer = await lead.viewer();
    const plan = viewer!.plans[0]!;
    const ids = async (type: string, sql: string) => t.idOf(type, sql);
    const draft = {
      title: 'Lektiecafé for 3.-6. klasse',
      targetGroupIds: [await ids('TargetGroup', "select id from target_group where code = 'skoleboern'")],
      areaIds: [await ids('Area', "select id from area where code = 'vollsmose-boegeparken'")],
      startDate: '2026-12-01',
      methodId: await ids('Method', "select id from method where code = 'lektiecafe'"),
    };
    expect((await lead.similarActivities({ draft, first: 5 })).length).toBeGreaterThan(0);
    const created = await lead.createActivity({ ...draft, planId: plan.id, idempotencyKey: 'sdk-test-1' });
    expect(created.userErrors).toEqual([]);
    expect(created.similarActivities.length).toBeGreaterThan(0);
    const again = await lead.createActivity({ ...draft, planId: plan.id, idempotencyKey: 'sdk-test-1' });
    expect(again.activity?.id).toBe(created.activity?.id);
    const updated = await lead.updateActivity({ id: created.activity!.id, expectedVersion: created.activity!.version, capacity: 12 });
    expect(updated.activity?.capacity).toBe(12);
    const stale = await lead.updateActivity({ id: created.activity!.id, expectedVersion: created.activity!.version, capacity: 13 });
    expect(stale.userErrors.map((e) => e.code)).toEqual(['VERSION_CONFLICT']);
    const foreign = await lead.createActivity({ ...draft, planId: await ids('Plan', "select id from plan where code = 'SKK'") });
    expect(foreign.userErrors).toEqual([{ field: ['input', 'planId'], code: 'FORBIDDEN', message: expect.any(String) }]);
    const archived = await lead.archiveActivity({ id: created.activity!.id, expectedVersion: updated.activity!.version });
    expect(archived.activity?.archived).toBe(true);
  });

  test('newsletter tooling: highlights and publishable experiences', async () => {
    const reader = client(Role.READER);
    const items = await reader.highlights({ since: '2026-10-23T00:00:00Z', until: `${DEMO_TODAY}T12:00:00Z`, first: 30 });
    expect(new Set(items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(3);
    const experiences = await reader.experiences({ first: 100 });
    expect(experiences.nodes.every((e) => e.publishable)).toBe(true);
  });
});

describe('errors and retries', () => {
  test('a refused token, an unreachable hub and a malformed request are typed errors', async () => {
    await expect(createHubClient({ url: t.hub.url, token: 'hub_not-a-real-token-at-all' }).viewer()).rejects.toBeInstanceOf(HubAuthError);
    await expect(createHubClient({ url: 'http://127.0.0.1:1/graphql', token: 'x', retries: 1, backoffMs: 1 }).viewer()).rejects.toBeInstanceOf(
      HubTransportError,
    );
    const error = await client(Role.READER)
      .plans({ first: 1000 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HubGraphQLError);
    expect((error as HubGraphQLError).errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('queries are retried with backoff on network failures and 5xx; mutations without an idempotency key are not', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) throw new TypeError('fetch failed');
      if (calls === 2) return new Response('busy', { status: 503 });
      return fetch(input, init);
    };
    const viewer = await client(Role.READER, { fetch: flaky }).viewer();
    expect(viewer?.role).toBe('READER');
    expect(calls).toBe(3);
    calls = 0;
    const failing: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    await expect(client(Role.COORDINATOR, { fetch: failing }).archiveActivity({ id: 'x', expectedVersion: 1 })).rejects.toBeInstanceOf(HubTransportError);
    expect(calls).toBe(1);
    calls = 0;
    await expect(client(Role.COORDINATOR, { fetch: failing, retries: 2 }).viewer()).rejects.toBeInstanceOf(HubTransportError);
    expect(calls).toBe(3);
  });
});

describe('the newsletter', () => {
  const period = { since: '2026-10-23T00:00:00Z', until: `${DEMO_TODAY}T12:00:00Z` };

  test('a Danish draft from the demo city: several kinds, no e-mail address or phone number', async () => {
    const items = await client(Role.READER).highlights({ ...period, first: 50 });
    const markdown = renderMarkdown(items, period);
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings.length).toBeGreaterThanOrEqual(3);
    expect(markdown).toContain('# Nyt fra de boligsociale helhedsplaner');
    const html = renderHtml(items, period);
    for (const text of [markdown, html]) {
      expect(text).not.toMatch(/[^\s@]+@[^\s@]+\.[a-z]{2,}/i);
      expect(text).not.toMatch(/\+45[\s\d]{8,}/);
    }
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|https?:\/\/|<img/i);
  });

  test('the demo month reads like an editor wrote it: no mangled names or years, no place said twice, no news repeated, capped', async () => {
    const items = await client(Role.READER).highlights({ ...period, first: 50 });
    const markdown = renderMarkdown(items, period);
    const lines = markdown.split('\n').filter((line) => line.trim());
    // A year or a range of years ("Sommerskole 2027", "2027-2030") is never taken for a phone number.
    expect(markdown).not.toContain('[skjult]');
    // "Ungeklub i Kildegården i Kildegården" and "Jobcafé i Egeparken og Jobcafé i Egeparken" are gone.
    for (const line of lines) {
      expect(line, line).not.toMatch(/ i ([\p{L}][\p{L} ]+?) i \1\b/u);
      expect(line, line).not.toMatch(/(?:: | nu )(.{6,}) og \1(?:,|$)/u);
    }
    // No sentence is printed twice: items saying the same are one entry naming them all.
    const summaries = lines.filter((line) => !/^(#|- |_|---|Også:)/.test(line));
    expect(new Set(summaries).size).toBe(summaries.length);
    expect(markdown).toMatch(/### Samme vurdering af \d+ tilbud\n\n(- .+\n)+\n.+/);
    // At most FULL_PER_SECTION entries in full per section; the rest by name.
    for (const section of markdown.split('\n## ').slice(1)) expect(section.split('\n### ').length - 1).toBeLessThanOrEqual(5);
    // Readers see no draft plan: a DRAFT plan is never news.
    const drafts = await t.gql<{ plans: { nodes: { name: string; status: string }[] } }>('{ plans(first: 100) { nodes { name status } } }');
    for (const plan of drafts.data!.plans.nodes.filter((p) => p.status === 'DRAFT')) expect(markdown).not.toContain(plan.name);
  });

  test('personal data that slipped into a text is blanked, and nothing else', () => {
    const item = {
      kind: 'NEW_PLAN' as const,
      title: 'Ny helhedsplan: Korsløkken 2027-2030',
      summary: 'Fra 2027 til 2030; tlf. +45 12345678 eller 8765 4321.',
      occurredAt: period.until,
      score: 1,
      subject: null,
    };
    expect(renderMarkdown([item], period)).toContain('### Ny helhedsplan: Korsløkken 2027-2030');
    expect(renderMarkdown([item], period)).toContain('Fra 2027 til 2030; tlf. [skjult] eller [skjult].');
  });

  test('personal data that slipped into a text is blanked', () => {
    const item = {
      kind: 'EXPERIENCE_PUBLISHED' as const,
      title: 'Ring til Anna',
      summary: 'Skriv til anna@example.dk eller ring 12 34 56 78.',
      occurredAt: period.until,
      score: 1,
      subject: null,
    };
    expect(renderMarkdown([item], period)).toContain('Skriv til [skjult] eller ring [skjult].');
  });

  test('the command fails clearly when the hub is unreachable or refuses the token', async () => {
    const run = (env: Record<string, string>, args: string[] = []) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'client-sdk/newsletter-cli.ts', '--since', '2026-11-01', ...args], {
          cwd: ROOT,
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (c) => (output += c));
        child.stderr.on('data', (c) => (output += c));
        child.on('exit', (code) => resolve({ code, output }));
      });
    const unreachable = await run({ HUB_URL: 'http://127.0.0.1:1/graphql', HUB_TOKEN: 'x'.repeat(40) });
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toMatch(/Hubben på http:\/\/127\.0\.0\.1:1\/graphql kan ikke nås/);
    const refused = await run({ HUB_URL: t.hub.url, HUB_TOKEN: 'hub_wrong-token-wrong-token-wrong' });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/afviste nøglen i HUB_TOKEN/);
    const ok = await run({ HUB_URL: t.hub.url, HUB_TOKEN: t.users.READER.token });
    expect(ok.code).toBe(0);
    expect(ok.output).toContain('# Nyt fra de boligsociale helhedsplaner');
    const badMax = await run({ HUB_URL: t.hub.url, HUB_TOKEN: t.users.READER.token }, ['--max', '0']);
    expect(badMax.code).toBe(2);
    expect(badMax.output).toMatch(/--max skal være et helt tal fra 1 til 100/);
    // Danish dates: 01.11.2026 is the first of November (it was read as 11 January and succeeded); impossible ones stop the command.
    for (const [since, until] of [
      ['01.11.2026', '30.11.2026'],
      ['1-11-2026', '30-11-2026'],
    ]) {
      const november = await run({ HUB_URL: t.hub.url, HUB_TOKEN: t.users.READER.token }, ['--since', since!, '--until', until!]);
      expect(november.code).toBe(0);
      expect(november.output).toContain('_Perioden 1. november 2026 til 30. november 2026_');
    }
    const impossible = await run({ HUB_URL: t.hub.url, HUB_TOKEN: t.users.READER.token }, ['--since', '31.02.2026']);
    expect(impossible.code).toBe(2);
    expect(impossible.output).toMatch(/--since: "31\.02\.2026" er ikke en dato, der findes/);
    const shortYear = await run({ HUB_URL: t.hub.url, HUB_TOKEN: t.users.READER.token }, ['--since', '1.11.26']);
    expect(shortYear.code).toBe(2);
    expect(shortYear.output).toMatch(/skriv året med fire cifre/);
    // --max N: the draft holds N items (entries, names under "Også" and names in a shared entry).
    const few = await run({ HUB_URL: t.hub.url, HUB_TOKEN: t.users.READER.token }, ['--max', '3', '--since', '2026-10-23']);
    expect(few.code).toBe(0);
    const shown = few.output.split('\n').filter((line) => line.startsWith('### ') || line.startsWith('- ')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(3);
  });
});
