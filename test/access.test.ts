import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import { MUTATION_ROLES, ROLE_MUTATIONS, type MutationName } from '../server/access/permissions.js';
import { hubSchema } from '../server/modules.js';
import { Role } from '../server/core/enums.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestHub();
  const id = (type: string, sql: string) => t.idOf(type, sql);
  Object.assign(ids, {
    ownPlan: await id('Plan', "select id from plan where code = 'VOL-OEST'"),
    otherPlan: await id('Plan', "select id from plan where code = 'SKK'"),
    ownActivity: await id('Activity', "select min(a.id) as id from activity a join plan p on p.id = a.plan_id where p.code = 'VOL-OEST' and not a.archived"),
    otherActivity: await id('Activity', "select min(a.id) as id from activity a join plan p on p.id = a.plan_id where p.code = 'SKK' and not a.archived"),
    estate: await id('Area', "select id from area where code = 'vollsmose-boegeparken'"),
    district: await id('Area', "select id from area where code = 'vollsmose'"),
    municipality: await id('Area', "select id from area where code = 'odense'"),
    skoleboern: await id('TargetGroup', "select id from target_group where code = 'skoleboern'"),
    unge: await id('TargetGroup', "select id from target_group where code = 'unge'"),
    udd: await id('Theme', "select id from theme where code = 'UDD'"),
    lektiecafe: await id('Method', "select id from method where code = 'lektiecafe'"),
    civica: await id('Organisation', "select id from organisation where name = 'Civica'"),
    police: await id('Organisation', "select id from organisation where name = 'Fyns Politi'"),
    person: await id('Person', 'select min(id) as id from person'),
  });
});
afterAll(() => t?.stop());

let serial = 0;
const unique = (prefix: string) => `${prefix}-${++serial}`;

const activityInput = (planId: string, extra: Record<string, unknown> = {}) => ({
  planId,
  title: unique('Lektiecafé i testparken'),
  description: 'Frivillige hjælper skolebørn med lektier.',
  methodId: ids.lektiecafe,
  themeIds: [ids.udd],
  targetGroupIds: [ids.skoleboern],
  areaIds: [ids.estate],
  partnerIds: [ids.civica],
  contactId: ids.person,
  status: 'RUNNING',
  startDate: '2026-01-05',
  schedule: [{ weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' }],
  capacity: 20,
  ...extra,
});

const ACTIVITY_FIELDS =
  'id title version archived status description endDate method { code } themes { code } targetGroups { code } areas { code } partners { name } schedule { weekday startTime endTime } capacity';
const ERRORS = 'userErrors { field code message }';

async function currentVersion(activityId: string): Promise<number> {
  const result = await t.gql('query($id: ID!) { node(id: $id) { ... on Activity { version } } }', { id: activityId });
  return result.data.node.version;
}

async function createActivity(input: Record<string, unknown>, as: Role = Role.COORDINATOR) {
  const result = await t.gql(
    `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { ${ACTIVITY_FIELDS} } similarActivities { score } ${ERRORS} } }`,
    { input },
    as,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.createActivity;
}

async function updateActivity(input: Record<string, unknown>, as: Role = Role.COORDINATOR) {
  const result = await t.gql(
    `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { ${ACTIVITY_FIELDS} } ${ERRORS} } }`,
    { input },
    as,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.updateActivity;
}

describe('authentication', () => {
  test('GraphQL needs a valid bearer token: 401 UNAUTHENTICATED otherwise; health checks stay open', async () => {
    const none = await t.gql('{ themes { code } }', undefined, { token: null });
    expect(none.status).toBe(401);
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await t.gql('{ themes { code } }', undefined, { token: `hub_${'x'.repeat(43)}` });
    expect(wrong.status).toBe(401);
    expect(wrong.errors?.[0]?.message).toMatch(/not valid/);
    const base = t.hub.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  test('viewer is the signed-in user', async () => {
    const result = await t.gql('{ viewer { id name role plans { code } } }', undefined, Role.PROJECT_LEAD);
    expect(result.data.viewer).toMatchObject({ id: t.users.PROJECT_LEAD.id, role: 'PROJECT_LEAD', plans: [{ code: 'VOL-OEST' }] });
  });

  test('createUser shows a random token once; only its hash is stored; the token works at once', async () => {
    const result = await t.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id name role plans { code } } token ${ERRORS} } }`,
      { input: { name: 'Ny projektleder', role: 'PROJECT_LEAD', planIds: [ids.otherPlan], personId: ids.person } },
      Role.ADMIN,
    );
    const { user, token, userErrors } = result.data.createUser;
    expect(userErrors).toEqual([]);
    expect(user).toMatchObject({ name: 'Ny projektleder', role: 'PROJECT_LEAD', plans: [{ code: 'SKK' }] });
    expect(Buffer.from(token.replace(/^hub_/, ''), 'base64url').length).toBeGreaterThanOrEqual(32);
    const stored = (await t.hub.orm.em.fork().execute('select * from app_user where name = ?', ['Ny projektleder'])) as Record<string, unknown>[];
    expect(stored[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    const viewer = await t.gql('{ viewer { name } }', undefined, { token });
    expect(viewer.data.viewer.name).toBe('Ny projektleder');
  });
});

describe('permissions', () => {
  const inputs: Partial<Record<MutationName, () => Promise<Record<string, unknown>>>> = {
    createArea: async () => ({ code: unique('omraade'), name: 'Testparken', kind: 'ESTATE', parentId: ids.district, latitude: 55.4, longitude: 10.4 }),
    createOrganisation: async () => ({ name: unique('Testforeningen'), kind: 'NGO' }),
    createTheme: async () => ({ code: unique('TEMA'), name: 'Sundhed' }),
    createTargetGroup: async () => ({ code: unique('gruppe'), name: 'Unge piger', parentId: ids.unge, minAge: 13, maxAge: 17 }),
    createMethod: async () => ({ code: unique('metode'), name: 'Pigeklub', description: 'Klub for piger' }),
    updateMethod: async () => ({
      id: await t.idOf('Method', `insert into method (code, name, keywords) values ('${unique('metode')}', 'Drengeklub', '{}') returning id`),
      keywords: ['drengeklub'],
    }),
    createPerson: async () => ({
      name: 'Testa Testesen',
      title: 'Konsulent',
      organisationId: ids.civica,
      email: 'testa@civica.example',
      phone: '+45 12 34 56 78',
    }),
    createPlan: async () => ({
      code: unique('PLAN'),
      name: 'Testplan',
      startDate: '2027-01-01',
      endDate: '2030-12-31',
      areaIds: [ids.district],
      housingOrganisationIds: [ids.civica],
      leadId: ids.person,
    }),
    createUser: async () => ({ name: unique('Bruger'), role: 'READER' }),
    createActivity: async () => activityInput(ids.ownPlan),
    updateActivity: async () => ({ id: ids.ownActivity, expectedVersion: await currentVersion(ids.ownActivity), capacity: 10 + serial++ }),
    markNotificationsRead: async () => ({ all: true }),
    revokeCalendarUrl: async () => ({}),
    updateNotificationSettings: async () => ({ settings: [{ kind: 'OVERLAP', frequency: 'IMMEDIATELY' }] }),
    importActivities: async () => ({
      planId: ids.ownPlan,
      format: 'CSV',
      content: `Titel;Målgrupper;Områder;Startdato\n${unique('Importeret')};Seniorer;Bøgeparken;1.1.2026`,
    }),
    archiveActivity: async () => {
      const created = await createActivity(activityInput(ids.ownPlan));
      return { id: created.activity.id, expectedVersion: created.activity.version };
    },
  };
  const inputType = (mutation: MutationName) =>
    (({ createActivity: 'CreateActivityInput', updateActivity: 'UpdateActivityInput', archiveActivity: 'ArchiveActivityInput' }) as Record<string, string>)[
      mutation
    ] ?? `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;

  const matrix = (Object.keys(inputs) as MutationName[]).flatMap((mutation) =>
    Object.values(Role).map((role) => ({ mutation, role, allowed: ROLE_MUTATIONS[role].has(mutation) })),
  );

  test('the matrix is what the roles promise', () => {
    const allowed = (role: Role) =>
      matrix
        .filter((m) => m.role === role && m.allowed)
        .map((m) => m.mutation)
        .sort();
    expect(allowed(Role.ADMIN)).toEqual([
      'createArea',
      'createMethod',
      'createOrganisation',
      'createPerson',
      'createTargetGroup',
      'createTheme',
      'createUser',
      'markNotificationsRead',
      'updateMethod',
      'updateNotificationSettings',
    ]);
    expect(allowed(Role.COORDINATOR)).toEqual([
      'archiveActivity',
      'createActivity',
      'createArea',
      'createMethod',
      'createOrganisation',
      'createPerson',
      'createPlan',
      'createTargetGroup',
      'createTheme',
      'importActivities',
      'markNotificationsRead',
      'revokeCalendarUrl',
      'updateActivity',
      'updateMethod',
      'updateNotificationSettings',
    ]);
    expect(allowed(Role.PROJECT_LEAD)).toEqual([
      'archiveActivity',
      'createActivity',
      'importActivities',
      'markNotificationsRead',
      'revokeCalendarUrl',
      'updateActivity',
      'updateNotificationSettings',
    ]);
    expect(allowed(Role.READER)).toEqual(['markNotificationsRead', 'updateNotificationSettings']);
  });

  test.each(matrix)('$mutation as $role: allowed=$allowed', async ({ mutation, role, allowed }) => {
    const input = await inputs[mutation]!();
    const result = await t.gql(`mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${ERRORS} } }`, { input }, role);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const { userErrors } = result.data[mutation];
    if (allowed) expect(userErrors).toEqual([]);
    else expect(userErrors).toEqual([{ field: [], code: 'FORBIDDEN', message: expect.stringContaining(`may not call ${mutation}`) }]);
  });

  test('a project lead may not touch the activities of another plan', async () => {
    const create = await createActivity(activityInput(ids.otherPlan), Role.PROJECT_LEAD);
    expect(create.userErrors).toEqual([{ field: ['input', 'planId'], code: 'FORBIDDEN', message: expect.stringContaining('Helhedsplan Skt. Klemens') }]);
    const version = await currentVersion(ids.otherActivity);
    const update = await updateActivity({ id: ids.otherActivity, expectedVersion: version, title: 'Kapret' }, Role.PROJECT_LEAD);
    expect(update.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'FORBIDDEN' });
    const archive = await t.gql(
      `mutation($input: ArchiveActivityInput!) { archiveActivity(input: $input) { ${ERRORS} } }`,
      { input: { id: ids.otherActivity, expectedVersion: version } },
      Role.PROJECT_LEAD,
    );
    expect(archive.data.archiveActivity.userErrors[0]).toMatchObject({ code: 'FORBIDDEN' });
    expect(await currentVersion(ids.otherActivity)).toBe(version);
  });

  test('readers see no personal data and no audit log; project leads no audit log either', async () => {
    const people = await t.gql(
      '{ plan(code: "VOL-OEST") { lead { email phone } activities(first: 5) { nodes { contact { email phone } } } } }',
      undefined,
      Role.READER,
    );
    expect(people.data.plan.lead).toEqual({ email: null, phone: null });
    for (const node of people.data.plan.activities.nodes) expect(node.contact ?? { email: null, phone: null }).toEqual({ email: null, phone: null });
    for (const role of [Role.READER, Role.PROJECT_LEAD]) {
      const audit = await t.gql('{ auditLog { action } }', undefined, role);
      expect(audit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(audit.status).toBe(403);
    }
  });
});

describe('validation', () => {
  const create = (extra: Record<string, unknown>) => createActivity(activityInput(ids.ownPlan, extra));
  const fieldsOf = (errors: { field: string[]; code: string }[]) => errors.map((e) => `${e.field.join('.')}:${e.code}`);

  test('text must be present after trimming and not too long', async () => {
    const result = await create({ title: '   ', description: 'x'.repeat(10_001) });
    expect(result.activity).toBeNull();
    expect(fieldsOf(result.userErrors)).toEqual(['input.title:INVALID', 'input.description:INVALID']);
    expect((await create({ title: 'x'.repeat(201) })).userErrors[0].message).toMatch(/at most 200 characters/);
    expect((await create({ title: `  ${'y'.repeat(200)}  ` })).activity.title).toBe('y'.repeat(200));
  });

  test('periods and schedules must make sense', async () => {
    const result = await create({
      startDate: '2026-05-01',
      endDate: '2026-04-01',
      schedule: [
        { weekday: 'MONDAY', startTime: '17:00', endTime: '16:00' },
        { weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' },
        { weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' },
      ],
    });
    expect(fieldsOf(result.userErrors)).toEqual(['input.schedule.0.endTime:INVALID', 'input.schedule.2:INVALID', 'input.endDate:INVALID']);
  });

  test('ids must exist and be of the right type', async () => {
    const unknownArea = Buffer.from('Area:999999').toString('base64url');
    const result = await create({ targetGroupIds: [ids.estate], areaIds: [unknownArea], methodId: 'rubbish', themeIds: [ids.udd, ids.skoleboern] });
    expect(fieldsOf(result.userErrors)).toEqual([
      'input.methodId:INVALID',
      'input.themeIds.1:INVALID',
      'input.targetGroupIds.0:INVALID',
      'input.areaIds.0:NOT_FOUND',
    ]);
    const empty = await create({ targetGroupIds: [], areaIds: [] });
    expect(fieldsOf(empty.userErrors)).toEqual(['input.targetGroupIds:INVALID', 'input.areaIds:INVALID']);
  });

  test('enum and scalar values are checked by the schema: a malformed request is a 400', async () => {
    const bad = await t.gql('mutation($input: CreateActivityInput!) { createActivity(input: $input) { userErrors { code } } }', {
      input: activityInput(ids.ownPlan, { status: 'SOMETIMES', startDate: '2026-02-30', capacity: -1 }),
    });
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('codes are unique, hierarchies consistent, ages ordered', async () => {
    const area = (input: Record<string, unknown>) =>
      t.gql(`mutation($input: CreateAreaInput!) { createArea(input: $input) { area { code parent { code } } ${ERRORS} } }`, { input }, Role.ADMIN);
    expect((await area({ code: 'vollsmose', name: 'Igen', kind: 'DISTRICT', parentId: ids.municipality })).data.createArea.userErrors).toEqual([
      { field: ['input', 'code'], code: 'DUPLICATE', message: 'An area with the code "vollsmose" exists already' },
    ]);
    expect(fieldsOf((await area({ code: unique('x'), name: 'Forkert', kind: 'DISTRICT', parentId: ids.estate })).data.createArea.userErrors)).toEqual([
      'input.parentId:INVALID',
    ]);
    expect(
      fieldsOf((await area({ code: unique('x'), name: 'Halv', kind: 'ESTATE', parentId: ids.district, latitude: 55.4 })).data.createArea.userErrors),
    ).toEqual(['input.longitude:INVALID']);
    expect(fieldsOf((await area({ code: 'has space', name: 'X', kind: 'ESTATE' })).data.createArea.userErrors)).toEqual(['input.code:INVALID']);
    const group = await t.gql(
      `mutation($input: CreateTargetGroupInput!) { createTargetGroup(input: $input) { ${ERRORS} } }`,
      { input: { code: unique('g'), name: 'Baglæns', minAge: 10, maxAge: 5 } },
      Role.ADMIN,
    );
    expect(fieldsOf(group.data.createTargetGroup.userErrors)).toEqual(['input.maxAge:INVALID']);
    const child = await t.gql(
      `mutation($input: CreateTargetGroupInput!) { createTargetGroup(input: $input) { ${ERRORS} } }`,
      { input: { code: unique('g'), name: 'For gamle', parentId: ids.unge, minAge: 16, maxAge: 25 } },
      Role.ADMIN,
    );
    expect(fieldsOf(child.data.createTargetGroup.userErrors)).toEqual(['input.parentId:INVALID']);
    // Found by the fuzzing test: an age beyond the column's range was an internal error.
    const ages = await t.gql(
      `mutation($input: CreateTargetGroupInput!) { createTargetGroup(input: $input) { ${ERRORS} } }`,
      { input: { code: unique('g'), name: 'Urealistisk', minAge: 200, maxAge: 2147483647 } },
      Role.ADMIN,
    );
    expect(fieldsOf(ages.data.createTargetGroup.userErrors)).toEqual(['input.minAge:INVALID', 'input.maxAge:INVALID']);
    const plan = await t.gql(`mutation($input: CreatePlanInput!) { createPlan(input: $input) { ${ERRORS} } }`, {
      input: { code: 'VOL-OEST', name: 'X', startDate: '2027-01-01', endDate: '2026-01-01', areaIds: [], housingOrganisationIds: [ids.police] },
    });
    expect(fieldsOf(plan.data.createPlan.userErrors)).toEqual([
      'input.endDate:INVALID',
      'input.areaIds:INVALID',
      'input.housingOrganisationIds.0:INVALID',
      'input.code:DUPLICATE',
    ]);
    const user = await t.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { ${ERRORS} } }`,
      { input: { name: 'Uden planer', role: 'PROJECT_LEAD' } },
      Role.ADMIN,
    );
    expect(fieldsOf(user.data.createUser.userErrors)).toEqual(['input.planIds:INVALID']);
  });

  test('a refused mutation writes nothing', async () => {
    const count = async () =>
      ((await t.hub.orm.em.fork().execute('select (select count(*) from activity)::int + (select count(*) from audit_event)::int as n')) as any[])[0].n;
    const before = await count();
    await create({ title: '', areaIds: [] });
    expect(await count()).toBe(before);
  });
});

describe('updates', () => {
  test('left-out fields stay, null clears nullable fields, non-nullable ones cannot be cleared; every change raises the version', async () => {
    const { activity } = await createActivity(activityInput(ids.ownPlan, { endDate: '2026-12-31' }));
    const cleared = await updateActivity({
      id: activity.id,
      expectedVersion: activity.version,
      description: null,
      methodId: null,
      endDate: null,
      capacity: null,
      partnerIds: null,
    });
    expect(cleared.userErrors).toEqual([]);
    expect(cleared.activity).toMatchObject({
      title: activity.title,
      description: null,
      method: null,
      endDate: null,
      capacity: null,
      partners: [],
      themes: [{ code: 'UDD' }],
      version: activity.version + 1,
    });
    const listsOnly = await updateActivity({ id: activity.id, expectedVersion: cleared.activity.version, themeIds: [] });
    expect(listsOnly.activity.version).toBe(activity.version + 2);
    const refused = await updateActivity({ id: activity.id, expectedVersion: listsOnly.activity.version, title: null, targetGroupIds: [] });
    expect(refused.userErrors.map((e: any) => e.field.join('.'))).toEqual(['input.title', 'input.targetGroupIds']);
    expect(await currentVersion(activity.id)).toBe(activity.version + 2);
  });

  test('a stale version is a VERSION_CONFLICT that names the current version and changes nothing', async () => {
    const { activity } = await createActivity(activityInput(ids.ownPlan));
    await updateActivity({ id: activity.id, expectedVersion: activity.version, capacity: 30 });
    const stale = await updateActivity({ id: activity.id, expectedVersion: activity.version, title: 'For sent' });
    expect(stale.activity).toBeNull();
    expect(stale.userErrors).toEqual([
      { field: ['input', 'expectedVersion'], code: 'VERSION_CONFLICT', message: expect.stringContaining(`at version ${activity.version + 1}`) },
    ]);
    const now = await t.gql('query($id: ID!) { node(id: $id) { ... on Activity { title capacity } } }', { id: activity.id });
    expect(now.data.node).toEqual({ title: activity.title, capacity: 30 });
  });

  test('of two concurrent updates with the same expectedVersion exactly one succeeds', async () => {
    const { activity } = await createActivity(activityInput(ids.ownPlan));
    const results = await Promise.all(
      ['Første redaktør', 'Anden redaktør', 'Tredje redaktør'].map((title) => updateActivity({ id: activity.id, expectedVersion: activity.version, title })),
    );
    const won = results.filter((r) => r.userErrors.length === 0);
    const lost = results.filter((r) => r.userErrors[0]?.code === 'VERSION_CONFLICT');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    expect(await currentVersion(activity.id)).toBe(activity.version + 1);
  });

  test('archiving hides the activity from lists and ends its changes', async () => {
    const { activity } = await createActivity(activityInput(ids.ownPlan));
    const archive = (expectedVersion: number) =>
      t.gql(`mutation($input: ArchiveActivityInput!) { archiveActivity(input: $input) { activity { archived version } ${ERRORS} } }`, {
        input: { id: activity.id, expectedVersion },
      });
    const done = (await archive(activity.version)).data.archiveActivity;
    expect(done).toMatchObject({ activity: { archived: true, version: activity.version + 1 }, userErrors: [] });
    const listed = await t.gql('query($t: String) { activities(first: 100, filter: { text: $t }) { nodes { id } } }', { t: activity.title });
    expect(listed.data.activities.nodes.map((n: any) => n.id)).not.toContain(activity.id);
    expect((await archive(done.activity.version)).data.archiveActivity.userErrors[0]).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/archived/),
    });
  });
});

describe('idempotency', () => {
  test('concurrent retries with one key create one activity and all get it back', async () => {
    const input = activityInput(ids.ownPlan, { idempotencyKey: 'retry-me-1' });
    const results = await Promise.all(Array.from({ length: 6 }, () => createActivity(input, Role.PROJECT_LEAD)));
    const created = new Set(results.map((r) => r.activity?.id));
    expect(results.every((r) => r.userErrors.length === 0)).toBe(true);
    expect(created.size).toBe(1);
    const [row] = (await t.hub.orm.em.fork().execute("select count(*)::int as n from activity where idempotency_key = 'retry-me-1'")) as any[];
    expect(row.n).toBe(1);
  });

  test('the key belongs to its user: another user with the same key creates their own', async () => {
    const input = activityInput(ids.ownPlan, { idempotencyKey: 'shared-key' });
    const lead = await createActivity(input, Role.PROJECT_LEAD);
    const coordinator = await createActivity(input, Role.COORDINATOR);
    expect(lead.activity.id).not.toBe(coordinator.activity.id);
  });
});

describe('audit', () => {
  test('every change is recorded with actor, action and the changed fields before and after, newest first', async () => {
    const { activity } = await createActivity(activityInput(ids.ownPlan), Role.PROJECT_LEAD);
    await updateActivity({ id: activity.id, expectedVersion: activity.version, title: 'Nyt navn', capacity: 25 }, Role.PROJECT_LEAD);
    const log = await t.gql('query($id: ID!) { auditLog(entityId: $id) { at actor { id role } action entityType entityId changes } }', { id: activity.id });
    const [update, create] = log.data.auditLog;
    expect(log.data.auditLog).toHaveLength(2);
    expect(update).toMatchObject({
      action: 'updateActivity',
      entityType: 'Activity',
      entityId: activity.id,
      actor: { id: t.users.PROJECT_LEAD.id, role: 'PROJECT_LEAD' },
    });
    expect(JSON.parse(update.changes)).toEqual({ title: { before: activity.title, after: 'Nyt navn' }, capacity: { before: 20, after: 25 } });
    expect(create.action).toBe('createActivity');
    expect(JSON.parse(create.changes).title).toEqual({ before: null, after: activity.title });
    expect(new Date(update.at) >= new Date(create.at)).toBe(true);
  });

  test('reference data, plans and users are audited too, never with a token', async () => {
    const result = await t.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } token } }`,
      { input: { name: 'Revisor', role: 'READER' } },
      Role.ADMIN,
    );
    const { user, token } = result.data.createUser;
    const log = await t.gql('query($id: ID!) { auditLog(entityId: $id) { action changes } }', { id: user.id }, Role.ADMIN);
    expect(log.data.auditLog).toHaveLength(1);
    expect(JSON.parse(log.data.auditLog[0].changes)).toMatchObject({ name: { after: 'Revisor' }, role: { after: 'READER' } });
    const everything = JSON.stringify((await t.hub.orm.em.fork().execute('select changes from audit_event')) as unknown[]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(createHash('sha256').update(token).digest('hex'));
    const actions = new Set(((await t.hub.orm.em.fork().execute('select distinct action from audit_event')) as { action: string }[]).map((r) => r.action));
    for (const action of ['createArea', 'createOrganisation', 'createTheme', 'createTargetGroup', 'createMethod', 'createPerson', 'createPlan', 'createUser']) {
      expect(actions.has(action), action).toBe(true);
    }
  });
});

describe('one permission rule for every mutation', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t?.stop());

  // The smallest input the schema accepts: every required field with a value of its type.
  const SCALARS: Record<string, unknown> = {
    ID: 'UGxhbjox',
    String: 'x',
    Int: 1,
    Float: 1,
    Boolean: false,
    LocalDate: '2026-01-01',
    DateTime: '2026-01-01T00:00:00Z',
    NonNegativeInt: 1,
    PositiveInt: 1,
  };
  const smallest = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return smallest(type.ofType);
    if (isListType(type)) return [];
    if (isEnumType(type)) return type.getValues()[0]!.name;
    if (isScalarType(type)) return SCALARS[type.name] ?? 'x';
    if (isInputObjectType(type)) {
      return Object.fromEntries(
        Object.values(type.getFields())
          .filter((f) => isNonNullType(f.type))
          .map((f) => [f.name, smallest(f.type)]),
      );
    }
    return null;
  };

  test('every mutation of the schema has a rule in the registry (access/permissions.ts), and every rule a mutation', async () => {
    const mutations = Object.keys((await hubSchema()).getMutationType()!.getFields()).sort();
    expect(Object.keys(MUTATION_ROLES).sort()).toEqual(mutations);
  });

  test('every mutation asks the registry first: a reader is refused each one not open to everyone, before any input is looked at', async () => {
    const fields = Object.values((await hubSchema()).getMutationType()!.getFields());
    for (const field of fields) {
      // A reader's own notifications and choices (the matrix above calls them as every role).
      if (ROLE_MUTATIONS[Role.READER].has(field.name as MutationName)) continue;
      const input = field.args.find((a) => a.name === 'input')!;
      const inputType = getNamedType(input.type).name;
      const payload = getNullableType(field.type);
      expect(payload.toString()).toMatch(/Payload$/);
      const result = await t.gql(
        `mutation($input: ${inputType}!) { ${field.name}(input: $input) { ${ERRORS} } }`,
        { input: smallest(input.type) },
        Role.READER,
      );
      expect(result.errors, `${field.name}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      expect(result.data[field.name].userErrors, field.name).toEqual([{ field: [], code: 'FORBIDDEN', message: `As a reader you may not call ${field.name}` }]);
    }
  });
});
