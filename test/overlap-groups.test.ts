import { afterAll, beforeAll, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

const GROUPS = `query($by: OverlapGrouping!, $filter: OverlapFilter) {
  overlapGroups(by: $by, filter: $filter) { key label pairCount unreviewedCount unreviewedShare bestScore plans { code } activities { id } area { name } method { name } }
}`;
const groupsOf = async (by: string, filter?: Record<string, unknown>, as: Role = Role.COORDINATOR) => {
  const result = await t.gql(GROUPS, { by, filter }, as);
  expect(result.errors).toBeUndefined();
  return result.data.overlapGroups as any[];
};
const count = async (sql: string) => Number(((await t.hub.orm.em.fork().execute(sql)) as { n: number }[])[0]!.n);

test('the kind of work narrows the pairs: at least one activity of the pair has the method, named or inferred', async () => {
  const homework = await t.idOf('Method', "select id from method where code = 'lektiecafe'");
  const groups = await groupsOf('AREA_AND_KIND', { methodIds: [homework] });
  expect(groups.length).toBeGreaterThan(0);
  expect(groups.every((g) => g.method?.name === 'Lektiecafé')).toBe(true);
  const all = (await t.gql('{ overlaps(first: 1) { totalCount } }')).data.overlaps.totalCount as number;
  const some = (await t.gql('query($f: OverlapFilter) { overlaps(first: 1, filter: $f) { totalCount } }', { f: { methodIds: [homework] } })).data.overlaps
    .totalCount as number;
  const expected = await count(`select count(*) as n from activity_overlap o where o.score >= 0.5 and exists (
    select 1 from activity k where k.id in (o.activity_a_id, o.activity_b_id)
      and coalesce(k.method_id, case when k.inferred_confidence >= 0.5 then k.inferred_method_id end) = (select id from method where code = 'lektiecafe'))
    and not exists (select 1 from overlap_review r where r.activity_a_id = o.activity_a_id and r.activity_b_id = o.activity_b_id and r.superseded_at is null)
    and (o.common_end is null or o.common_end >= current_date)`);
  expect(some).toBe(expected);
  expect(some).toBeLessThan(all);
});

test('keys: the pairs of one group, as the board fetches them when the group is opened', async () => {
  const [first, second] = await groupsOf('AREA_AND_KIND');
  const one = await t.gql('query($keys: [String!]) { overlapGroups(by: AREA_AND_KIND, keys: $keys) { key pairCount overlaps { score } } }', {
    keys: [first.key],
  });
  expect(one.data.overlapGroups.map((g: any) => g.key)).toEqual([first.key]);
  expect(one.data.overlapGroups[0].overlaps).toHaveLength(first.pairCount);
  const two = await t.gql('query($keys: [String!]) { overlapGroups(by: AREA_AND_KIND, keys: $keys) { key } }', { keys: [second.key, first.key, 'nothing'] });
  expect(two.data.overlapGroups.map((g: any) => g.key)).toEqual([first.key, second.key]);
  const many = await t.gql('query($keys: [String!]) { overlapGroups(by: AREA_AND_KIND, keys: $keys) { key } }', {
    keys: Array.from({ length: 101 }, (_, i) => `k${i}`),
  });
  expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('inferMethod: the method a form offers while the lead types, before anything is saved', async () => {
  const infer = async (title: string, description?: string) =>
    await t.gql(
      'query($t: String!, $d: String) { inferMethod(title: $t, description: $d) { confidence words method { name } } }',
      { t: title, d: description },
      Role.PROJECT_LEAD,
    );
  const homework = (await infer('Lektiehjælp for mellemtrinnet')).data.inferMethod;
  expect(homework.method.name).toBe('Lektiecafé');
  expect(homework.words).toEqual(['lektiehjælp']);
  expect(homework.confidence).toBeGreaterThanOrEqual(0.5);
  // A telling word in the description alone is offered too, less surely than in the title.
  const described = (await infer('Hyggeaften', 'Fodbold')).data.inferMethod;
  expect(described.method.name).toBe('Idræt for børn og unge');
  expect(described.confidence).toBeLessThan((await infer('Fodbold')).data.inferMethod.confidence);
  expect((await infer('Møde')).data.inferMethod).toBeNull();
  const tooLong = await infer('x'.repeat(201));
  expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('the pairs of the city as a few dozen decisions, each grouping accounting for every pair exactly once', async () => {
  const pairs = await t.gql('{ overlaps(first: 1) { totalCount } }');
  const total = pairs.data.overlaps.totalCount as number;
  expect(total).toBeGreaterThan(100);
  for (const by of ['PLAN_PAIR', 'AREA_AND_KIND', 'CLUSTER']) {
    const groups = await groupsOf(by);
    const vollsmose = await groupsOf(by, { areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose'")], includeSamePlan: false });
    console.log(`${by}: ${groups.length} groups for ${total} pairs citywide; Vollsmose across plans: ${vollsmose.length} groups`);
    expect(groups.length, by).toBeLessThan(total / 2);
    expect(
      groups.reduce((sum, g) => sum + g.unreviewedCount, 0),
      by,
    ).toBe(total);
    for (const g of groups) {
      expect(g.unreviewedShare).toBeCloseTo(g.unreviewedCount / g.pairCount, 3);
      expect(g.bestScore).toBeGreaterThanOrEqual(0.5);
      expect(g.label.length).toBeGreaterThan(3);
    }
    expect(groups.map((g) => g.bestScore)).toEqual([...groups.map((g) => g.bestScore)].sort((a, b) => b - a));
  }
  const byArea = await groupsOf('AREA_AND_KIND');
  const homework = byArea.find((g) => g.method?.name === 'Lektiecafé' && g.area?.name === 'Vollsmose');
  expect(homework.label).toBe('Vollsmose: Lektiecafé');
  const byPlans = await groupsOf('PLAN_PAIR');
  expect(byPlans.every((g) => (g.plans.length === 1 ? g.label.startsWith('Inden for ') : g.label.includes(' og ')))).toBe(true);
  const clusters = await groupsOf('CLUSTER');
  const seen = new Set<string>();
  for (const g of clusters)
    for (const a of g.activities) {
      expect(seen.has(a.id), 'an activity is in one cluster only').toBe(false);
      seen.add(a.id);
    }
});

test('a whole group reviewed at once: every pair gets the decision and the reviewer, the group shows nothing left to review', async () => {
  const [group] = await groupsOf('AREA_AND_KIND', { areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose'")] });
  expect(group.unreviewedCount).toBeGreaterThan(1);
  const result = await t.mutate(
    'reviewOverlapGroup',
    'ReviewOverlapGroupInput',
    {
      by: 'AREA_AND_KIND',
      key: group.key,
      filter: { areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose'")] },
      decision: 'COORDINATED',
      note: 'Aftalt på koordinationsmødet',
    },
    'reviewedCount group { key pairCount unreviewedCount unreviewedShare }',
  );
  expect(result.userErrors).toEqual([]);
  expect(result.reviewedCount).toBe(group.pairCount);
  expect(result.group).toMatchObject({ key: group.key, pairCount: group.pairCount, unreviewedCount: 0, unreviewedShare: 0 });
  expect(
    await count(
      "select count(*)::int as n from overlap_review where superseded_at is null and note = 'Aftalt på koordinationsmødet' and reviewed_by_id is not null",
    ),
  ).toBe(group.pairCount);
  const vollsmose = await t.idOf('Area', "select id from area where code = 'vollsmose'");
  const listed: any[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page: any = (
      await t.gql(
        'query($a: [ID!], $after: String) { overlaps(first: 100, after: $after, filter: { includeReviewed: true, areaIds: $a }) { nodes { review { note reviewedBy { name } } } pageInfo { hasNextPage endCursor } } }',
        { a: [vollsmose], after },
      )
    ).data.overlaps;
    listed.push(...page.nodes.filter((n: any) => n.review?.note === 'Aftalt på koordinationsmødet'));
    [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
  }
  expect(listed.length).toBe(group.pairCount);
  for (const node of listed) expect(node.review.reviewedBy).toEqual({ name: 'Test coordinator' });
  const who = (await t.hub.orm.em
    .fork()
    .execute(
      "select distinct p.name from overlap_review r join app_user u on u.id = r.reviewed_by_id join person p on p.id = u.person_id where r.note = 'Aftalt på koordinationsmødet'",
    )) as { name: string }[];
  expect(who).toEqual([{ name: 'Test coordinator' }]);
  const again = await groupsOf('AREA_AND_KIND', { areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose'")] });
  expect(again.map((g) => g.key)).not.toContain(group.key);

  const gone = await t.mutate('reviewOverlapGroup', 'ReviewOverlapGroupInput', { by: 'CLUSTER', key: 'cluster:0', decision: 'DUPLICATE' }, 'reviewedCount');
  expect(gone.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
  const reader = await t.mutate(
    'reviewOverlapGroup',
    'ReviewOverlapGroupInput',
    { by: 'AREA_AND_KIND', key: group.key, decision: 'DUPLICATE' },
    'reviewedCount',
    Role.READER,
  );
  expect(reader.userErrors.map((e: any) => e.code)).toEqual(['FORBIDDEN']);
});
