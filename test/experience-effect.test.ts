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
    ownActivity: await t.idOf('Activity', "select id from activity where title = 'Lektiecafé i Bøgeparkens beboerhus'"),
    otherActivity: await t.idOf('Activity', "select id from activity where title = 'Fædregruppe i Skt. Klemensparken'"),
    lektiecafe: await t.idOf('Method', "select id from method where code = 'lektiecafe'"),
    faedregruppe: await t.idOf('Method', "select id from method where code = 'faedregruppe'"),
    skoleboern: await t.idOf('TargetGroup', "select id from target_group where code = 'skoleboern'"),
    boern: await t.idOf('TargetGroup', "select id from target_group where code = 'boern'"),
    udd: await t.idOf('Theme', "select id from theme where code = 'UDD'"),
    person: await t.idOf('Person', 'select min(id) as id from person'),
  });
});
afterAll(() => t?.stop());

const mutate = (...args: Parameters<TestHub['mutate']>) => t.mutate(...args);

describe('experiences', () => {
  const create = (input: Record<string, unknown>, as: Role = Role.COORDINATOR) =>
    mutate('createExperience', 'CreateExperienceInput', input, 'experience { id title publishable outcome method { code } activity { title } }', as);

  test("a project lead records an experience on their own activity; the method defaults to the activity's", async () => {
    const result = await create(
      {
        title: 'Faste frivillige giver ro',
        body: 'Da vi fik faste frivillige hver tirsdag, kom flere børn igen ugen efter.',
        outcome: 'WORKED',
        recommendation: 'Bind de frivillige til en fast dag.',
        activityId: ids.ownActivity,
        publishable: true,
      },
      Role.PROJECT_LEAD,
    );
    expect(result.userErrors).toEqual([]);
    expect(result.experience).toMatchObject({ publishable: true, method: { code: 'lektiecafe' }, activity: { title: 'Lektiecafé i Bøgeparkens beboerhus' } });
  });

  test('who may record, and what the input needs', async () => {
    expect(codes((await create({ title: 'x', body: 'y', outcome: 'MIXED', activityId: ids.otherActivity }, Role.PROJECT_LEAD)).userErrors)).toEqual([
      'input.activityId:FORBIDDEN',
    ]);
    // A lesson on a method alone speaks for every plan: coordinators record it, project leads name their own activity.
    expect(
      codes((await create({ title: 'x', body: 'y', outcome: 'MIXED', methodId: ids.lektiecafe, publishable: true }, Role.PROJECT_LEAD)).userErrors),
    ).toEqual(['input.activityId:FORBIDDEN']);
    expect(
      (await create({ title: 'På tværs', body: 'Gælder alle planer.', outcome: 'MIXED', methodId: ids.lektiecafe, publishable: true })).userErrors,
    ).toEqual([]);
    for (const role of [Role.READER, Role.ADMIN])
      expect(codes((await create({ title: 'x', body: 'y', outcome: 'MIXED', methodId: ids.lektiecafe }, role)).userErrors)).toEqual([':FORBIDDEN']);
    expect(codes((await create({ title: ' ', body: '', outcome: 'MIXED' })).userErrors)).toEqual(['input.title:INVALID', 'input.body:INVALID', ':INVALID']);
  });

  test('readers see publishable experiences only, everywhere', async () => {
    await create({
      title: 'Intern: konflikt med bestyrelsen',
      body: 'Fortroligt forløb om lokaler.',
      outcome: 'DID_NOT_WORK',
      methodId: ids.lektiecafe,
      publishable: false,
    });
    await create({
      title: 'Lektiecaféen flyttede til biblioteket',
      body: 'Flere piger kom, da caféen flyttede til biblioteket.',
      outcome: 'WORKED',
      methodId: ids.lektiecafe,
      publishable: true,
    });
    const query =
      'query($m: ID!) { experiences(first: 100) { totalCount nodes { title publishable } } node(id: $m) { ... on Method { experiences { totalCount nodes { title } } } } }';
    const coordinator = await t.gql(query, { m: ids.lektiecafe });
    const reader = await t.gql(query, { m: ids.lektiecafe }, Role.READER);
    const titles = (r: any) => r.data.experiences.nodes.map((n: any) => n.title);
    expect(titles(coordinator)).toContain('Intern: konflikt med bestyrelsen');
    expect(titles(reader)).not.toContain('Intern: konflikt med bestyrelsen');
    expect(reader.data.experiences.nodes.every((n: any) => n.publishable)).toBe(true);
    expect(reader.data.node.experiences.totalCount).toBe(coordinator.data.node.experiences.totalCount - 1);
  });

  test('experiences filter by text (Danish), method, outcome, target group and theme', async () => {
    const titles = async (filter: Record<string, unknown>) =>
      (await t.gql('query($f: ExperienceFilter) { experiences(first: 100, filter: $f) { nodes { title } } }', { f: filter })).data.experiences.nodes.map(
        (n: any) => n.title,
      ) as string[];
    expect(await titles({ text: 'frivillig' })).toContain('Faste frivillige giver ro');
    expect(await titles({ text: 'biblioteket' })).toContain('Lektiecaféen flyttede til biblioteket');
    expect(await titles({ text: 'biblioteket' })).not.toContain('Faste frivillige giver ro');
    expect(await titles({ methodIds: [ids.faedregruppe] })).not.toContain('Faste frivillige giver ro');
    expect(await titles({ outcome: ['DID_NOT_WORK'] })).toContain('Intern: konflikt med bestyrelsen');
    expect(await titles({ outcome: ['DID_NOT_WORK'] })).not.toContain('Faste frivillige giver ro');
    expect(await titles({ targetGroupIds: [ids.boern] })).toContain('Faste frivillige giver ro');
    expect(await titles({ themeIds: [ids.udd] })).toContain('Faste frivillige giver ro');
  });

  test('Activity.experiences lists the lessons of the activity', async () => {
    const data = await t.gql('query($id: ID!) { node(id: $id) { ... on Activity { experiences { title } } } }', { id: ids.ownActivity });
    expect(data.data.node.experiences.map((e: any) => e.title)).toContain('Faste frivillige giver ro');
  });
});

describe('indicators and measurements', () => {
  const INDICATOR = 'indicator { id name baseline target latestValue progress measurements { periodStart periodEnd value } plan { code } activity { title } }';
  const indicator = (input: Record<string, unknown>, as: Role = Role.COORDINATOR) => mutate('createIndicator', 'CreateIndicatorInput', input, INDICATOR, as);
  const measure = (input: Record<string, unknown>, as: Role = Role.COORDINATOR) => mutate('recordMeasurement', 'RecordMeasurementInput', input, INDICATOR, as);

  test('an indicator belongs to exactly one of a plan or an activity', async () => {
    expect(codes((await indicator({ name: 'X', unit: 'stk', direction: 'INCREASE', target: 1 })).userErrors)).toEqual([':INVALID']);
    expect(
      codes((await indicator({ name: 'X', unit: 'stk', direction: 'INCREASE', target: 1, planId: ids.ownPlan, activityId: ids.ownActivity })).userErrors),
    ).toEqual([':INVALID']);
    expect(codes((await indicator({ name: 'X', unit: 'stk', direction: 'INCREASE', target: 1, planId: ids.otherPlan }, Role.PROJECT_LEAD)).userErrors)).toEqual(
      ['input.planId:FORBIDDEN'],
    );
    const ok = await indicator(
      { name: 'Deltagere pr. gang', unit: 'børn', direction: 'INCREASE', baseline: 10, target: 30, activityId: ids.ownActivity },
      Role.PROJECT_LEAD,
    );
    expect(ok.indicator).toMatchObject({
      activity: { title: 'Lektiecafé i Bøgeparkens beboerhus' },
      plan: null,
      latestValue: null,
      progress: null,
      measurements: [],
    });
  });

  test('progress runs from the baseline to the target, in either direction', async () => {
    const up = (await indicator({ name: 'Fremmøde', unit: 'børn', direction: 'INCREASE', baseline: 10, target: 30, planId: ids.ownPlan })).indicator;
    let after = await measure({ indicatorId: up.id, periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 20 });
    expect(after.indicator).toMatchObject({ latestValue: 20, progress: 0.5 });
    after = await measure({ indicatorId: up.id, periodStart: '2026-04-01', periodEnd: '2026-06-30', value: 40 });
    expect(after.indicator).toMatchObject({ latestValue: 40, progress: 1 });
    expect(after.indicator.measurements.map((m: any) => m.value)).toEqual([20, 40]);

    const down = (await indicator({ name: 'Hærværkssager', unit: 'sager', direction: 'DECREASE', baseline: 40, target: 20, planId: ids.ownPlan })).indicator;
    expect((await measure({ indicatorId: down.id, periodStart: '2026-01-01', periodEnd: '2026-06-30', value: 30 })).indicator.progress).toBe(0.5);
    expect((await measure({ indicatorId: down.id, periodStart: '2026-07-01', periodEnd: '2026-09-30', value: 45 })).indicator.progress).toBe(0);
  });

  test('without a baseline, progress counts from the first measurement', async () => {
    const noBase = (await indicator({ name: 'Jobs', unit: 'personer', direction: 'INCREASE', target: 50, planId: ids.ownPlan })).indicator;
    expect((await measure({ indicatorId: noBase.id, periodStart: '2026-01-01', periodEnd: '2026-01-31', value: 10 })).indicator.progress).toBe(0);
    expect((await measure({ indicatorId: noBase.id, periodStart: '2026-02-01', periodEnd: '2026-02-28', value: 30 })).indicator.progress).toBe(0.5);
  });

  test('measurement periods are ordered and never overlap', async () => {
    const ind = (await indicator({ name: 'Overlap', unit: 'stk', direction: 'INCREASE', baseline: 0, target: 10, planId: ids.ownPlan })).indicator;
    await measure({ indicatorId: ind.id, periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 1 });
    expect(codes((await measure({ indicatorId: ind.id, periodStart: '2026-03-15', periodEnd: '2026-04-15', value: 2 })).userErrors)).toEqual([
      'input.periodStart:INVALID',
    ]);
    expect(codes((await measure({ indicatorId: ind.id, periodStart: '2026-06-01', periodEnd: '2026-05-01', value: 2 })).userErrors)).toEqual([
      'input.periodEnd:INVALID',
    ]);
    expect((await measure({ indicatorId: ind.id, periodStart: '2026-04-01', periodEnd: '2026-04-30', value: 2 })).userErrors).toEqual([]);
    const plan = await t.gql('{ plan(code: "VOL-OEST") { indicators { name } } }');
    expect(plan.data.plan.indicators.map((i: any) => i.name)).toEqual(expect.arrayContaining(['Fremmøde', 'Hærværkssager', 'Jobs', 'Overlap']));
  });
});

describe('evaluations', () => {
  const evaluate = (input: Record<string, unknown>, as: Role = Role.COORDINATOR) =>
    mutate('evaluateActivity', 'EvaluateActivityInput', input, 'evaluation { id decision rationale decidedAt activity { status endDate } }', as);

  test('CONTINUE and ADJUST record the decision; STOP also ends the activity that day', async () => {
    const created = await mutate(
      'createActivity',
      'CreateActivityInput',
      {
        planId: ids.ownPlan,
        title: 'Prøvehold',
        targetGroupIds: [ids.skoleboern],
        areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose-boegeparken'")],
        startDate: '2025-01-01',
        status: 'RUNNING',
      },
      'activity { id }',
    );
    const id = created.activity.id;
    expect((await evaluate({ activityId: id, decision: 'CONTINUE', rationale: 'Fuldt hold hver uge.' })).evaluation.activity).toEqual({
      status: 'RUNNING',
      endDate: null,
    });
    expect((await evaluate({ activityId: id, decision: 'ADJUST', rationale: 'Flyt til tirsdag.' }, Role.PROJECT_LEAD)).evaluation.decision).toBe('ADJUST');
    const stop = await evaluate({ activityId: id, decision: 'STOP', rationale: 'For få deltagere tre måneder i træk.' });
    expect(stop.evaluation.activity).toEqual({ status: 'ENDED', endDate: today() });
    expect(codes((await evaluate({ activityId: ids.otherActivity, decision: 'STOP', rationale: 'x' }, Role.PROJECT_LEAD)).userErrors)).toEqual([
      'input.activityId:FORBIDDEN',
    ]);
    expect(codes((await evaluate({ activityId: id, decision: 'STOP', rationale: '  ' })).userErrors)).toEqual(['input.rationale:INVALID']);
    const listed = await t.gql('query($id: ID!) { node(id: $id) { ... on Activity { evaluations { decision rationale } } } }', { id }, Role.READER);
    expect(listed.data.node.evaluations).toEqual([
      { decision: 'STOP', rationale: 'For få deltagere tre måneder i træk.' },
      { decision: 'ADJUST', rationale: 'Flyt til tirsdag.' },
      { decision: 'CONTINUE', rationale: 'Fuldt hold hver uge.' },
    ]);
  });
});

test('every change of this module is audited', async () => {
  const actions = new Set(((await t.hub.orm.em.fork().execute('select distinct action from audit_event')) as { action: string }[]).map((r) => r.action));
  for (const action of ['createExperience', 'createIndicator', 'recordMeasurement', 'evaluateActivity']) expect(actions.has(action), action).toBe(true);
});
