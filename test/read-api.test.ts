import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromGlobalId, toGlobalId } from '../server/core/global-id.js';
import { Role } from '../server/core/enums.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

async function ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await t.gql<T>(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.status).toBe(200);
  return result.data!;
}

const idOf = (type: string, sql: string) => t.idOf(type, sql);

describe('node(id)', () => {
  test('resolves every Node type by its global id', async () => {
    const ids = {
      Area: await idOf('Area', "select id from area where code = 'vollsmose'"),
      Organisation: await idOf('Organisation', "select id from organisation where name = 'Civica'"),
      Person: await idOf('Person', 'select min(id) as id from person'),
      Theme: await idOf('Theme', "select id from theme where code = 'UDD'"),
      TargetGroup: await idOf('TargetGroup', "select id from target_group where code = 'unge'"),
      Method: await idOf('Method', "select id from method where code = 'lektiecafe'"),
      Plan: await idOf('Plan', "select id from plan where code = 'VOL-OEST'"),
      Activity: await idOf('Activity', 'select min(id) as id from activity'),
      SteeringGroup: await idOf('SteeringGroup', 'select min(id) as id from steering_group'),
    };
    for (const [type, id] of Object.entries(ids)) {
      const data = await ok(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(data.node).toEqual({ __typename: type, id });
    }
  });

  test('returns null for unknown, malformed and foreign ids', async () => {
    for (const id of ['garbage', '', toGlobalId('Plan', 999999), toGlobalId('Nonsense', 1), 'UGxhbjotMQ', '%%%']) {
      const data = await ok(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(data.node).toBeNull();
    }
  });

  test('global ids are opaque and round-trip', () => {
    const id = toGlobalId('Activity', 42);
    expect(id).not.toContain('42');
    expect(fromGlobalId(id)).toEqual({ type: 'Activity', id: 42 });
  });
});

describe('reference data', () => {
  test('areas form municipality > district > estate with coordinates and residents', async () => {
    const data = await ok(
      `{ areas { kind } districts: areas(kind: DISTRICT) { name parent { kind } children { name kind latitude longitude residents parent { name } } } }`,
    );
    expect(data.areas[0].kind).toBe('MUNICIPALITY');
    const vollsmose = data.districts.find((d: any) => d.name === 'Vollsmose');
    expect(vollsmose.parent.kind).toBe('MUNICIPALITY');
    expect(vollsmose.children.map((c: any) => c.name)).toContain('Bøgeparken');
    for (const estate of vollsmose.children) {
      expect(estate).toMatchObject({ kind: 'ESTATE', parent: { name: 'Vollsmose' } });
      expect(estate.latitude).toBeGreaterThan(55);
      expect(estate.residents).toBeGreaterThan(0);
    }
  });

  test('Area.plans includes plans in the areas inside it', async () => {
    const data = await ok(`{ areas(kind: DISTRICT) { name plans { code } } }`);
    const codes = data.areas.find((d: any) => d.name === 'Vollsmose').plans.map((p: any) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['VOL-OEST', 'VOL-VEST', 'VOL-FREM', 'ODE-UNGE']));
  });

  test('organisations, themes, target groups and methods', async () => {
    const data = await ok(`{
      organisations { name kind }
      themes { code name }
      targetGroups { code name minAge maxAge parent { code } children { code } }
      methods { code name description }
    }`);
    expect(data.organisations).toEqual(
      expect.arrayContaining([
        { name: 'Civica', kind: 'HOUSING_ORGANISATION' },
        { name: 'Fyns Politi', kind: 'POLICE' },
      ]),
    );
    expect(data.themes.map((t: any) => t.name)).toEqual(
      expect.arrayContaining(['Uddannelse og livschancer', 'Beskæftigelse', 'Kriminalitetsforebyggelse', 'Sammenhængskraft og medborgerskab']),
    );
    const unge = data.targetGroups.find((g: any) => g.code === 'unge');
    expect(unge).toMatchObject({ minAge: 13, maxAge: 17, parent: null });
    expect(unge.children.map((c: any) => c.code)).toContain('krim-unge');
    expect(data.targetGroups.find((g: any) => g.code === 'krim-unge').parent).toEqual({ code: 'unge' });
    expect(data.methods.map((m: any) => m.name)).toEqual(expect.arrayContaining(['Lektiecafé', 'Bydelsmødre', 'Fritidsjob', 'Tryghedsvandring']));
  });

  test('Method.activities lists the activities of every plan using the method', async () => {
    const data = await ok(
      `{ methods { code activities(first: 100) { totalCount nodes { method { code } plan { code } } } experiences { totalCount nodes { id } } } }`,
    );
    const lektiecafe = data.methods.find((m: any) => m.code === 'lektiecafe');
    expect(lektiecafe.activities.totalCount).toBeGreaterThan(10);
    expect(new Set(lektiecafe.activities.nodes.map((n: any) => n.plan.code)).size).toBeGreaterThan(3);
    for (const node of lektiecafe.activities.nodes) expect(node.method.code).toBe('lektiecafe');
    expect(lektiecafe.experiences.totalCount).toBeGreaterThan(0);
    expect(lektiecafe.experiences.nodes).toHaveLength(lektiecafe.experiences.totalCount);
  });
});

describe('plans', () => {
  test('pages through all 35 plans by cursor without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: any = await ok(
        `query($after: String) { plans(first: 10, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } nodes { code } } }`,
        { after },
      );
      expect(data.plans.totalCount).toBe(35);
      expect(data.plans.nodes.map((n: any) => n.code)).toEqual(data.plans.edges.map((e: any) => e.node.code));
      expect(data.plans.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...data.plans.nodes.map((n: any) => n.code));
      if (!data.plans.pageInfo.hasNextPage) break;
      after = data.plans.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(35);
    expect(new Set(seen).size).toBe(35);
  });

  test('first defaults to 20 and is limited to 100', async () => {
    const data = await ok('{ plans { nodes { code } } }');
    expect(data.plans.nodes).toHaveLength(20);
    const tooMany = await t.gql('{ plans(first: 1000) { totalCount } }');
    expect(tooMany.status).toBe(400);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await t.gql('{ activities(first: -1) { totalCount } }');
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a malformed cursor is a clear BAD_USER_INPUT error', async () => {
    for (const after of ['zzz', 'WyJ4Il0', Buffer.from('[1,2,3]').toString('base64url')]) {
      const result = await t.gql('query($after: String) { plans(after: $after) { totalCount } }', { after });
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/not a cursor/);
      expect(JSON.stringify(result)).not.toMatch(/at .*\.ts/);
    }
  });

  test('PlanFilter by status and by area including sub-areas', async () => {
    const data = await ok(
      `{ ended: plans(filter: { status: [ENDED] }) { totalCount nodes { code status } } draft: plans(filter: { status: [DRAFT] }) { nodes { code } } }`,
    );
    expect(data.ended.nodes.map((n: any) => n.code).sort()).toEqual(['RIS-2018', 'VOL-2019']);
    expect(data.draft.nodes.map((n: any) => n.code)).toEqual(['KOR-2027']);
    const vollsmose = await idOf('Area', "select id from area where code = 'vollsmose'");
    const inVollsmose = await ok(`query($a: [ID!]) { plans(first: 100, filter: { areaIds: $a }) { nodes { code } } }`, { a: [vollsmose] });
    const codes = inVollsmose.plans.nodes.map((n: any) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['VOL-OEST', 'VOL-VEST', 'VOL-BIRK', 'VOL-GRAN', 'VOL-FREM', 'ODE-UNGE', 'VOL-2019']));
    expect(codes).not.toContain('SKK');
  });

  test('plan(code) resolves every field', async () => {
    const data = await ok(`{ plan(code: "VOL-OEST") {
      id code name status startDate endDate description
      areas { name } housingOrganisations { name kind } lead { name title email phone organisation { name } }
      steeringGroup { name plan { code } members { role person { name } } meetings { id } }
      activities(first: 5) { totalCount nodes { title } }
      indicators { id }
    } missing: plan(code: "NOPE") { id } }`);
    const plan = data.plan;
    expect(plan).toMatchObject({ code: 'VOL-OEST', status: 'ACTIVE', startDate: '2023-01-01', endDate: '2026-12-31' });
    expect(plan.areas.map((a: any) => a.name).sort()).toEqual(['Bøgeparken', 'Fyrreparken']);
    expect(plan.housingOrganisations).toEqual([{ name: 'Civica', kind: 'HOUSING_ORGANISATION' }]);
    expect(plan.lead).toMatchObject({ title: 'Projektleder', organisation: { name: 'Civica' } });
    expect(plan.steeringGroup.plan.code).toBe('VOL-OEST');
    expect(plan.steeringGroup.members.map((m: any) => m.role)).toContain('Formand');
    expect(plan.activities.totalCount).toBeGreaterThanOrEqual(18);
    expect(plan.indicators.length).toBeGreaterThanOrEqual(2);
    expect(plan.steeringGroup.meetings.length).toBeGreaterThan(0);
    expect(data.missing).toBeNull();
  });

  test('staff contact data reaches signed-in staff, never readers', async () => {
    const query = '{ plans(first: 35) { nodes { lead { name email phone } } } }';
    const staff = await ok(query);
    for (const plan of staff.plans.nodes) expect(plan.lead.email).toMatch(/@.+\.example$/);
    const reader = await t.gql(query, undefined, Role.READER);
    for (const plan of reader.data.plans.nodes) expect(plan.lead).toMatchObject({ email: null, phone: null });
  });
});

describe('activities', () => {
  const count = async (filter: Record<string, unknown>) =>
    (await ok('query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: filter })).activities.totalCount as number;

  test('every field of Activity resolves', async () => {
    const data = await ok(`{ activities(first: 100, filter: { text: "Lektiecafé Bøgeparkens beboerhus" }) { nodes {
      id plan { code } title description method { code } themes { code } targetGroups { code } areas { code } partners { name }
      contact { name email } status startDate endDate schedule { weekday startTime endTime } capacity version archived createdAt updatedAt
      overlaps { score activities { title } } experiences { id } indicators { id }
    } } }`);
    const activity = data.activities.nodes.find((n: any) => n.title === 'Lektiecafé i Bøgeparkens beboerhus');
    expect(activity).toMatchObject({
      plan: { code: 'VOL-OEST' },
      method: { code: 'lektiecafe' },
      themes: [{ code: 'UDD' }],
      targetGroups: [{ code: 'skoleboern' }],
      areas: [{ code: 'vollsmose-boegeparken' }],
      status: 'RUNNING',
      startDate: '2024-08-12',
      endDate: null,
      schedule: [
        { weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' },
        { weekday: 'THURSDAY', startTime: '15:00', endTime: '17:00' },
      ],
      capacity: 30,
      version: 1,
      archived: false,
      experiences: [],
      indicators: [],
    });
    expect(new Date(activity.createdAt).getTime()).not.toBeNaN();
    const partners = activity.overlaps.map((o: any) => o.activities.map((a: any) => a.title));
    expect(partners).toContainEqual(expect.arrayContaining(['Lektiehjælp i Egeparken', 'Lektiecafé i Bøgeparkens beboerhus']));
  });

  test('the demo city holds at least 600 activities', async () => {
    expect(await count({ includeArchived: true })).toBeGreaterThanOrEqual(600);
  });

  test('archived activities are hidden unless asked for', async () => {
    const all = await count({ includeArchived: true });
    const visible = await count({});
    const [{ archived }] = (await t.hub.orm.em.fork().execute('select count(*)::int as archived from activity where archived')) as any[];
    expect(archived).toBeGreaterThan(0);
    expect(visible).toBe(all - archived);
  });

  test('filters by plan, method, theme and status', async () => {
    const plan = await idOf('Plan', "select id from plan where code = 'SKK'");
    const method = await idOf('Method', "select id from method where code = 'faedregruppe'");
    const theme = await idOf('Theme', "select id from theme where code = 'KRIM'");
    const data = await ok(
      `query($p: [ID!], $m: [ID!], $th: [ID!]) {
      byPlan: activities(first: 100, filter: { planIds: $p }) { totalCount nodes { plan { code } } }
      byMethod: activities(first: 100, filter: { methodIds: $m }) { nodes { method { code } } }
      byTheme: activities(first: 100, filter: { themeIds: $th }) { nodes { themes { code } } }
      cancelled: activities(first: 100, filter: { status: [CANCELLED] }) { totalCount nodes { status } }
    }`,
      { p: [plan], m: [method], th: [theme] },
    );
    expect(data.byPlan.totalCount).toBeGreaterThan(0);
    for (const n of data.byPlan.nodes) expect(n.plan.code).toBe('SKK');
    for (const n of data.byMethod.nodes) expect(n.method.code).toBe('faedregruppe');
    for (const n of data.byTheme.nodes) expect(n.themes.map((x: any) => x.code)).toContain('KRIM');
    expect(data.cancelled.totalCount).toBeGreaterThan(0);
    for (const n of data.cancelled.nodes) expect(n.status).toBe('CANCELLED');
  });

  test('area filter includes activities in sub-areas', async () => {
    const district = await idOf('Area', "select id from area where code = 'vollsmose'");
    const estate = await idOf('Area', "select id from area where code = 'vollsmose-boegeparken'");
    const inDistrict = await count({ areaIds: [district] });
    const inEstate = await count({ areaIds: [estate] });
    expect(inEstate).toBeGreaterThan(0);
    expect(inDistrict).toBeGreaterThan(inEstate);
    const data = await ok('query($a: [ID!]) { activities(first: 100, filter: { areaIds: $a }) { nodes { areas { code } } } }', { a: [district] });
    for (const n of data.activities.nodes) expect(n.areas[0].code).toMatch(/^vollsmose/);
  });

  test('target-group filter includes sub-groups', async () => {
    const unge = await idOf('TargetGroup', "select id from target_group where code = 'unge'");
    const krim = await idOf('TargetGroup', "select id from target_group where code = 'krim-unge'");
    const data = await ok('query($g: [ID!]) { activities(first: 100, filter: { targetGroupIds: $g }) { totalCount nodes { targetGroups { code } } } }', {
      g: [unge],
    });
    const codes = new Set(data.activities.nodes.flatMap((n: any) => n.targetGroups.map((g: any) => g.code)));
    expect(codes.has('unge')).toBe(true);
    expect(await count({ targetGroupIds: [unge] })).toBeGreaterThan(await count({ targetGroupIds: [krim] }));
    expect(await count({ targetGroupIds: [krim] })).toBeGreaterThan(0);
  });

  test('activeOn keeps activities whose period includes the date, open ends included', async () => {
    const data = await ok('{ activities(first: 100, filter: { activeOn: "2026-11-22" }) { totalCount nodes { startDate endDate } } }');
    expect(data.activities.totalCount).toBeGreaterThan(100);
    for (const n of data.activities.nodes) {
      expect(n.startDate <= '2026-11-22').toBe(true);
      expect(n.endDate === null || n.endDate >= '2026-11-22').toBe(true);
    }
    expect(await count({ activeOn: '1990-01-01' })).toBe(0);
  });

  test('people: searched by every word of name or title in any case, by name in pages; contact data as on Person', async () => {
    const all = (await ok('{ people(first: 100) { totalCount nodes { id name title email } } }')).people;
    expect(all.totalCount).toBeGreaterThan(5);
    const names = all.nodes.map((p: { name: string }) => p.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const someone = all.nodes.find((p: { name: string }) => p.name.includes(' ')) as { name: string; email: string | null };
    const [given, family] = someone.name.toLowerCase().split(' ');
    const found = (
      await ok('query($s: String) { people(first: 100, search: $s) { nodes { name } } }', { s: `${family!.slice(0, 4)} ${given!.slice(0, 3).toUpperCase()}` })
    ).people.nodes;
    expect(found.map((p: { name: string }) => p.name)).toContain(someone.name);
    const firstPage = (await ok('{ people(first: 2) { pageInfo { endCursor } nodes { name } } }')).people;
    const next = (await ok('query($a: String) { people(first: 2, after: $a) { nodes { name } } }', { a: firstPage.pageInfo.endCursor })).people.nodes;
    expect([...firstPage.nodes, ...next].map((p: { name: string }) => p.name)).toEqual(names.slice(0, 4));
    const asReader = await t.gql('{ people(first: 100) { nodes { email phone } } }', undefined, Role.READER);
    expect(asReader.data.people.nodes.every((p: { email: unknown; phone: unknown }) => p.email === null && p.phone === null)).toBe(true);
    expect((await t.gql(`{ people(search: "${'x'.repeat(101)}") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('text search is Danish-aware: stemming, compounds and accents', async () => {
    const titles = async (text: string) =>
      (await ok('query($t: String) { activities(first: 100, filter: { text: $t }) { nodes { title } } }', { t: text })).activities.nodes.map(
        (n: any) => n.title,
      ) as string[];
    expect(await titles('lektiecaféer')).toContain('Lektiecafé i Bøgeparkens beboerhus');
    expect(await titles('lektiecafe')).toContain('Lektiecafé i Bøgeparkens beboerhus');
    const lektie = await titles('lektie');
    expect(lektie).toEqual(expect.arrayContaining(['Lektiehjælp for skolebørn', 'Lektiecafé i beboerhuset']));
    expect(await titles('fædrenetværk Hollufgård')).toEqual(['Fædrenetværk i Hollufgård Vænge']);
    expect(await titles('zzzqqq')).toEqual([]);
    expect(await count({ text: '   ' })).toBe(await count({}));
    // A part of a compound, not at its start: "mødre" finds the bydelsmødre (it found nothing by prefix alone).
    const mothers = await titles('mødre');
    expect(mothers).toEqual(expect.arrayContaining(['Bydelsmødrenes træffetid i Fyrreparken', 'Bydelsmødre i Skt. Klemens']));
    expect(await titles('Mødre Skt. Klemens')).toContain('Bydelsmødre i Skt. Klemens');
    // A stop word among the words ("i") is left out, not matched alone (where it would find nothing).
    expect(await titles('Lektiecafé i Vollsmose')).toContain('Lektiecafé i Vollsmose');
  });

  test('ids of the wrong type in a filter are BAD_USER_INPUT', async () => {
    const plan = await idOf('Plan', "select id from plan where code = 'SKK'");
    const result = await t.gql('query($a: [ID!]) { activities(filter: { areaIds: $a }) { totalCount } }', { a: [plan] });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(result.errors?.[0]?.message).toMatch(/not an id of type Area/);
  });

  test('a malformed date is rejected with HTTP 400', async () => {
    const literal = await t.gql('{ activities(filter: { activeOn: "2026-13-45" }) { totalCount } }');
    expect(literal.status).toBe(400);
    const variable = await t.gql('query($d: LocalDate) { activities(filter: { activeOn: $d }) { totalCount } }', { d: 'yesterday' });
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('nested plan activities page by cursor and keep the total', async () => {
    const first = await ok('{ plan(code: "VOL-OEST") { activities(first: 5) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } } }');
    const page1 = first.plan.activities;
    expect(page1.nodes).toHaveLength(5);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const rest = await ok(
      'query($a: String) { plan(code: "VOL-OEST") { activities(first: 100, after: $a) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id } } } }',
      { a: page1.pageInfo.endCursor },
    );
    expect(rest.plan.activities.totalCount).toBe(page1.totalCount);
    expect(rest.plan.activities.nodes).toHaveLength(page1.totalCount - 5);
    expect(rest.plan.activities.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const past = await ok('query($a: String) { plan(code: "VOL-OEST") { activities(after: $a) { totalCount nodes { id } } } }', {
      a: rest.plan.activities.nodes.length ? Buffer.from(JSON.stringify([2_000_000])).toString('base64url') : null,
    });
    expect(past.plan.activities).toEqual({ totalCount: page1.totalCount, nodes: [] });
  });
});

describe('a year in the life of the demo city', () => {
  test('overdue follow-ups are listed, oldest due date first', async () => {
    const data = await ok('{ actionItems(overdue: true) { description dueDate status owner { name } meeting { date steeringGroup { plan { code } } } } }');
    expect(data.actionItems.length).toBeGreaterThan(5);
    const dates = data.actionItems.map((i: any) => i.dueDate);
    expect(dates).toEqual([...dates].sort());
    for (const item of data.actionItems) expect(item.status).toBe('OPEN');
  });

  test('inquiry counts show the shift from letters and phone to digital post and self-service', async () => {
    const data = await ok('{ inquiryStats(groupBy: [CHANNEL, MONTH], from: "2025-12-01", to: "2026-11-30") { channel month count share } }');
    const shareIn = (month: string, channel: string) => {
      const monthRows = data.inquiryStats.filter((s: any) => s.month === month);
      const total = monthRows.reduce((sum: number, s: any) => sum + s.count, 0);
      return monthRows.find((s: any) => s.channel === channel).count / total;
    };
    for (const channel of ['LETTER', 'PHONE']) expect(shareIn('2026-11', channel)).toBeLessThan(shareIn('2025-12', channel));
    for (const channel of ['DIGITAL_POST', 'SELF_SERVICE']) expect(shareIn('2026-11', channel)).toBeGreaterThan(2 * shareIn('2025-12', channel));
    expect(data.inquiryStats.reduce((sum: number, s: any) => sum + s.share, 0)).toBeCloseTo(1, 10);
  });

  test('plans have indicators with measurements and progress; evaluations of every kind exist; methods carry experiences', async () => {
    const plan = await ok('{ plan(code: "VOL-OEST") { indicators { name baseline target latestValue progress measurements { value } } } }');
    expect(plan.plan.indicators.length).toBeGreaterThanOrEqual(2);
    for (const indicator of plan.plan.indicators) {
      expect(indicator.measurements.length).toBeGreaterThanOrEqual(4);
      expect(indicator.progress).toBeGreaterThanOrEqual(0);
    }
    const [row] = (await t.hub.orm.em.fork().execute('select count(distinct decision)::int as kinds from evaluation')) as any[];
    expect(row.kinds).toBe(3);
    const methods = await ok('{ methods { name experiences { totalCount } } }');
    const withLessons = methods.methods.filter((m: any) => m.experiences.totalCount > 0);
    expect(withLessons.length).toBeGreaterThan(methods.methods.length / 2);
    const reader = await t.gql('{ experiences(first: 100) { nodes { publishable } } }', undefined, Role.READER);
    expect(reader.data.experiences.nodes.every((n: any) => n.publishable)).toBe(true);
  });
});
