import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { QUERIES } from '../bench/queries.js';
import { Role } from '../server/core/enums.js';
import { fromGlobalId } from '../server/core/global-id.js';
import { sign, signingSecret } from '../server/notifications/signing.js';
import { startTestHub, type GraphQLResult, type TestHub } from './support/hub.js';

// The same city twice: one hub plans reads into one statement per root field (the default), the other answers every field by resolvers.
let planned: TestHub;
let resolved: TestHub;
beforeAll(async () => {
  [planned, resolved] = await Promise.all([startTestHub(), startTestHub({ config: { plannedReads: false } })]);
});
afterAll(async () => {
  await Promise.all([planned?.stop(), resolved?.stop()]);
});

/** Each query operation of a .graphql file as its own document, with the fragments it uses. */
function operationsOf(path: string): Map<string, string> {
  const document = parse(readFileSync(path, 'utf8'));
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const result = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query') continue;
    const used = new Map<string, DefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value)!;
          if (!used.has(spread.name.value)) {
            used.set(spread.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(definition);
    const single: DocumentNode = { kind: Kind.DOCUMENT, definitions: [definition, ...used.values()] };
    result.set(definition.name!.value, print(single));
  }
  return result;
}

// Error texts name the request id, which differs by request; calendar addresses name each hub's port and are signed with its database's secret.
const comparable = (result: GraphQLResult<unknown>) =>
  JSON.parse(
    JSON.stringify(result)
      .replace(/request id [0-9a-f-]+/g, 'request id *')
      .replace(/"requestId":"[^"]+"/g, '"requestId":"*"')
      .replace(/http:\/\/localhost:\d+\/calendar\.ics\?u=(\d+)&g=(\d+)&s=[\w-]+/g, 'calendar:$1:$2')
      // When a user was last seen depends on which hub they asked first this hour: the two databases differ in it.
      .replace(/"lastSeenAt":"[^"]+"/g, '"lastSeenAt":null'),
  );

const ROLES = [Role.ADMIN, Role.COORDINATOR, Role.PROJECT_LEAD, Role.READER];

/** A statement the planner wrote: one JSON value for one root field. */
const PLANNED_STATEMENT = /^select [\s\S]* as v$/;

// Root fields the resolvers answer (docs/architecture.md, "Reads planned like a database", says why).
const RESOLVED_ROOTS = new Set(['highlights']);
// Operations with a root field the planner leaves to the resolvers for one of its fields (none now).
const PARTLY = new Map<string, number>();

/** The root fields of an operation the planner answers. */
function plannableRoots(name: string, query: string): number {
  const known = PARTLY.get(name);
  if (known !== undefined) return known;
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  return operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !RESOLVED_ROOTS.has(s.name.value)).length;
}

test('every query of the console, the SDK and the benchmarks answers the same planned as by resolvers, as each role', async () => {
  const activityId = await planned.idOf('Activity', "select id from activity where title like 'Lektiecaf%' order by id limit 1");
  const draftPlanActivity = await planned.idOf(
    'Activity',
    "select a.id from activity a join plan p on p.id = a.plan_id where p.status = 'DRAFT' order by a.id limit 1",
  );
  const planId = await planned.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
  const areaId = await planned.idOf('Area', "select id from area where kind = 'ESTATE' order by id limit 1");
  const districtId = await planned.idOf('Area', "select id from area where kind = 'DISTRICT' order by id limit 1");
  const groupId = await planned.idOf('TargetGroup', 'select id from target_group order by id limit 1');
  const methodId = await planned.idOf('Method', 'select id from method order by id limit 1');
  const draft = { title: 'Lektiecafé for 4.-7. klasse', areaIds: [areaId], targetGroupIds: [groupId], startDate: '2026-01-01' };
  const groupKey = (await planned.gql('{ overlapGroups(by: AREA_AND_KIND) { key } }')).data.overlapGroups[0].key;
  const secondPage = (await planned.gql('{ activities(first: 50) { pageInfo { endCursor } } }')).data.activities.pageInfo.endCursor;
  const variables: Record<string, Record<string, unknown>[]> = {
    Overview: [{ today: '2026-11-30' }],
    MyWork: [{ planIds: [planId] }],
    PeopleToPick: [{ search: 'an' }, { search: 'projektleder' }, { search: '' }],
    OverlapBoard: [{ by: 'AREA_AND_KIND' }, { by: 'DISTRICT', filter: { minScore: 0.7 } }],
    GroupPairs: [{ by: 'AREA_AND_KIND', keys: [groupKey] }],
    CoverageMap: [
      { filter: { areaKind: 'DISTRICT' } },
      { filter: { areaIds: [districtId, areaId], themeIds: [await planned.idOf('Theme', 'select id from theme order by id limit 1')] } },
    ],
    CellActivities: [
      { filter: { areaIds: [districtId], targetGroupIds: [groupId] } },
      { filter: { areaIds: [districtId], text: 'Mødre', activeOn: '2026-11-30', status: ['PLANNED', 'RUNNING'] } },
    ],
    NewsletterHighlights: [{ since: '2025-01-01T00:00:00Z', first: 20 }],
    ActivityList: [
      {},
      { after: secondPage },
      { filter: { text: 'lektie', methodIds: [methodId], includeArchived: true } },
      { filter: { planIds: ['bad id'] } },
    ],
    ActivityPage: [{ id: activityId }, { id: draftPlanActivity }, { id: planId }],
    ActivityToEdit: [{ id: activityId }],
    SimilarToDraft: [
      { draft, title: draft.title },
      { draft, title: 'Gåtur for ældre beboere', description: 'Vi går en tur og drikker kaffe bagefter.' },
      { draft, title: 'x'.repeat(201) },
    ],
    PlanPage: [{ code: 'VOL-OEST' }, { code: 'NO-SUCH' }],
    PlanInquiries: [{ planId }, { planId: await planned.idOf('Plan', "select id from plan where status = 'DRAFT' order by id limit 1") }],
    MyNotifications: [{}],
    Plans: [{ first: 5 }, { first: 10, filter: { status: ['ACTIVE', 'DRAFT'], areaIds: [districtId] } }, { first: 500 }],
    Activities: [
      { first: 20, filter: { areaIds: [districtId], status: ['RUNNING'] } },
      { first: 3, after: 'not-a-cursor' },
    ],
    Overlaps: [{ first: 10 }, { first: 5, filter: { minScore: 0.8, includeReviewed: true } }, { first: 5, filter: { minScore: 2 } }],
    SimilarActivities: [
      { draft, first: 5 },
      { draft: { ...draft, planId, methodId, themeIds: [], schedule: [{ weekday: 'TUESDAY', startTime: '15:30', endTime: '17:00' }], endDate: '2027-06-30' } },
      { draft: { ...draft, areaIds: [] } },
      { draft, first: 101 },
    ],
    Coverage: [{ filter: { areaKind: 'DISTRICT', gapsOnly: true } }],
    Experiences: [{ first: 10 }, { first: 5, filter: { text: 'lektie' } }],
    Highlights: [{ since: '2025-01-01T00:00:00Z', first: 10 }],
    PlanByCode: [{ code: 'VOL-OEST' }],
  };
  const asked: { name: string; query: string; variables: Record<string, unknown> }[] = [];
  for (const path of ['web/src/operations/console.graphql', 'client-sdk/operations/read.graphql']) {
    for (const [name, query] of operationsOf(path)) for (const vars of variables[name] ?? [{}]) asked.push({ name, query, variables: vars });
  }
  for (const [name, { hub }] of Object.entries(QUERIES)) asked.push({ name, query: hub, variables: {} });
  // Every node type, in a DRAFT plan too (readers must get null), and the fields the operations above leave out.
  const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Plan { code status } ... on SteeringGroup { name plan { code } }
    ... on Meeting { date agenda minutes decisions } ... on ActionItem { description itemStatus: status completedAt } ... on Indicator { name progress latestValue plan { code } activity { title } }
    ... on Evaluation { rationale decidedAt activity { title } } ... on Experience { title body publishable activity { title } } ... on Notification { title }
    ... on User { name role person { name } } ... on Area { name parent { name } children { name } } ... on TargetGroup { name children { name } } } }`;
  const ids = [
    planId,
    await planned.idOf('Plan', "select id from plan where status = 'DRAFT' order by id limit 1"),
    await planned.idOf('SteeringGroup', 'select id from steering_group order by id limit 1'),
    await planned.idOf('Meeting', 'select id from meeting order by id desc limit 1'),
    await planned.idOf('ActionItem', 'select id from action_item order by id limit 1'),
    await planned.idOf('Indicator', 'select id from indicator where activity_id is not null order by id limit 1'),
    await planned.idOf('Indicator', 'select id from indicator where plan_id is not null order by id limit 1'),
    await planned.idOf('Evaluation', 'select id from evaluation order by id limit 1'),
    await planned.idOf('Experience', 'select id from experience where not publishable order by id limit 1'),
    await planned.idOf('Experience', 'select id from experience where publishable order by id limit 1'),
    await planned.idOf('User', 'select id from app_user order by id limit 1'),
    districtId,
    groupId,
    'not an id',
    'UGxhbjo5OTk5OTk5OTk5OTk5',
  ];
  for (const id of ids) asked.push({ name: 'node', query: NODE, variables: { id } });
  const MORE = [
    '{ actionItems(overdue: true) { id description dueDate owner { name } meeting { date } } a: actionItems(overdue: false) { id } b: actionItems { id status } c: actionItems(status: DONE) { id } }',
    '{ overlaps(first: 10, filter: { includeReviewed: true, minScore: 0.3 }) { nodes { score review { decision note reviewedAt reviewedBy { name email } } } } }',
    '{ overlaps(filter: { minScore: 2 }) { totalCount } }',
    // An argument refused by its rule in a root the planner then gives up on (Area.plans is the resolvers'): no unhandled rejection.
    '{ overlaps(first: 5, filter: { minScore: 2 }) { nodes { activities { areas { plans { code } } } } } }',
    '{ activities(first: 100, filter: { includeArchived: true }) { nodes { id method { name } inferredMethod { confidence words method { name } } inferredThemes { code } themes { code } overlaps(minScore: 0.3) { score } } } }',
    '{ activities(first: 3) { nodes { overlaps(minScore: 5) { score } } } }',
    '{ viewer { id name role unreadNotificationCount person { name email } plans { code } } notifications(first: 5) { totalCount edges { cursor node { id title kind readAt } } } }',
    '{ areas(kind: ESTATE) { name kind residents latitude longitude } all: areas { code } targetGroups { code minAge maxAge parent { code } } themes { code } methods { code keywords description } }',
    '{ plans(first: 3) { edges { cursor node { code housingOrganisations { name kind } lead { name title email phone organisation { name } } } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }',
    '{ experiences(first: 30) { edges { cursor node { title body recommendation author { name email } method { name } activity { title } } } } }',
    '{ methods { experiences(first: 2, after: "WzEwMDBd") { totalCount pageInfo { hasPreviousPage hasNextPage } nodes { title } } } }',
    '{ all: inquiryStats(groupBy: []) { count share channel topic month plan { code } } byChannel: inquiryStats(groupBy: [CHANNEL, CHANNEL]) { channel count share } }',
    '{ inquiryStats(groupBy: [MONTH, PLAN, TOPIC], from: "2026-01-01") { month topic count share plan { code status } } }',
    '{ inquiryStats(groupBy: [PLAN], from: "2027-01-01", to: "2026-01-01") { count } }',
    '{ inquiryStats(groupBy: [TOPIC], from: "2199-01-01") { topic count } }',
    '{ overlapGroups(by: CLUSTER) { key label pairCount unreviewedCount unreviewedShare bestScore plans { code } activities { title } area { name } method { name } } }',
    '{ overlapGroups(by: PLAN_PAIR, filter: { includeReviewed: true, minScore: 0.3 }) { key label pairCount overlaps { score activities { title } } } }',
    '{ overlapGroups(by: AREA_AND_KIND, filter: { includeSamePlan: false }) { key label area { code } method { code } overlaps { score review { decision } } } }',
    // Every pair with its reasons: more than the budget allows (the planned statement stops reading where the budget would).
    '{ overlapGroups(by: CLUSTER, filter: { minScore: 0.3 }) { key overlaps { score reasons { kind weight detail } activities { title description } } } }',
    `{ overlapGroups(by: PLAN_PAIR, keys: [${Array.from({ length: 101 }, (_, i) => `"k${i}"`).join(', ')}]) { key } }`,
    '{ overlapGroups(by: CLUSTER, keys: ["cluster:1", "nothing"]) { key label } }',
    '{ coverage { activeActivities area { name residents } targetGroup { name } theme { code } } }',
    '{ coverage(filter: { areaKind: ESTATE, gapsOnly: true, activeOn: "2025-06-01" }) { activeActivities area { code } targetGroup { code } } }',
  ];
  for (const query of MORE) asked.push({ name: query.slice(0, 40), query, variables: {} });
  expect(asked.length).toBeGreaterThan(40);
  let plannedRoots = 0;
  for (const as of ROLES) {
    for (const { name, query, variables: vars } of asked) {
      planned.statements.length = 0;
      const fast = await planned.gql(query, vars, as);
      const statements = planned.statements.filter((sql) => PLANNED_STATEMENT.test(sql)).length;
      const reference = await resolved.gql(query, vars, as);
      const what = `${name} as ${as} with ${JSON.stringify(vars)}`;
      expect(comparable(fast), what).toEqual(comparable(reference));
      // Each root field the planner covers is one statement; a refused query reaches no statement at all.
      if (fast.status === 200) expect(statements, what).toBe(plannableRoots(name, query));
      plannedRoots += statements;
    }
  }
  expect(plannedRoots).toBeGreaterThan(200);
  // About 250 queries four times over, on two hubs: 15 s alone, twice that beside the rest of the suite.
}, 120_000);

test("the viewer's calendar address, signed in the database, is the one the hub signs and opens the feed", async () => {
  const em = planned.hub.orm.em.fork();
  const userId = fromGlobalId(planned.users.PROJECT_LEAD.id)!.id;
  await em.execute('insert into calendar_feed (user_id, generation, revoked_at) values (?, 3, now())', [userId]);
  planned.statements.length = 0;
  const answer = await planned.gql('{ viewer { calendarUrl slots: calendarUrl(withActivitySlots: true) } }', {}, Role.PROJECT_LEAD);
  // One statement after sign-in: the planned one, which signs.
  expect(planned.statements.filter((sql) => PLANNED_STATEMENT.test(sql))).toEqual([expect.stringContaining('hub_sign(')]);
  expect(planned.statements.some((sql) => sql.includes('from calendar_feed where'))).toBe(false);
  const { calendarUrl, slots } = answer.data.viewer as { calendarUrl: string; slots: string };
  const address = new URL(calendarUrl);
  expect(address.origin).toBe(new URL(planned.hub.url).origin);
  expect(Object.fromEntries(address.searchParams)).toEqual({ u: String(userId), g: '3', s: sign(await signingSecret(em), `calendar:${userId}:3`) });
  expect(slots).toBe(`${calendarUrl}&slots=1`);
  const feed = await fetch(calendarUrl);
  expect(feed.status).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  // Readers and administrators have none; nobody sees another's.
  expect((await planned.gql('{ viewer { calendarUrl notificationSettings { kind } } }', {}, Role.ADMIN)).data.viewer).toEqual({
    calendarUrl: null,
    notificationSettings: [{ kind: 'OVERLAP' }, { kind: 'DIGEST' }, { kind: 'REMINDER' }],
  });
  const other = await planned.gql(
    `{ node(id: "${planned.users.PROJECT_LEAD.id}") { ... on User { calendarUrl notificationSettings { kind } } } }`,
    {},
    Role.ADMIN,
  );
  expect(other.data.node).toEqual({ calendarUrl: null, notificationSettings: null });
});
