import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { QUERIES } from '../bench/queries.js';
import { Role } from '../server/core/enums.js';
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
      .replace(/http:\/\/localhost:\d+\/calendar\.ics\?u=(\d+)&g=(\d+)&s=[\w-]+/g, 'calendar:$1:$2'),
  );

const ROLES = [Role.ADMIN, Role.COORDINATOR, Role.PROJECT_LEAD, Role.READER];

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
    OverlapBoard: [{ by: 'AREA_AND_KIND' }, { by: 'DISTRICT', filter: { minScore: 0.7 } }],
    GroupPairs: [{ by: 'AREA_AND_KIND', keys: [groupKey] }],
    CoverageMap: [{ filter: { areaKind: 'DISTRICT' } }],
    CellActivities: [{ filter: { areaIds: [districtId], targetGroupIds: [groupId] } }],
    NewsletterHighlights: [{ since: '2025-01-01T00:00:00Z', first: 20 }],
    ActivityList: [
      {},
      { after: secondPage },
      { filter: { text: 'lektie', methodIds: [methodId], includeArchived: true } },
      { filter: { planIds: ['bad id'] } },
    ],
    ActivityPage: [{ id: activityId }, { id: draftPlanActivity }, { id: planId }],
    ActivityToEdit: [{ id: activityId }],
    SimilarToDraft: [{ draft, title: draft.title }],
    PlanPage: [{ code: 'VOL-OEST' }, { code: 'NO-SUCH' }],
    PlanInquiries: [{ planId }],
    MyNotifications: [{}],
    Plans: [{ first: 5 }, { first: 10, filter: { status: ['ACTIVE', 'DRAFT'], areaIds: [districtId] } }, { first: 500 }],
    Activities: [
      { first: 20, filter: { areaIds: [districtId], status: ['RUNNING'] } },
      { first: 3, after: 'not-a-cursor' },
    ],
    Overlaps: [{ first: 10 }, { first: 5, filter: { minScore: 0.8, includeReviewed: true } }],
    SimilarActivities: [{ draft, first: 5 }],
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
  expect(asked.length).toBeGreaterThan(40);
  for (const as of ROLES) {
    for (const { name, query, variables: vars } of asked) {
      const [fast, reference] = await Promise.all([planned.gql(query, vars, as), resolved.gql(query, vars, as)]);
      expect(comparable(fast), `${name} as ${as} with ${JSON.stringify(vars)}`).toEqual(comparable(reference));
    }
  }
});
