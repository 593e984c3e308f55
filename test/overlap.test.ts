import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { DEFAULT_THRESHOLD, INFERRED_EXAMPLE_WEIGHT } from '../server/overlap/overlap.sql.js';
import { refreshLearnedInferences } from '../server/overlap/overlap.store.js';
import { DELIBERATE, DOCUMENTED_PAIRS } from '../seeds/deliberate.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
const byKey = new Map<string, string>();
const titleOf = new Map(DELIBERATE.map((d) => [d.key, d.title]));

beforeAll(async () => {
  t = await startTestHub();
  for (const d of DELIBERATE) byKey.set(d.key, await t.idOf('Activity', `select id from activity where title = '${d.title.replace(/'/g, "''")}'`));
});
afterAll(() => t?.stop());

const OVERLAP = 'score reasons { kind weight detail } activities { id title plan { code } } review { decision note reviewedBy { name } reviewedAt }';

async function ok<T = any>(query: string, variables?: Record<string, unknown>, as: Role = Role.COORDINATOR): Promise<T> {
  const result = await t.gql<T>(query, variables, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

async function overlapsOf(key: string, minScore?: number): Promise<any[]> {
  const data = await ok(`query($id: ID!, $min: Float) { node(id: $id) { ... on Activity { overlaps(minScore: $min) { ${OVERLAP} } } } }`, {
    id: byKey.get(key),
    min: minScore,
  });
  return data.node.overlaps;
}

const partnerTitles = (overlaps: any[], key: string) => overlaps.map((o) => o.activities.find((a: any) => a.id !== byKey.get(key))?.title);

describe('overlaps in the demo city', () => {
  test.each(DOCUMENTED_PAIRS.filter((p) => p.overlap).map((p) => ({ pair: p.pair.join('/') })))(
    'documented overlap $pair is found and explained',
    async ({ pair }) => {
      const [a, b] = pair.split('/') as [string, string];
      const overlaps = await overlapsOf(a);
      const found = overlaps.find((o) => o.activities.some((x: any) => x.id === byKey.get(b)));
      expect(found, `${titleOf.get(a)} / ${titleOf.get(b)}`).toBeDefined();
      expect(found.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(found.activities.map((x: any) => x.id)).toEqual(
        [byKey.get(a), byKey.get(b)].sort(
          (x, y) => Number(Buffer.from(x!, 'base64url').toString().split(':')[1]) - Number(Buffer.from(y!, 'base64url').toString().split(':')[1]),
        ),
      );
      const kinds = found.reasons.map((r: any) => r.kind);
      expect(kinds).toEqual(expect.arrayContaining(['TARGET_GROUP', 'AREA', 'PERIOD']));
      expect(kinds.includes('METHOD') || (kinds.includes('THEME') && kinds.includes('TEXT'))).toBe(true);
      const sum = found.reasons.reduce((total: number, r: any) => total + r.weight, 0);
      expect(sum).toBeCloseTo(found.score, 2);
      for (const reason of found.reasons) expect(reason.detail.length).toBeGreaterThan(5);
    },
  );

  test.each(DOCUMENTED_PAIRS.filter((p) => !p.overlap).map((p) => ({ pair: p.pair.join('/') })))(
    'documented near miss $pair is not reported',
    async ({ pair }) => {
      const [a, b] = pair.split('/') as [string, string];
      const data = await ok(`query($id: ID!) { node(id: $id) { ... on Activity { overlaps(minScore: 0) { activities { id } } } } }`, { id: byKey.get(a) });
      expect(data.node.overlaps.flatMap((o: any) => o.activities.map((x: any) => x.id))).not.toContain(byKey.get(b));
    },
  );

  test('reasons read as plain Danish words naming the group, the place, the period and the time; English when asked for', async () => {
    const [d1] = (await overlapsOf('D1a')).filter((o) => partnerTitles([o], 'D1a')[0] === titleOf.get('D1b'));
    const detail = Object.fromEntries(d1.reasons.map((r: any) => [r.kind, r.detail]));
    expect(detail).toEqual({
      METHOD: "begge bruger metoden 'Lektiecafé'",
      TARGET_GROUP: "begge for 'Skolebørn 6-12'",
      AREA: 'Bøgeparken og Egeparken ligger 0,6 km fra hinanden',
      PERIOD: 'begge kører fra og med 6. januar 2025 til og med 31. december 2026',
      SCHEDULE: 'begge tirsdage kl. 15.30-17.00',
    });
    const english = {
      METHOD: "both use the method 'Lektiecafé'",
      TARGET_GROUP: "both serve 'Skolebørn 6-12'",
      AREA: 'Bøgeparken and Egeparken are 0.6 km apart',
      PERIOD: 'both run from 6 January 2025 up to and including 31 December 2026',
      SCHEDULE: 'both on Tuesdays 15:30-17:00',
    };
    const query = `query($id: ID!) { node(id: $id) { ... on Activity { overlaps {
      activities { id } detail: reasons { kind detail } en: reasons(language: EN) { kind detail } da: reasons(language: DA) { kind detail } } } } }`;
    const pick = (data: any, key: string) => {
      const pair = data.node.overlaps.find((o: any) => o.activities.some((a: any) => a.id === byKey.get('D1b')));
      return Object.fromEntries(pair[key].map((r: any) => [r.kind, r.detail]));
    };
    const asked = await ok(query, { id: byKey.get('D1a') });
    expect(pick(asked, 'en')).toEqual(english);
    expect(pick(asked, 'da')).toEqual(detail);
    const response = await fetch(t.hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.users[Role.COORDINATOR].token}`, 'accept-language': 'en-GB,en;q=0.9,da;q=0.5' },
      body: JSON.stringify({ query, variables: { id: byKey.get('D1a') } }),
    });
    const body = (await response.json()) as { data: any };
    expect(pick(body.data, 'detail')).toEqual(english);
    expect(pick(body.data, 'da')).toEqual(detail);
  });
});

describe('the overlap list', () => {
  test('best first, paged by cursor without repeats, with the total', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let previous = 1;
    let total = 0;
    for (let page = 0; page < 3; page++) {
      const data: any = await ok(
        `query($after: String) { overlaps(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { score activities { id } } } } }`,
        { after },
      );
      total = data.overlaps.totalCount;
      for (const edge of data.overlaps.edges) {
        expect(edge.node.score).toBeLessThanOrEqual(previous);
        expect(edge.node.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
        previous = edge.node.score;
        const key = edge.node.activities.map((a: any) => a.id).join('/');
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
      after = data.overlaps.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(150);
    expect(seen.size).toBe(150);
  });

  test('every filter narrows the list as described', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await ok('query($f: OverlapFilter) { overlaps(filter: $f) { totalCount } }', { f: filter })).overlaps.totalCount as number;
    const all = await count({});
    const skk = await t.idOf('Plan', "select id from plan where code = 'SKK'");
    const rising = await t.idOf('Area', "select id from area where code = 'rising'");
    const women = await t.idOf('TargetGroup', "select id from target_group where code = 'etniske-kvinder'");
    const krim = await t.idOf('Theme', "select id from theme where code = 'KRIM'");
    for (const filter of [
      { planIds: [skk] },
      { areaIds: [rising] },
      { targetGroupIds: [women] },
      { themeIds: [krim] },
      { includeSamePlan: false },
      { minScore: 0.9 },
    ]) {
      const n = await count(filter);
      expect(n, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(n, JSON.stringify(filter)).toBeLessThan(all);
    }
    expect(await count({ minScore: 0 })).toBeGreaterThanOrEqual(all);
    expect(await count({ activeOn: '2024-03-01' })).toBeGreaterThan(0);
    expect(await count({ activeOn: '1999-01-01' })).toBe(0);
    const inPlan = await ok('query($p: [ID!]) { overlaps(first: 100, filter: { planIds: $p }) { nodes { activities { plan { code } } } } }', { p: [skk] });
    for (const node of inPlan.overlaps.nodes) expect(node.activities.map((a: any) => a.plan.code)).toContain('SKK');
    const crossPlan = await ok('{ overlaps(first: 100, filter: { includeSamePlan: false }) { nodes { activities { plan { code } } } } }');
    for (const node of crossPlan.overlaps.nodes) expect(node.activities[0].plan.code).not.toBe(node.activities[1].plan.code);
    const bad = await t.gql('{ overlaps(filter: { minScore: 2 }) { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a nested overlap query costs as many statements for 5 pairs as for 100', async () => {
    const query =
      'query($n: Int) { overlaps(first: $n) { nodes { score review { decision } activities { title plan { name } method { name } areas { name } } } } }';
    const statements = async (n: number) => {
      t.statements.length = 0;
      await ok(query, { n });
      return t.statements.length;
    };
    expect(await statements(100)).toBe(await statements(5));
  });
});

describe('reviews', () => {
  const review = (ids: (string | undefined)[], decision: string, as: Role = Role.COORDINATOR, note?: string) =>
    t.gql(
      `mutation($input: ReviewOverlapInput!) { reviewOverlap(input: $input) { overlap { ${OVERLAP} } userErrors { field code message } } }`,
      { input: { activityIds: ids, decision, note } },
      as,
    );

  test('a reviewed pair is hidden unless asked for, shows its review, and is audited', async () => {
    const result = await review([byKey.get('D7a'), byKey.get('D7b')], 'COORDINATED', Role.COORDINATOR, 'Fælles jobcafé fra januar');
    expect(result.data.reviewOverlap.userErrors).toEqual([]);
    expect(result.data.reviewOverlap.overlap.review).toMatchObject({ decision: 'COORDINATED', note: 'Fælles jobcafé fra januar' });
    expect(partnerTitles(await overlapsOf('D7a'), 'D7a')).not.toContain(titleOf.get('D7b'));
    const ejerslykke = await t.idOf('Plan', "select id from plan where code = 'EJE'");
    const listed = async (includeReviewed: boolean) =>
      (
        await ok(
          'query($p: [ID!], $r: Boolean) { overlaps(first: 100, filter: { planIds: $p, includeReviewed: $r }) { nodes { activities { id } review { decision } } } }',
          { p: [ejerslykke], r: includeReviewed },
        )
      ).overlaps.nodes.filter((n: any) => n.activities.some((a: any) => a.id === byKey.get('D7b')));
    expect(await listed(false)).toEqual([]);
    expect(await listed(true)).toEqual([expect.objectContaining({ review: { decision: 'COORDINATED' } })]);
    const log = await ok('{ auditLog(first: 5) { action entityType changes } }');
    expect(log.auditLog[0]).toMatchObject({ action: 'reviewOverlap', entityType: 'OverlapReview' });
    expect(JSON.parse(log.auditLog[0].changes).decision).toEqual({ before: null, after: 'COORDINATED' });
  });

  test('changing whom, where, when or how reopens the pair; other changes do not', async () => {
    await review([byKey.get('D6a'), byKey.get('D6b')], 'COMPLEMENTARY');
    const hidden = async () => !partnerTitles(await overlapsOf('D6a'), 'D6a').includes(titleOf.get('D6b'));
    expect(await hidden()).toBe(true);
    const version = async () => (await ok('query($id: ID!) { node(id: $id) { ... on Activity { version } } }', { id: byKey.get('D6b') })).node.version;
    const update = (input: Record<string, unknown>) =>
      ok('mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { userErrors { code } } }', { input });
    await update({ id: byKey.get('D6b'), expectedVersion: await version(), description: 'Netværk for fædre om opdragelse, skole, fritid og madlavning.' });
    expect(await hidden()).toBe(true);
    await update({ id: byKey.get('D6b'), expectedVersion: await version(), endDate: '2027-06-30' });
    expect(await hidden()).toBe(false);
  });

  test('who may review: coordinators, and project leads for pairs touching their plans', async () => {
    const own = await review([byKey.get('D1a'), byKey.get('D1b')], 'DUPLICATE', Role.PROJECT_LEAD);
    expect(own.data.reviewOverlap.userErrors).toEqual([]);
    const other = await review([byKey.get('D3a'), byKey.get('D3b')], 'DUPLICATE', Role.PROJECT_LEAD);
    expect(other.data.reviewOverlap.userErrors[0]).toMatchObject({ code: 'FORBIDDEN' });
    for (const role of [Role.READER, Role.ADMIN]) {
      expect((await review([byKey.get('D3a'), byKey.get('D3b')], 'DUPLICATE', role)).data.reviewOverlap.userErrors[0].code).toBe('FORBIDDEN');
    }
  });

  test('"Fortryd": whoever decided takes it back within ten minutes; the decision before counts again', async () => {
    const decide = async (decision: string, as: Role = Role.COORDINATOR) => {
      const result = await t.gql(
        'mutation($input: ReviewOverlapInput!) { reviewOverlap(input: $input) { reviewIds overlap { review { decision } } userErrors { code } } }',
        { input: { activityIds: [byKey.get('D4a'), byKey.get('D4b')], decision } },
        as,
      );
      expect(result.data.reviewOverlap.userErrors).toEqual([]);
      return result.data.reviewOverlap.reviewIds as string[];
    };
    const undo = (reviewIds: string[], as: Role = Role.COORDINATOR) =>
      t.gql(
        'mutation($input: UndoOverlapReviewsInput!) { undoOverlapReviews(input: $input) { undoneCount userErrors { field code message } } }',
        { input: { reviewIds } },
        as,
      );
    const plan = (await ok('query($id: ID!) { node(id: $id) { ... on Activity { plan { id } } } }', { id: byKey.get('D4a') })).node.plan.id;
    const current = async () =>
      (
        await ok(
          'query($p: [ID!]) { overlaps(first: 100, filter: { planIds: $p, includeReviewed: true, minScore: 0 }) { nodes { activities { id } review { decision } } } }',
          {
            p: [plan],
          },
        )
      ).overlaps.nodes.find((o: any) => [byKey.get('D4a'), byKey.get('D4b')].every((id) => o.activities.some((a: any) => a.id === id)))?.review?.decision ??
      null;
    const first = await decide('COMPLEMENTARY');
    const second = await decide('DUPLICATE');
    expect(first).toHaveLength(1);
    expect(await current()).toBe('DUPLICATE');
    // Someone else cannot take it back; a made-up id is refused; nothing changes.
    expect((await undo(second, Role.PROJECT_LEAD)).data.undoOverlapReviews.userErrors[0]).toMatchObject({
      code: 'FORBIDDEN',
      field: ['input', 'reviewIds', '0'],
    });
    expect((await undo(['bm90LWFuLWlk'])).data.undoOverlapReviews.userErrors[0]).toMatchObject({ code: 'INVALID' });
    expect(await current()).toBe('DUPLICATE');
    expect((await undo(second)).data.undoOverlapReviews).toEqual({ undoneCount: 1, userErrors: [] });
    expect(await current()).toBe('COMPLEMENTARY');
    // A decision replaced since cannot be taken back; undoing the first leaves the pair undecided.
    expect((await undo(second)).data.undoOverlapReviews.userErrors[0]).toMatchObject({ code: 'INVALID' });
    expect((await undo(first)).data.undoOverlapReviews.undoneCount).toBe(1);
    expect(await current()).toBe(null);
    // Ten minutes later it is too late.
    const late = await decide('COORDINATED');
    await t.hub.orm.em.fork().execute("update overlap_review set reviewed_at = reviewed_at - interval '11 minutes' where superseded_at is null");
    expect((await undo(late)).data.undoOverlapReviews.userErrors[0].message).toMatch(/10 minutes/);
    const log = await ok('{ auditLog(first: 3) { action entityType } }');
    expect(log.auditLog.map((e: any) => e.action)).toContain('undoOverlapReviews');
  });

  test('the input must name two different activities that overlap', async () => {
    const codes = async (ids: (string | undefined)[]) =>
      (await review(ids, 'COMPLEMENTARY')).data.reviewOverlap.userErrors.map((e: any) => `${e.field.join('.')}:${e.code}`);
    expect(await codes([byKey.get('D5a')])).toEqual(['input.activityIds:INVALID']);
    expect(await codes([byKey.get('D5a'), byKey.get('D5a')])).toEqual(['input.activityIds:INVALID']);
    expect(await codes([byKey.get('N1a'), byKey.get('N1b')])).toEqual(['input.activityIds:INVALID']);
    expect(await codes([byKey.get('D5a'), Buffer.from('Activity:99999').toString('base64url')])).toEqual(['input.activityIds.1:NOT_FOUND']);
  });
});

describe('similar activities', () => {
  const draftIds = async () => ({
    estate: await t.idOf('Area', "select id from area where code = 'vollsmose-egeparken'"),
    children: await t.idOf('TargetGroup', "select id from target_group where code = 'skoleboern'"),
    udd: await t.idOf('Theme', "select id from theme where code = 'UDD'"),
    lektiecafe: await t.idOf('Method', "select id from method where code = 'lektiecafe'"),
    plan: await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'"),
  });

  test('a draft is scored against the existing activities before it is registered', async () => {
    const ids = await draftIds();
    const data = await ok(
      `query($draft: ActivityDraftInput!) { similarActivities(draft: $draft, first: 30) { ${OVERLAP} } }`,
      {
        draft: {
          title: 'Lektiehjælp for skolebørn i Egeparken',
          themeIds: [ids.udd],
          targetGroupIds: [ids.children],
          areaIds: [ids.estate],
          startDate: '2026-12-01',
          schedule: [{ weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' }],
        },
      },
      Role.PROJECT_LEAD,
    );
    const similar = data.similarActivities;
    expect(similar.length).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(30);
    expect(similar.map((o: any) => o.activities[0].title)).toContain(titleOf.get('D1b'));
    for (let i = 1; i < similar.length; i++) expect(similar[i].score).toBeLessThanOrEqual(similar[i - 1].score);
    for (const o of similar) expect(o.activities).toHaveLength(1);
  });

  test('a bad draft is a clear BAD_USER_INPUT', async () => {
    const ids = await draftIds();
    const result = await t.gql('query($draft: ActivityDraftInput!) { similarActivities(draft: $draft) { score } }', {
      draft: { title: 'x', targetGroupIds: [ids.estate], areaIds: [ids.estate], startDate: '2027-01-04' },
    });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a project lead registering a duplicate of a neighbour sees it in the payload', async () => {
    const ids = await draftIds();
    const result = await ok(
      `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } similarActivities { ${OVERLAP} } userErrors { code } } }`,
      {
        input: {
          planId: ids.plan,
          title: 'Lektiecafé for mellemtrinnet',
          methodId: ids.lektiecafe,
          themeIds: [ids.udd],
          targetGroupIds: [ids.children],
          areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose-boegeparken'")],
          startDate: '2026-12-01',
          schedule: [{ weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' }],
        },
      },
      Role.PROJECT_LEAD,
    );
    const { activity, similarActivities } = result.createActivity;
    const titles = similarActivities.flatMap((o: any) => o.activities.filter((a: any) => a.id !== activity.id).map((a: any) => a.title));
    expect(titles).toEqual(expect.arrayContaining([titleOf.get('D1a'), titleOf.get('D1b')]));
    for (const o of similarActivities) expect(o.activities.map((a: any) => a.id)).toContain(activity.id);
    // The new pairs are stored at once: the list and the neighbour see them too.
    expect(partnerTitles(await overlapsOf('D1b', 0), 'D1b')).toContain('Lektiecafé for mellemtrinnet');
  });
});

describe('reasons a social worker reads without a key', () => {
  test('two activities without a method are said to share words in full sentences, the likeness in per cent; the times, when there are none to compare', async () => {
    const plan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const estate = await t.idOf('Area', "select id from area where code = 'vollsmose-egeparken'");
    const seniors = await t.idOf('TargetGroup', "select id from target_group where code = 'seniorer'");
    const common = { themeIds: [], targetGroupIds: [seniors], areaIds: [estate], startDate: '2026-12-01' };
    const created = await ok(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } userErrors { message } } }`, {
      input: { ...common, planId: plan, title: 'Strikkeklub med garn, kaffe og kage', description: 'Vi strikker sammen hver uge i beboerhuset.' },
    });
    const data = await ok(`query($draft: ActivityDraftInput!) { similarActivities(draft: $draft, first: 30) { ${OVERLAP} } }`, {
      draft: { ...common, title: 'Strikkeklub: garn, kaffe og kage', description: 'Vi strikker sammen i beboerhuset hver uge.' },
    });
    const pair = data.similarActivities.find((o: any) => o.activities.some((a: any) => a.id === created.createActivity.activity.id));
    expect(pair, JSON.stringify(data.similarActivities.map((o: any) => o.activities[0].title))).toBeDefined();
    const detail = Object.fromEntries(pair.reasons.map((r: any) => [r.kind, r.detail]));
    expect(detail.METHOD).toBeUndefined();
    expect(detail.TEXT).toMatch(
      /^'Strikkeklub: garn, kaffe og kage' og 'Strikkeklub med garn, kaffe og kage' har titler og beskrivelser, der ligner hinanden \(lighed \d{1,3} %\)$|^'Strikkeklub med garn, kaffe og kage' og 'Strikkeklub: garn, kaffe og kage' har titler og beskrivelser, der ligner hinanden \(lighed \d{1,3} %\)$/,
    );
    expect(detail.SCHEDULE).toBe('tidspunkterne kan ikke sammenlignes: mindst én af dem har intet ugeskema');
  });
});

describe('the kind of work from the words', () => {
  test("a coordinator edits a method's keywords; activities without a method are inferred again and their pairs follow", async () => {
    const plan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const estate = await t.idOf('Area', "select id from area where code = 'vollsmose-boegeparken'");
    const group = await t.idOf('TargetGroup', "select id from target_group where code = 'unge'");
    const register = (title: string, description: string) =>
      t.mutate(
        'createActivity',
        'CreateActivityInput',
        {
          planId: plan,
          title,
          description,
          targetGroupIds: [group],
          areaIds: [estate],
          startDate: '2027-01-04',
        },
        'activity { id inferredMethod { method { code } confidence words } } similarActivities { activities { title } }',
      );
    const first = await register('Parkour for unge', 'Spring og løb på trapper og mure.');
    expect(first.userErrors).toEqual([]);
    // No kind of work yet: at most a guess too weak to count (under 0.5).
    expect(first.activity.inferredMethod?.confidence ?? 0).toBeLessThan(0.5);
    const second = await register('Parkourtræning i Bøgeparken', 'Ugentlig træning med instruktør fra klubben.');
    expect(second.similarActivities.flatMap((o: any) => o.activities.map((a: any) => a.title))).not.toContain('Parkour for unge');

    const method = await t.idOf('Method', "select id from method where code = 'idraet'");
    const keywords = (await ok('query($id: ID!) { node(id: $id) { ... on Method { keywords } } }', { id: method })).node.keywords as string[];
    const updated = await t.mutate('updateMethod', 'UpdateMethodInput', { id: method, keywords: [...keywords, 'parkour'] }, 'method { keywords }');
    expect(updated.userErrors).toEqual([]);
    expect(updated.method.keywords).toContain('parkour');
    const after = await ok(
      'query($id: ID!) { node(id: $id) { ... on Activity { inferredMethod { method { code } confidence words } overlaps { activities { title } } } } }',
      { id: first.activity.id },
    );
    expect(after.node.inferredMethod.method).toEqual({ code: 'idraet' });
    expect(after.node.inferredMethod.confidence).toBeGreaterThanOrEqual(0.5);
    expect(after.node.inferredMethod.words[0]).toBe('parkour');
    expect(after.node.overlaps.flatMap((o: any) => o.activities.map((a: any) => a.title))).toContain('Parkourtræning i Bøgeparken');

    const bad = await t.mutate('updateMethod', 'UpdateMethodInput', { id: method, keywords: ['to ord'] }, 'method { keywords }');
    expect(bad.userErrors.map((e: any) => `${e.field.join('.')}:${e.code}`)).toEqual(['input.keywords.0:INVALID']);
    expect(
      (await t.mutate('updateMethod', 'UpdateMethodInput', { id: method, keywords: ['parkour'] }, 'method { id }', Role.PROJECT_LEAD)).userErrors[0].code,
    ).toBe('FORBIDDEN');
  });
});

describe('the kind of work learned from the city', () => {
  test('a new method with a name only is known by its name at once, and a new name replaces the old words', async () => {
    const infer = async (title: string) =>
      (await t.gql('query($t: String!) { inferMethod(title: $t) { method { code } confidence } }', { t: title }, Role.PROJECT_LEAD)).data.inferMethod;
    expect(await infer('Slackline i gården')).toBeNull();
    const created = await t.mutate('createMethod', 'CreateMethodInput', { code: 'slackline', name: 'Slackline' }, 'method { id }');
    expect(created.userErrors).toEqual([]);
    expect((await infer('Slackline i gården')).method.code).toBe('slackline');
    await t.mutate('updateMethod', 'UpdateMethodInput', { id: created.method.id, name: 'Linedans' }, 'method { id }');
    expect(await infer('Slackline i gården')).toBeNull();
    expect((await infer('Linedans for alle')).method.code).toBe('slackline');
  });

  test('registrations that name a method teach its words: a new one is inferred at once, older ones at the next refresh', async () => {
    const plan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const estate = await t.idOf('Area', "select id from area where code = 'vollsmose-boegeparken'");
    const seniors = await t.idOf('TargetGroup', "select id from target_group where code = 'seniorer'");
    const method = await t.idOf('Method', "select id from method where code = 'seniormotion'");
    const register = (title: string, description: string, methodId?: string) =>
      t.mutate(
        'createActivity',
        'CreateActivityInput',
        { planId: plan, title, description, targetGroupIds: [seniors], areaIds: [estate], startDate: '2027-02-01', ...(methodId ? { methodId } : {}) },
        'activity { id inferredMethod { method { code } confidence words } } similarActivities { activities { title } }',
      );
    // A word no keyword and no registration has used yet: no kind of work (at most a weak guess from the other words).
    const early = await register('Zumba i Bøgeparken', 'Zumba hver uge med instruktør.');
    const kindOf = (inferred: { method: { code: string }; confidence: number } | null) =>
      inferred && inferred.confidence >= 0.5 ? inferred.method.code : null;
    expect(kindOf(early.activity.inferredMethod)).toBeNull();
    for (const n of [1, 2, 3]) expect((await register(`Zumba for ældre ${n}`, 'Zumba og udstrækning hver uge.', method)).userErrors).toEqual([]);
    // The next registration meets what the city has just taught: inferred at once, with the word that decided.
    const next = await register('Zumbahold i Bøgeparken', 'Hver torsdag formiddag.');
    expect(next.activity.inferredMethod.method.code).toBe('seniormotion');
    expect(next.activity.inferredMethod.confidence).toBeGreaterThanOrEqual(0.5);
    expect(next.activity.inferredMethod.words).toContain('zumbahold');
    expect(next.similarActivities.flatMap((o: any) => o.activities.map((a: any) => a.title))).toContain('Zumba for ældre 1');
    // The earlier one is brought up to it by the periodic refresh, and its pairs follow.
    const read = async () =>
      (
        await t.gql(
          'query($id: ID!) { node(id: $id) { ... on Activity { inferredMethod { method { code } confidence } overlaps { activities { title } } } } }',
          {
            id: early.activity.id,
          },
        )
      ).data.node;
    expect(kindOf((await read()).inferredMethod)).toBeNull();
    expect(await refreshLearnedInferences(t.hub.orm.em.fork())).toBeGreaterThanOrEqual(1);
    const after = await read();
    expect(after.inferredMethod.method.code).toBe('seniormotion');
    expect(after.overlaps.flatMap((o: any) => o.activities.map((a: any) => a.title))).toContain('Zumba for ældre 2');
    // Nothing left to bring up to date.
    expect(await refreshLearnedInferences(t.hub.orm.em.fork())).toBe(0);
  });

  test('a registration without a method teaches what was inferred for it, at half weight and never as evidence for itself; a kind never for its people counts less', async () => {
    const plan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const estate = await t.idOf('Area', "select id from area where code = 'vollsmose-boegeparken'");
    const group = async (code: string) => t.idOf('TargetGroup', `select id from target_group where code = '${code}'`);
    const [children, seniors] = [await group('boern'), await group('seniorer')];
    const created = await t.mutate('createMethod', 'CreateMethodInput', { code: 'cirkus', name: 'Cirkusskole' }, 'method { id }');
    const register = (title: string, description: string, groupId: string, methodId?: string) =>
      t.mutate(
        'createActivity',
        'CreateActivityInput',
        { planId: plan, title, description, targetGroupIds: [groupId], areaIds: [estate], startDate: '2027-03-01', ...(methodId ? { methodId } : {}) },
        'activity { id inferredMethod { method { code } confidence words } }',
      );
    for (const n of [1, 2, 3])
      expect((await register(`Cirkusskole ${n}`, 'Jonglering og akrobatik for børn.', children, created.method.id)).userErrors).toEqual([]);
    const guessed = await register('Cirkus i gården', 'Akrobatik og trapez efter skole.', children);
    expect(guessed.activity.inferredMethod).toMatchObject({ method: { code: 'cirkus' } });
    expect(guessed.activity.inferredMethod.confidence).toBeGreaterThanOrEqual(0.5);
    // 'trapez' is its own word: it teaches it, but it is not evidence for itself.
    expect(guessed.activity.inferredMethod.words).not.toContain('trapez');
    const taught = (await t.hub.orm.em
      .fork()
      .execute("select t.docs from method_term t join method m on m.id = t.method_id where m.code = 'cirkus' and t.term = 'trapez'")) as { docs: number }[];
    expect(taught).toEqual([{ docs: INFERRED_EXAMPLE_WEIGHT }]);
    const infer = async (title: string) =>
      (await t.gql('query($t: String!) { inferMethod(title: $t) { method { code } words } }', { t: title }, Role.PROJECT_LEAD)).data.inferMethod;
    expect(await infer('Trapez')).toMatchObject({ method: { code: 'cirkus' }, words: ['trapez'] });
    // The same words for people no registration of the kind has been for: less sure.
    const forChildren = await register('Akrobatik i gården', 'Akrobatik hver uge.', children);
    const forSeniors = await register('Akrobatik i parken', 'Akrobatik hver uge.', seniors);
    expect(forChildren.activity.inferredMethod.method.code).toBe('cirkus');
    expect(forSeniors.activity.inferredMethod?.confidence ?? 0).toBeLessThan(forChildren.activity.inferredMethod.confidence);
  });
});

describe('coverage', () => {
  const cells = async (filter: Record<string, unknown>) =>
    (
      await ok('query($f: CoverageFilter) { coverage(filter: $f) { area { code kind residents } targetGroup { code } theme { code } activeActivities } }', {
        f: filter,
      })
    ).coverage as any[];

  test('districts x target groups by default, with sub-groups and sub-areas counted', async () => {
    const matrix = await cells({ activeOn: '2026-11-22' });
    const districts = new Set(matrix.map((c) => c.area.code));
    expect(matrix.every((c) => c.area.kind === 'DISTRICT' && c.theme === null)).toBe(true);
    expect(matrix.length).toBe(districts.size * 15);
    const cell = (area: string, group: string) => matrix.find((c) => c.area.code === area && c.targetGroup.code === group)!.activeActivities;
    expect(cell('vollsmose', 'skoleboern')).toBeGreaterThan(0);
    expect(cell('vollsmose', 'boern')).toBeGreaterThanOrEqual(cell('vollsmose', 'skoleboern'));
    expect(cell('vollsmose', 'unge')).toBeGreaterThanOrEqual(cell('vollsmose', 'krim-unge'));
  });

  test('gapsOnly lists the empty cells, and a new activity closes its gap', async () => {
    const gaps = await cells({ gapsOnly: true, areaKind: 'ESTATE', activeOn: '2026-11-22' });
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((c) => c.activeActivities === 0)).toBe(true);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i].area.residents ?? 0).toBeLessThanOrEqual(gaps[i - 1].area.residents ?? 0);
    const gap = gaps.find((c) => c.targetGroup.code === 'seniorer')!;
    const area = await t.idOf('Area', `select id from area where code = '${gap.area.code}'`);
    const group = await t.idOf('TargetGroup', "select id from target_group where code = 'seniorer'");
    const plan = await t.idOf('Plan', "select a.plan_id as id from plan_area a join area x on x.id = a.area_id where x.code = 'vollsmose' limit 1");
    await ok('mutation($input: CreateActivityInput!) { createActivity(input: $input) { userErrors { code } } }', {
      input: { planId: plan, title: 'Seniorcafé', targetGroupIds: [group], areaIds: [area], startDate: '2026-01-01', status: 'RUNNING' },
    });
    const after = await cells({ areaIds: [area], targetGroupIds: [group], activeOn: '2026-11-22' });
    expect(after).toEqual([expect.objectContaining({ activeActivities: 1 })]);
  });

  test('themes split the cells', async () => {
    const udd = await t.idOf('Theme', "select id from theme where code = 'UDD'");
    const besk = await t.idOf('Theme', "select id from theme where code = 'BESK'");
    const split = await cells({ themeIds: [udd, besk], activeOn: '2026-11-22' });
    expect(new Set(split.map((c) => c.theme.code))).toEqual(new Set(['UDD', 'BESK']));
    expect(split.length).toBe((await cells({ activeOn: '2026-11-22' })).length * 2);
  });
});
