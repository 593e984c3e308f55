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
    const [{ drafts, all }] = (await t.hub.orm.em
      .fork()
      .execute("select count(*) filter (where status = 'DRAFT')::int as drafts, count(*)::int as all from plan")) as { drafts: number; all: number }[];
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

  test('readers meet nothing of a DRAFT plan on any other path: nested lists, overlaps, similar activities, experiences, follow-ups, inquiries, coverage, single fields', async () => {
    const planId = toGlobalId('Plan', draft.planId);
    const one = async (sql: string) => ((await t.hub.orm.em.fork().execute(sql)) as { id: number }[])[0]!.id;
    const estate = await t.idOf('Area', "select id from area where code = 'vollsmose-boegeparken'");
    const group = await t.idOf('TargetGroup', "select id from target_group where code = 'skoleboern'");
    const method = await t.idOf('Method', "select id from method where code = 'lektiecafe'");
    const theme = toGlobalId(
      'Theme',
      await one(
        "select theme_id as id from activity_theme at join activity a on a.id = at.activity_id where a.method_id = (select id from method where code = 'lektiecafe') limit 1",
      ),
    );
    const registered = {
      planId,
      title: 'Lektiecafé i udkastet',
      description: 'Lektiehjælp for skolebørn',
      methodId: method,
      themeIds: [theme],
      targetGroupIds: [group],
      areaIds: [estate],
      startDate: '2026-01-05',
      schedule: [{ weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' }],
    };
    const created = await t.mutate('createActivity', 'CreateActivityInput', registered, 'activity { id } similarActivities { activities { id } }');
    expect(created.userErrors).toEqual([]);
    const secret: string = created.activity.id;
    const neighbour: string = created.similarActivities[0].activities.find((a: { id: string }) => a.id !== secret).id;
    const group_ = await t.mutate('createSteeringGroup', 'CreateSteeringGroupInput', { planId, name: 'Hemmelig styregruppe' }, 'steeringGroup { id }');
    const steeringGroup: string = group_.steeringGroup.id;
    const recorded = await t.mutate(
      'recordMeeting',
      'RecordMeetingInput',
      {
        steeringGroupId: steeringGroup,
        date: '2026-02-01',
        actionItems: [{ description: 'Hemmelig opfølgning', dueDate: '2026-03-01' }],
      },
      'meeting { id }',
    );
    expect(recorded.userErrors).toEqual([]);
    expect(
      (
        await t.mutate(
          'recordInquiries',
          'RecordInquiriesInput',
          {
            planId,
            channel: 'PHONE',
            topic: 'Husleje',
            count: 777,
            periodStart: '2026-02-01',
            periodEnd: '2026-02-28',
          },
          'stats { count }',
        )
      ).userErrors,
    ).toEqual([]);
    expect(
      (
        await t.mutate(
          'createExperience',
          'CreateExperienceInput',
          {
            activityId: secret,
            title: 'Hemmelig erfaring',
            body: 'Fra udkastet',
            outcome: 'WORKED',
            publishable: true,
          },
          'experience { id }',
        )
      ).userErrors,
    ).toEqual([]);

    const query = `query($secret: ID!, $neighbour: ID!, $group: ID!, $draft: ActivityDraftInput!, $sg: ID!, $meeting: ID!, $area: ID!, $tg: ID!) {
      methods { activities(first: 100) { nodes { id } } }
      overlaps(first: 100, filter: { minScore: 0.15, includeSamePlan: true }) { nodes { activities { id } } }
      n: node(id: $neighbour) { ... on Activity { overlaps(minScore: 0.15) { activities { id } } } }
      similarActivities(draft: $draft, first: 100) { activities { id } }
      experiences(first: 100) { nodes { title activity { id } } }
      actionItems { description }
      inquiryStats(groupBy: [PLAN]) { plan { code } count }
      coverage(filter: { areaIds: [$area], targetGroupIds: [$tg] }) { activeActivities }
      sg: node(id: $sg) { ... on SteeringGroup { name plan { code } } }
      meeting: node(id: $meeting) { id }
      followUps: actionItems { meeting { steeringGroup { plan { code } } } }
      s: node(id: $secret) { id }
      g: node(id: $group) { id }
    }`;
    const variables = {
      secret,
      neighbour,
      group,
      draft: { ...registered, planId: undefined },
      sg: steeringGroup,
      meeting: recorded.meeting.id,
      area: estate,
      tg: group,
    };
    const answer = async (role: Role) => {
      const result = await t.gql(query, variables, role);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const ids = (value: unknown): string[] => JSON.stringify(value).match(/"id":"[^"]+"/g) ?? [];
    const coordinator = await answer(Role.COORDINATOR);
    const reader = await answer(Role.READER);
    const mentions = (data: Record<string, unknown>, key: string) => ids(data[key]).includes(`"id":"${secret}"`);
    for (const key of ['methods', 'overlaps', 'n', 'similarActivities', 'experiences']) {
      expect(mentions(coordinator, key), key).toBe(true);
      expect(mentions(reader, key), key).toBe(false);
    }
    const texts = (data: { actionItems: { description: string }[] }) => data.actionItems.map((i) => i.description);
    expect(texts(coordinator)).toContain('Hemmelig opfølgning');
    expect(texts(reader)).not.toContain('Hemmelig opfølgning');
    const codes = (data: { inquiryStats: { plan: { code: string } | null }[] }) => data.inquiryStats.map((s) => s.plan?.code ?? null);
    expect(codes(coordinator)).toContain('UDKAST');
    expect(codes(reader)).not.toContain('UDKAST');
    expect(codes(reader)).not.toContain(null);
    expect(reader.coverage[0].activeActivities).toBe(coordinator.coverage[0].activeActivities - 1);
    expect(coordinator.sg.plan.code).toBe('UDKAST');
    expect(coordinator.meeting).not.toBeNull();
    expect(reader.sg).toBeNull();
    expect(reader.meeting).toBeNull();
    expect(reader.s).toBeNull();
    expect(JSON.stringify(reader.followUps)).not.toContain('UDKAST');
  });

  test('highlights announce no DRAFT plan and name no person from the register, whoever asks', async () => {
    const planId = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
    const created = await t.mutate(
      'createActivity',
      'CreateActivityInput',
      {
        planId,
        title: `Gåtur med ${staffName}`,
        description: 'Hver tirsdag',
        targetGroupIds: [await t.idOf('TargetGroup', 'select id from target_group order by id limit 1')],
        areaIds: [await t.idOf('Area', "select id from area where kind = 'ESTATE' order by id limit 1")],
        startDate: '2027-01-04',
      },
      'activity { id }',
    );
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

describe('contact data typed into free text', () => {
  test('readers get experience bodies, activity descriptions and highlight summaries with e-mail and phone hidden; staff read them as written', async () => {
    const em = t.hub.orm.em.fork();
    const written = 'Ring til Anna på 65\u00A045\u00A065\u00A065 eller +4565456565, skriv til anna＠vollsmose.dk. Planen løber 2027-2030.';
    const hidden = 'Ring til Anna på [skjult] eller [skjult], skriv til [skjult]. Planen løber 2027-2030.';
    const [activity] = (await em.execute(
      "select a.id from activity a join plan p on p.id = a.plan_id where p.status = 'ACTIVE' and not a.archived order by a.id limit 1",
    )) as { id: number }[];
    await em.execute('update activity set description = ? where id = ?', [written, activity!.id]);
    const [experience] = (await em.execute(
      "insert into experience (title, body, outcome, recommendation, activity_id, publishable, created_at) values ('Kontakt os på 65-45-65-65', ?, 'WORKED', ?, ?, true, now()) returning id",
      [written, written, activity!.id],
    )) as { id: number }[];
    const query = `query($activity: ID!, $experience: ID!, $since: DateTime!) {
      activity: node(id: $activity) { ... on Activity { description } }
      experience: node(id: $experience) { ... on Experience { title body recommendation } }
      experiences(first: 100) { nodes { id body } }
      highlights(first: 100, since: $since) { title summary }
    }`;
    const variables = { activity: toGlobalId('Activity', activity!.id), experience: toGlobalId('Experience', experience!.id), since: '2020-01-01T00:00:00Z' };
    const reader = (await t.gql(query, variables, Role.READER)).data;
    expect(reader.activity.description).toBe(hidden);
    expect(reader.experience).toEqual({ title: 'Kontakt os på [skjult]', body: hidden, recommendation: hidden });
    expect(reader.experiences.nodes.find((n: { id: string }) => n.id === variables.experience).body).toBe(hidden);
    const news = JSON.stringify(reader.highlights);
    expect(news).toContain('Kontakt os på [skjult]');
    expect(news).not.toMatch(/65.45.65.65|4565456565|anna＠/);
    const staff = (await t.gql(query, variables, Role.COORDINATOR)).data;
    expect(staff.activity.description).toBe(written);
    expect(staff.experience.body).toBe(written);
    // Newsletter text is publishable whoever asks for it.
    expect(JSON.stringify(staff.highlights)).not.toMatch(/65.45.65.65|4565456565|anna＠/);
  });
});
