import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_TODAY } from '../seeds/demo-city.js';
import { Role } from '../server/core/enums.js';
import { candidatesOf, rankedHighlights } from '../server/newsletter/highlight.store.js';
import { rankHighlights } from '../server/newsletter/ranking.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

const HIGHLIGHTS =
  'query($since: DateTime!, $until: DateTime, $first: Int) { highlights(since: $since, until: $until, first: $first) { kind title summary occurredAt score subject { __typename id } } }';
const month = { since: '2026-10-23T00:00:00Z', until: `${DEMO_TODAY}T12:00:00Z` };

async function highlights(variables: Record<string, unknown>, as: Role = Role.READER) {
  const result = await t.gql(HIGHLIGHTS, variables, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.highlights as any[];
}

test('the last month of the demo city holds news of every kind, ranked and stable', async () => {
  const items = await highlights({ ...month, first: 100 });
  // The month's only new plan, Korsløkken 2027-2030, is a DRAFT: not news until it is adopted.
  expect(new Set(items.map((i) => i.kind))).toEqual(
    new Set(['NEW_ACTIVITY', 'ACTIVITY_STARTING', 'EXPERIENCE_PUBLISHED', 'TARGET_REACHED', 'EVALUATION', 'OVERLAP_RESOLVED']),
  );
  expect(JSON.stringify(items)).not.toContain('Korsløkken 2027');
  for (let i = 1; i < items.length; i++) expect(items[i].score).toBeLessThanOrEqual(items[i - 1].score);
  expect(await highlights({ ...month, first: 100 })).toEqual(items);
  for (const item of items) expect(item.subject).not.toBeNull();
});

test('variety: neither one plan nor one kind fills the top of the list', async () => {
  const top = await highlights({ ...month, first: 10 });
  expect(top).toHaveLength(10);
  expect(new Set(top.map((i) => i.kind)).size).toBeGreaterThanOrEqual(4);
  const plans = await Promise.all(
    top.map(async (i) => {
      const data = await t.gql(
        `query($id: ID!) { node(id: $id) {
      ... on Activity { plan { code } } ... on Plan { code } ... on Indicator { ip: plan { code } ia: activity { plan { code } } }
      ... on Evaluation { ea: activity { plan { code } } } ... on Experience { xa: activity { plan { code } } } } }`,
        { id: i.subject.id },
      );
      expect(data.errors).toBeUndefined();
      const n = data.data.node ?? {};
      return n.code ?? n.plan?.code ?? n.ip?.code ?? n.ia?.plan?.code ?? n.ea?.plan?.code ?? n.xa?.plan?.code ?? null;
    }),
  );
  const perPlan = new Map<string, number>();
  for (const code of plans.filter(Boolean)) perPlan.set(code, (perPlan.get(code) ?? 0) + 1);
  expect(Math.max(...perPlan.values())).toBeLessThanOrEqual(2);
});

test('publishable content only, and never personal data, whoever asks', async () => {
  const method = await t.idOf('Method', "select id from method where code = 'jobcafe'");
  const since = new Date(Date.now() - 60_000).toISOString();
  for (const publishable of [true, false]) {
    await t.gql('mutation($input: CreateExperienceInput!) { createExperience(input: $input) { userErrors { code } } }', {
      input: {
        title: publishable ? 'Offentlig erfaring' : 'Intern erfaring',
        body: 'Kontakt anna@example.dk for detaljer.',
        outcome: 'WORKED',
        methodId: method,
        publishable,
      },
    });
  }
  for (const role of [Role.READER, Role.COORDINATOR, Role.ADMIN]) {
    const items = await highlights({ since, first: 50 }, role);
    const titles = items.map((i) => i.title);
    expect(titles.some((x) => x.includes('Offentlig erfaring'))).toBe(true);
    expect(titles.some((x) => x.includes('Intern erfaring'))).toBe(false);
  }
  const all = await highlights({ ...month, first: 100 }, Role.COORDINATOR);
  for (const item of all) expect(`${item.title} ${item.summary}`).not.toMatch(/\+45|\d{2} \d{2} \d{2} \d{2}/);
});

test('first is checked and the period must make sense', async () => {
  expect(await highlights({ ...month })).toHaveLength(20);
  const tooMany = await t.gql(HIGHLIGHTS, { ...month, first: 1000 });
  expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const backwards = await t.gql(HIGHLIGHTS, { since: month.until, until: month.since });
  expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('the stored candidates follow every change of the tables they come from, at once, also one still being written while they are built', async () => {
  const [activity] = (await t.hub.orm.em
    .fork()
    .execute(
      `select a.id, a.title from activity a join plan p on p.id = a.plan_id where p.status <> 'DRAFT' and not a.archived and a.status <> 'CANCELLED' order by a.id limit 1`,
    )) as {
    id: number;
    title: string;
  }[];
  const titles = async () => (await highlights({ ...month, first: 100 }, Role.COORDINATOR)).map((i) => i.title).join('\n');
  // A change made outside the API (no audit event) is seen by the next request.
  await t.hub.orm.em.fork().execute('update activity set title = ?, created_at = ? where id = ?', ['Omdøbt værested', `${DEMO_TODAY}T10:00:00Z`, activity!.id]);
  expect(await titles()).toContain('Nyt tilbud: Omdøbt værested');
  // A writer still in its transaction while the candidates are built: they are built again once it has committed.
  const pool = new pg.Pool({ connectionString: t.database.url, max: 1 });
  const writer = await pool.connect();
  try {
    await writer.query('begin');
    await writer.query('update activity set title = $1 where id = $2', ['Værested med nyt navn', activity!.id]);
    expect(await titles()).toContain('Nyt tilbud: Omdøbt værested');
    await writer.query('commit');
    expect(await titles()).toContain('Nyt tilbud: Værested med nyt navn');
    expect(await titles()).not.toContain('Omdøbt værested');
  } finally {
    writer.release();
    await pool.end();
  }
});

test('the ranking reads a page of the best candidates, and picks exactly what ranking every candidate of the period picks', async () => {
  const em = t.hub.orm.em.fork();
  const periods = [
    [month.since, month.until],
    ['2025-01-01T00:00:00Z', month.until],
    ['2026-11-01T00:00:00Z', '2026-11-08T00:00:00Z'],
    ['2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z'],
  ];
  let pages = 0;
  let widened = 0;
  for (const [since, until] of periods) {
    const [from, to] = [new Date(since!), new Date(until!)];
    const all = await candidatesOf(em, from, to);
    for (const limit of [1, 3, 20, 50, 100]) {
      t.statements.length = 0;
      const ranked = await rankedHighlights(em, from, to, limit);
      const reads = t.statements.filter((sql) => sql.includes(' as base')).length;
      pages++;
      if (reads > 1) widened++;
      expect(ranked, `${since} - ${until}, ${limit}`).toEqual(rankHighlights(all, from, to, limit));
    }
  }
  console.log(`${pages} rankings, ${widened} of them read a second page`);
  // Both ways out of the loop were taken.
  expect(widened).toBeGreaterThan(0);
  expect(widened).toBeLessThan(pages);
});
