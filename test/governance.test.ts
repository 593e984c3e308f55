import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { today } from '../server/core/dates.js';
import { Role } from '../server/core/enums.js';
import { errorCodes, startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
const ids: Record<string, string> = {};
const codes = errorCodes;

beforeAll(async () => {
  t = await startTestHub();
  Object.assign(ids, {
    ownPlan: await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'"),
    otherPlan: await t.idOf('Plan', "select id from plan where code = 'SKK'"),
    ownGroup: await t.idOf('SteeringGroup', "select g.id from steering_group g join plan p on p.id = g.plan_id where p.code = 'VOL-OEST'"),
    otherGroup: await t.idOf('SteeringGroup', "select g.id from steering_group g join plan p on p.id = g.plan_id where p.code = 'SKK'"),
    person: await t.idOf('Person', 'select min(id) as id from person'),
    person2: await t.idOf('Person', 'select min(id) + 1 as id from person'),
  });
});
afterAll(() => t?.stop());

const mutate = (...args: Parameters<TestHub['mutate']>) => t.mutate(...args);

const daysFromToday = (n: number) => new Date(Date.parse(`${today()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('steering groups and meetings', () => {
  test('a steering group with members; one per plan', async () => {
    const plan = await mutate(
      'createPlan',
      'CreatePlanInput',
      {
        code: 'TEST-SG',
        name: 'Testplan med styregruppe',
        startDate: '2027-01-01',
        endDate: '2030-12-31',
        areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose'")],
      },
      'plan { id }',
    );
    const input = {
      planId: plan.plan.id,
      name: 'Styregruppen for testplanen',
      members: [{ personId: ids.person, role: 'Formand' }, { personId: ids.person2 }],
    };
    const created = await mutate(
      'createSteeringGroup',
      'CreateSteeringGroupInput',
      input,
      'steeringGroup { name plan { code } members { role person { id } } }',
    );
    expect(created.steeringGroup).toEqual({
      name: 'Styregruppen for testplanen',
      plan: { code: 'TEST-SG' },
      members: [
        { role: 'Formand', person: { id: ids.person } },
        { role: null, person: { id: ids.person2 } },
      ],
    });
    expect(codes((await mutate('createSteeringGroup', 'CreateSteeringGroupInput', input, 'steeringGroup { id }')).userErrors)).toEqual([
      'input.planId:DUPLICATE',
    ]);
    const twice = await mutate(
      'createSteeringGroup',
      'CreateSteeringGroupInput',
      { name: 'Dobbelt', members: [{ personId: ids.person }, { personId: ids.person }] },
      'steeringGroup { id }',
    );
    expect(codes(twice.userErrors)).toEqual(['input.members.1.personId:INVALID']);
    expect(
      codes((await mutate('createSteeringGroup', 'CreateSteeringGroupInput', { name: 'Min egen' }, 'steeringGroup { id }', Role.PROJECT_LEAD)).userErrors),
    ).toEqual(['input.planId:FORBIDDEN']);
  });

  test('a meeting keeps agenda, minutes, decisions and follow-ups, newest meeting first', async () => {
    const meeting = await mutate(
      'recordMeeting',
      'RecordMeetingInput',
      {
        steeringGroupId: ids.ownGroup,
        date: today(),
        agenda: ['Status', 'Lektiecafé', 'Eventuelt'],
        minutes: 'Godt fremmøde.',
        decisions: ['Lektiecaféen fortsætter'],
        actionItems: [{ description: 'Find to nye frivillige', ownerId: ids.person, dueDate: daysFromToday(14) }],
      },
      'meeting { id date agenda decisions minutes steeringGroup { id } actionItems { description status dueDate owner { id } meeting { id } } }',
      Role.PROJECT_LEAD,
    );
    expect(meeting.userErrors).toEqual([]);
    expect(meeting.meeting).toMatchObject({
      agenda: ['Status', 'Lektiecafé', 'Eventuelt'],
      decisions: ['Lektiecaféen fortsætter'],
      steeringGroup: { id: ids.ownGroup },
    });
    expect(meeting.meeting.actionItems).toEqual([
      { description: 'Find to nye frivillige', status: 'OPEN', dueDate: daysFromToday(14), owner: { id: ids.person }, meeting: { id: meeting.meeting.id } },
    ]);
    const group = await t.gql('query($id: ID!) { node(id: $id) { ... on SteeringGroup { meetings { id } } } }', { id: ids.ownGroup });
    expect(group.data.node.meetings[0].id).toBe(meeting.meeting.id);
    const plan = await t.gql('{ plan(code: "VOL-OEST") { steeringGroup { meetings { date } } } }');
    expect(plan.data.plan.steeringGroup.meetings[0].date).toBe(today());
  });

  test('a follow-up cannot be due before its meeting; project leads keep to their own plans', async () => {
    const bad = await mutate(
      'recordMeeting',
      'RecordMeetingInput',
      {
        steeringGroupId: ids.ownGroup,
        date: today(),
        actionItems: [{ description: '', dueDate: daysFromToday(-1) }],
        agenda: [' '],
      },
      'meeting { id }',
    );
    expect(codes(bad.userErrors)).toEqual(['input.agenda.0:INVALID', 'input.actionItems.0.description:INVALID', 'input.actionItems.0.dueDate:INVALID']);
    const foreign = await mutate(
      'recordMeeting',
      'RecordMeetingInput',
      { steeringGroupId: ids.otherGroup, date: today() },
      'meeting { id }',
      Role.PROJECT_LEAD,
    );
    expect(codes(foreign.userErrors)).toEqual(['input.steeringGroupId:FORBIDDEN']);
    expect(
      codes(
        (await mutate('recordMeeting', 'RecordMeetingInput', { steeringGroupId: ids.otherGroup, date: today() }, 'meeting { id }', Role.READER)).userErrors,
      ),
    ).toEqual([':FORBIDDEN']);
  });
});

describe('follow-ups', () => {
  test('overdue lists open follow-ups due before today, by due date; completing one takes it off', async () => {
    const meeting = await mutate(
      'recordMeeting',
      'RecordMeetingInput',
      {
        steeringGroupId: ids.otherGroup,
        date: daysFromToday(-60),
        actionItems: [
          { description: 'Send referat til afdelingsbestyrelsen', dueDate: daysFromToday(-30) },
          { description: 'Aftal lokaler med skolen', dueDate: daysFromToday(-45) },
          { description: 'Planlæg sommerferie', dueDate: daysFromToday(30) },
        ],
      },
      'meeting { actionItems { id description } }',
    );
    const mine = new Set(['Send referat til afdelingsbestyrelsen', 'Aftal lokaler med skolen', 'Planlæg sommerferie']);
    const overdue = async () => {
      const all = (await t.gql('query($g: ID) { actionItems(overdue: true, steeringGroupId: $g) { id description dueDate status } }', { g: ids.otherGroup }))
        .data.actionItems as any[];
      const dates = all.map((i) => i.dueDate);
      expect(dates).toEqual([...dates].sort());
      return all.filter((i) => mine.has(i.description));
    };
    const before = await overdue();
    expect(before.map((i) => i.description)).toEqual(['Aftal lokaler med skolen', 'Send referat til afdelingsbestyrelsen']);
    for (const item of before) expect(item.dueDate < today() && item.status === 'OPEN').toBe(true);
    const done = await mutate('completeActionItem', 'CompleteActionItemInput', { id: before[0].id }, 'actionItem { status completedAt }');
    expect(done.actionItem.status).toBe('DONE');
    expect((await overdue()).map((i) => i.description)).toEqual(['Send referat til afdelingsbestyrelsen']);
    expect(codes((await mutate('completeActionItem', 'CompleteActionItemInput', { id: before[0].id }, 'actionItem { id }')).userErrors)).toEqual([
      'input.id:INVALID',
    ]);
    const all = await t.gql('query($g: ID) { actionItems(steeringGroupId: $g) { description } }', { g: ids.otherGroup });
    expect(all.data.actionItems.filter((i: any) => mine.has(i.description))).toHaveLength(3);
    expect(meeting.userErrors).toEqual([]);

    // A plan's own, open or done: what "Mine aktiviteter" lists for a lead, without fetching every plan's.
    const ofPlans = async (planIds: string[], status?: string) =>
      (
        await t.gql('query($p: [ID!], $s: ActionItemStatus) { actionItems(planIds: $p, status: $s) { description status meeting { steeringGroup { id } } } }', {
          p: planIds,
          s: status,
        })
      ).data.actionItems as any[];
    const other = await ofPlans([ids.otherPlan]);
    expect(other.length).toBeGreaterThanOrEqual(3);
    for (const item of other) expect(item.meeting.steeringGroup.id).toBe(ids.otherGroup);
    const finished = await ofPlans([ids.otherPlan], 'DONE');
    expect(finished.map((i) => i.description)).toContain('Aftal lokaler med skolen');
    expect(finished.every((i) => i.status === 'DONE')).toBe(true);
    expect(finished.length + (await ofPlans([ids.otherPlan], 'OPEN')).length).toBe(other.length);
    expect((await ofPlans([ids.otherPlan], 'OPEN')).every((i) => i.status === 'OPEN' && i.description !== 'Aftal lokaler med skolen')).toBe(true);
    expect(await ofPlans([ids.ownPlan, ids.otherPlan])).toEqual(expect.arrayContaining(other));
    const tooMany = await t.gql('query($p: [ID!]) { actionItems(planIds: $p) { id } }', { p: Array(201).fill(ids.otherPlan) });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongKind = await t.gql('query($p: [ID!]) { actionItems(planIds: $p) { id } }', { p: [ids.otherGroup] });
    expect(wrongKind.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('inquiries', () => {
  const record = (input: Record<string, unknown>, as: Role = Role.COORDINATOR) =>
    t.gql(
      `mutation($input: RecordInquiriesInput!) { recordInquiries(input: $input) { stats { channel count share } userErrors { field code message } } }`,
      { input },
      as,
    );

  test('counts are recorded per plan, channel, topic and period, never with personal data', async () => {
    const base = { planId: ids.ownPlan, periodStart: '2030-01-01', periodEnd: '2030-01-31' };
    const ok = await record({ ...base, channel: 'DIGITAL_POST', topic: 'Husleje', count: 30 }, Role.PROJECT_LEAD);
    expect(ok.data.recordInquiries).toEqual({ stats: [{ channel: 'DIGITAL_POST', count: 30, share: 1 }], userErrors: [] });
    const second = await record({ ...base, channel: 'PHONE', topic: 'Husleje', count: 10 });
    expect(second.data.recordInquiries.stats).toEqual(
      [
        { channel: 'PHONE', count: 10, share: 0.25 },
        { channel: 'DIGITAL_POST', count: 30, share: 0.75 },
      ].sort((a, b) => a.channel.localeCompare(b.channel)),
    );
    for (const topic of ['Klage fra 010190-1234', 'Henvendelse fra anna@example.dk']) {
      expect(codes((await record({ ...base, channel: 'EMAIL', topic, count: 1 })).data.recordInquiries.userErrors)).toEqual(['input.topic:INVALID']);
    }
    expect(codes((await record({ ...base, channel: 'EMAIL', topic: 'Husleje', count: 1, periodEnd: '2029-12-01' })).data.recordInquiries.userErrors)).toEqual([
      'input.periodEnd:INVALID',
    ]);
    expect(
      codes(
        (await record({ ...base, planId: ids.otherPlan, channel: 'EMAIL', topic: 'Husleje', count: 1 }, Role.PROJECT_LEAD)).data.recordInquiries.userErrors,
      ),
    ).toEqual(['input.planId:FORBIDDEN']);
    expect((await record({ ...base, channel: 'EMAIL', topic: 'Husleje', count: -1 })).status).toBe(400);
  });

  test('stats group by any combination, and the shares of one answer sum to 1', async () => {
    const base = { planId: ids.otherPlan, topic: 'Vedligehold' };
    for (const [channel, month, count] of [
      ['LETTER', '2031-01', 20],
      ['PHONE', '2031-01', 30],
      ['SELF_SERVICE', '2031-02', 50],
      ['LETTER', '2031-02', 5],
    ] as const) {
      await record({ ...base, channel, count, periodStart: `${month}-01`, periodEnd: `${month}-28` });
    }
    const stats = async (groupBy: string[]) =>
      (
        await t.gql(
          'query($g: [InquiryGrouping!]!, $p: [ID!]) { inquiryStats(groupBy: $g, planIds: $p, from: "2031-01-01", to: "2031-12-31") { channel topic month plan { code } count share } }',
          { g: groupBy, p: [ids.otherPlan] },
        )
      ).data.inquiryStats as any[];
    const byChannelMonth = await stats(['CHANNEL', 'MONTH']);
    expect(byChannelMonth.map((s) => [s.channel, s.month, s.count])).toEqual([
      ['LETTER', '2031-01', 20],
      ['LETTER', '2031-02', 5],
      ['PHONE', '2031-01', 30],
      ['SELF_SERVICE', '2031-02', 50],
    ]);
    for (const groupBy of [[], ['CHANNEL'], ['MONTH'], ['TOPIC', 'PLAN'], ['CHANNEL', 'MONTH']]) {
      const answer = await stats(groupBy);
      expect(answer.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 10);
    }
    expect(await stats([])).toEqual([{ channel: null, topic: null, month: null, plan: null, count: 105, share: 1 }]);
    expect((await stats(['PLAN']))[0].plan).toEqual({ code: 'SKK' });
  });
});

test('every change of this module is audited', async () => {
  const actions = new Set(((await t.hub.orm.em.fork().execute('select distinct action from audit_event')) as { action: string }[]).map((r) => r.action));
  for (const action of ['createSteeringGroup', 'recordMeeting', 'completeActionItem', 'recordInquiries']) expect(actions.has(action), action).toBe(true);
});
