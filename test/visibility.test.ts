import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { toGlobalId } from '../server/core/global-id.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
let draft: { planId: number; activityId: number; areaId: number };
let staffName: string;
beforeAll(async () => {
  t = await startTestHub();
  const em = t.hub.orm.em.fork();
  const [plan] = (await em.execute(
    "insert into plan (code, name, status, start_date, end_date, created_at, updated_at) values ('UDKAST', 'Hemmelig helhedsplan', 'DRAFT', '2026-01-01', '2029-12-31', now(), now()) returning id",
  )) as { id: number }[];
  const [area] = (await em.execute("select id from area where kind = 'ESTATE' order by id limit 1")) as { id: number }[];
  await em.execute('insert into plan_area (plan_id, area_id) values (?, ?)', [plan!.id, area!.id]);
  const [{ name }] = (await em.execute("select name from person where name like '% %' order by id limit 1")) as { name: string }[];
  staffName = name;
  const [activity] = (await em.execute(
    "insert into activity (plan_id, title, status, start_date, schedule, version, archived, created_at, updated_at) values (?, 'Udkast-aktivitet', 'PLANNED', '2026-01-01', '[]', 1, false, now(), now()) returning id",
    [plan!.id],
  )) as { id: number }[];
  draft = { planId: plan!.id, activityId: activity!.id, areaId: area!.id };
});
afterAll(() => t?.stop());

describe('one visibility rule per type, on every path', () => {
  test('readers cannot open an unpublished experience by id; coordinators can', async () => {
    const [row] = (await t.hub.orm.em.fork().execute('select id from experience where not publishable order by id limit 1')) as { id: number }[];
    const id = toGlobalId('Experience', row!.id);
    const query = 'query($id: ID!) { node(id: $id) { id ... on Experience { title body } } }';
    expect((await t.gql(query, { id }, Role.READER)).data.node).toBeNull();
    expect((await t.gql(query, { id }, Role.COORDINATOR)).data.node.id).toBe(id);
  });

  test('readers see no DRAFT plan and none of its activities: lists, plan(code), node(id), nested lists', async () => {
    const planId = toGlobalId('Plan', draft.planId);
    const activityId = toGlobalId('Activity', draft.activityId);
    const areaId = toGlobalId('Area', draft.areaId);
    const query = `query($plan: ID!, $activity: ID!, $area: ID!) {
      plans(first: 100) { totalCount nodes { code } }
      plan(code: "UDKAST") { code }
      p: node(id: $plan) { id }
      a: node(id: $activity) { id }
      activities(first: 100, filter: { planIds: [$plan] }) { totalCount }
      area: node(id: $area) { ... on Area { plans { code } } }
    }`;
    const variables = { plan: planId, activity: activityId, area: areaId };
    const reader = (await t.gql(query, variables, Role.READER)).data;
    expect(reader.plans.nodes.map((p: { code: string }) => p.code)).not.toContain('UDKAST');
    const [{ drafts, all }] = (await t.hub.orm.em.fork().execute("select count(*) filter (where status = 'DRAFT')::int as drafts, count(*)::int as all from plan")) as { drafts: number; all: number }[];
    expect(drafts).toBeGreaterThanOrEqual(1);
    expect(reader.plans.totalCount).toBe(all - drafts);
    expect(reader.plan).toBeNull();
    expect(reader.p).toBeNull();
    expect(reader.a).toBeNull();
    expect(reader.activities.totalCount).toBe(0);
    expect(reader.area.plans.map((p: { code: string }) => p.code)).not.toContain('UDKAST');
    const coordinator = (await t.gql(query, variables, Role.COORDINATOR)).data;
    expect(coordinator.plans.totalCount).toBe(all);
    expect(coordinator.plan.code).toBe('UDKAST');
    expect(coordinator.p.id).toBe(planId);
    expect(coordinator.a.id).toBe(activityId);
    expect(coordinator.activities.totalCount).toBe(1);
    expect(coordinator.area.plans.map((p: { code: string }) => p.code)).toContain('UDKAST');
  });

  test('highlights announce no DRAFT plan and name no person from the register, whoever asks', async () => {
    const planId = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const created = await t.mutate('createActivity', 'CreateActivityInput', {
      planId, title: `Gåtur med ${staffName}`, description: 'Hver tirsdag',
      targetGroupIds: [await t.idOf('TargetGroup', 'select id from target_group order by id limit 1')],
      areaIds: [await t.idOf('Area', "select id from area where kind = 'ESTATE' order by id limit 1")], startDate: '2027-01-04',
    }, 'activity { id }');
    expect(created.userErrors).toEqual([]);
    const since = new Date(Date.now() - 3600_000).toISOString();
    for (const role of [Role.READER, Role.COORDINATOR]) {
      const result = await t.gql('query($since: DateTime!) { highlights(since: $since, first: 100) { kind title summary } }', { since }, role);
      const text = JSON.stringify(result.data.highlights);
      expect(text).not.toContain('Hemmelig helhedsplan');
      expect(text).not.toContain('Udkast-aktivitet');
      expect(text).not.toContain(staffName);
      expect(text).toContain('Gåtur med en medarbejder');
    }
  });
});
