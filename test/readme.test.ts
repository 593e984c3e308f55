import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { hubSchema } from '../server/modules.js';
import { startTestHub, type TestHub } from './support/hub.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

test('the README shows example operations', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(6);
});

test.each(blocks.map((block, i) => ({ i, block })))('README example $i is valid against the served schema', async ({ block }) => {
  expect(validate(await hubSchema(), parse(block)).map((e) => e.message)).toEqual([]);
});

describe('README examples run against the demo city, with the outcome the README claims', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t?.stop());
  const example = (marker: string) => {
    const found = blocks.filter((block) => block.includes(marker));
    expect(found, marker).toHaveLength(1);
    return found[0]!;
  };
  const run = async (marker: string, variables: Record<string, unknown> = {}, as: Role | { token: string } = Role.COORDINATOR) => {
    const result = await t.gql(example(marker), variables, as);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data;
  };
  const id = (type: string, table: string, code: string) => t.idOf(type, `select id from ${table} where code = '${code}'`);
  let sara: { token: string };

  test('every example is run below', () => {
    const markers = [
      '{ areas(kind: DISTRICT)',
      'query Youth(',
      'plan(code: "VOL-OEST") {\n    name',
      'filter: { text: "lektiecafe"',
      'plans(first: 100, filter: { status: [ACTIVE] })',
      'mutation NewLead(',
      'mutation Register(',
      'mutation Steal(',
      'query Worst(',
      'query Similar(',
      'mutation Decide(',
      'coverage(filter: { areaKind: ESTATE, gapsOnly: true })',
      'actionItems(overdue: true)',
    ];
    expect(blocks.filter((block) => !markers.some((m) => block.includes(m)))).toEqual([]);
  });

  test('the districts and target groups to pick ids from', async () => {
    const data = await run('{ areas(kind: DISTRICT)');
    expect(data.areas.map((a: { name: string }) => a.name)).toContain('Vollsmose');
    expect(data.targetGroups.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining(['Unge 13-17', 'Kriminalitetstruede unge']));
  });

  test('Youth: the area filter includes the estates of the district, the target-group filter its sub-groups', async () => {
    const data = await run('query Youth(', { vollsmose: await id('Area', 'area', 'vollsmose'), youth: await id('TargetGroup', 'target_group', 'unge') });
    expect(data.activities.totalCount).toBeGreaterThan(0);
    const nodes = data.activities.nodes as { areas: { name: string }[]; targetGroups: { name: string }[] }[];
    expect(nodes.some((n) => n.areas.some((a) => a.name !== 'Vollsmose'))).toBe(true);
    expect(nodes.some((n) => n.targetGroups.some((g) => g.name === 'Kriminalitetstruede unge'))).toBe(true);
  });

  test('one plan with its steering group and activities', async () => {
    const { plan } = await run('plan(code: "VOL-OEST") {\n    name');
    expect(plan.status).toBe('ACTIVE');
    expect(plan.steeringGroup.members.length).toBeGreaterThan(0);
    expect(plan.activities.totalCount).toBeGreaterThan(0);
  });

  test('text search is Danish-aware: "lektiecafe" finds the homework cafés', async () => {
    const data = await run('filter: { text: "lektiecafe"');
    expect(data.activities.totalCount).toBeGreaterThan(3);
    for (const node of data.activities.nodes) expect(node.title).toMatch(/lektie/i);
    const lektiecafe = data.methods.find((m: { name: string }) => m.name === 'Lektiecafé');
    expect(lektiecafe.activities.totalCount).toBeGreaterThan(3);
  });

  test('newsletter tooling reads the active plans', async () => {
    const data = await run('plans(first: 100, filter: { status: [ACTIVE] })', {}, Role.READER);
    expect(data.plans.nodes.length).toBeGreaterThan(20);
  });

  test('NewLead: an administrator creates Sara, project lead of Vollsmose Øst, and gets her token', async () => {
    const data = await run('mutation NewLead(', { plan: await id('Plan', 'plan', 'VOL-OEST') }, Role.ADMIN);
    expect(data.createUser.userErrors).toEqual([]);
    expect(data.createUser.user).toMatchObject({ name: 'Sara Holm', role: 'PROJECT_LEAD', plans: [{ code: 'VOL-OEST' }] });
    sara = { token: data.createUser.token };
  });

  test("Register (with Sara's token): a homework café without a method is known by its words and meets the homework cafés of Vollsmose; sent again, the same activity", async () => {
    const variables = {
      plan: await id('Plan', 'plan', 'VOL-OEST'),
      estate: await id('Area', 'area', 'vollsmose-boegeparken'),
      children: await id('TargetGroup', 'target_group', 'skoleboern'),
    };
    const answer = (await run('mutation Register(', variables, sara)).createActivity;
    expect(answer.userErrors).toEqual([]);
    expect(answer.activity.inferredMethod).toMatchObject({ method: { name: 'Lektiecafé' }, confidence: 1 });
    expect(answer.activity.inferredMethod.words[0]).toBe('lektiecafé');
    expect(answer.activity.inferredThemes).toEqual([{ code: 'UDD', name: 'Uddannelse og livschancer' }]);
    const scores = answer.similarActivities.map((o: { score: number }) => o.score);
    expect(scores).toHaveLength(5);
    expect(scores[0]).toBeCloseTo(0.97, 2);
    expect(scores[4]).toBeCloseTo(0.83, 2);
    const others = answer.similarActivities
      .map((o: { activities: { title: string }[] }) => o.activities.map((a) => a.title).filter((title) => title !== 'Lektiecafé for 4.-6. klasse'))
      .flat();
    expect(others).toContain('Lektiecafé i Bøgeparkens beboerhus');
    for (const title of others) expect(title).toMatch(/^Lektiecafé/);
    const again = (await run('mutation Register(', variables, sara)).createActivity;
    expect(again.activity.id).toBe(answer.activity.id);
  });

  test("Steal: Sara cannot change another plan's activity, with the answer the README shows", async () => {
    const [{ id: activity }] = (await t.hub.orm.em
      .fork()
      .execute("select a.id from activity a join plan p on p.id = a.plan_id where p.code = 'SKK' order by a.id limit 1")) as { id: number }[];
    const data = await run('mutation Steal(', { id: await t.idOf('Activity', `select ${activity} as id`) }, sara);
    const shown = JSON.parse(README.match(/```json\n([\s\S]*?)```/)![1]!);
    expect(data.updateActivity).toEqual(shown);
  });

  test('Worst: the cross-plan overlaps of Vollsmose, best first, their reasons adding up to the score', async () => {
    const data = await run('query Worst(', { vollsmose: await id('Area', 'area', 'vollsmose') });
    expect(data.overlaps.totalCount).toBeGreaterThan(10);
    const scores = data.overlaps.nodes.map((n: { score: number }) => n.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const node of data.overlaps.nodes) {
      expect(node.activities[0].plan.code).not.toBe(node.activities[1].plan.code);
      expect(node.reasons.reduce((sum: number, r: { weight: number }) => sum + r.weight, 0)).toBeCloseTo(node.score, 1);
    }
  });

  test('Similar: a draft meets the homework cafés next to it before it is registered', async () => {
    const data = await run(
      'query Similar(',
      {
        estate: await id('Area', 'area', 'vollsmose-boegeparken'),
        children: await id('TargetGroup', 'target_group', 'skoleboern'),
        theme: await id('Theme', 'theme', 'UDD'),
      },
      Role.PROJECT_LEAD,
    );
    expect(data.similarActivities.length).toBeGreaterThan(0);
    for (const overlap of data.similarActivities) {
      expect(overlap.score).toBeGreaterThanOrEqual(0.5);
      expect(overlap.activities[0].title).toMatch(/lektie/i);
    }
  });

  test('Decide: the team records a decision on a pair', async () => {
    const [pair] = (await t.hub.orm.em.fork().execute('select activity_a_id as a, activity_b_id as b from activity_overlap order by score desc limit 1')) as {
      a: number;
      b: number;
    }[];
    const data = await run('mutation Decide(', {
      a: await t.idOf('Activity', `select ${pair!.a} as id`),
      b: await t.idOf('Activity', `select ${pair!.b} as id`),
    });
    expect(data.reviewOverlap.userErrors).toEqual([]);
    expect(data.reviewOverlap.overlap.review).toMatchObject({ decision: 'COORDINATED', note: 'Fælles lektiecafé fra januar' });
  });

  test('gaps: the empty estate x target group cells, the most populous estates first', async () => {
    const data = await run('coverage(filter: { areaKind: ESTATE, gapsOnly: true })');
    expect(data.coverage.length).toBeGreaterThan(0);
    const residents = data.coverage.map((c: { area: { residents: number | null } }) => c.area.residents ?? 0);
    expect(residents).toEqual([...residents].sort((a, b) => b - a));
  });

  test("follow-ups overdue, inquiry figures whose shares add up to 1, and a plan's indicators", async () => {
    const data = await run('actionItems(overdue: true)');
    expect(data.actionItems.length).toBeGreaterThan(0);
    for (const item of data.actionItems) expect(item.dueDate < new Date().toISOString().slice(0, 10)).toBe(true);
    expect(data.inquiryStats.reduce((sum: number, s: { share: number }) => sum + s.share, 0)).toBeCloseTo(1, 2);
    expect(data.plan.indicators.length).toBeGreaterThan(0);
  });
});
