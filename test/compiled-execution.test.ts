import { afterAll, beforeAll, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { startTestHub, type GraphQLResult, type TestHub } from './support/hub.js';

// The same city twice: one hub compiles operations with graphql-jit (the default), the other interprets them with graphql-js.
let compiled: TestHub;
let interpreted: TestHub;
beforeAll(async () => {
  [compiled, interpreted] = await Promise.all([startTestHub(), startTestHub({ config: { compiledExecution: false } })]);
});
afterAll(async () => {
  await Promise.all([compiled?.stop(), interpreted?.stop()]);
});

// Error texts name the request id, which differs by request.
const comparable = (result: GraphQLResult<unknown>) =>
  JSON.parse(
    JSON.stringify(result)
      .replace(/request id [0-9a-f-]+/g, 'request id *')
      .replace(/"requestId":"[^"]+"/g, '"requestId":"*"'),
  );

const ASKED: { query: string; variables?: Record<string, unknown>; as?: Role }[] = [
  {
    query:
      '{ plans(first: 20) { nodes { name areas { name } lead { name } activities(first: 10) { nodes { title targetGroups { name } method { name } } } } } }',
  },
  { query: '{ activities(first: 50) { totalCount nodes { id title plan { name } areas { name } targetGroups { name } themes { name } } } }', as: Role.READER },
  {
    query:
      '{ plan(code: "VOL-OEST") { name steeringGroup { members { role person { name } } meetings { date actionItems { description } } } indicators { name progress } } }',
  },
  { query: '{ methods { name activities(first: 5) { totalCount nodes { title } } experiences(first: 3) { nodes { title } } } }' },
  {
    query:
      '{ overlaps(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { score reasons { kind detail } activities { title schedule { weekday startTime endTime } contact { name email } } } } } }',
  },
  {
    query:
      '{ highlights(since: "2025-01-01T00:00:00Z", first: 10) { kind title score subject { __typename id ... on Activity { title } ... on Plan { code } } } }',
    as: Role.READER,
  },
  // Variables, aliases, fragments, directives and a field that answers null.
  {
    query: `query($code: String!, $more: Boolean!) { a: plan(code: $code) { ...P } b: plan(code: "NO-SUCH") { name } }
      fragment P on Plan { __typename id name status areas @include(if: $more) { name } lead @skip(if: $more) { name } }`,
    variables: { code: 'VOL-OEST', more: true },
  },
  // Bad input: the same 400 and the same message.
  { query: 'query($d: LocalDate) { activities(filter: { activeOn: $d }) { totalCount } }', variables: { d: '2026-02-30' } },
  { query: 'query($f: Int) { activities(first: $f) { totalCount } }', variables: { f: 'ten' } },
  { query: '{ activities(first: 5000) { totalCount } }' },
];

test('compiled operations answer exactly as graphql-js does: data, nulls, typenames, errors and statuses', async () => {
  for (const { query, variables, as } of ASKED) {
    const [fast, reference] = await Promise.all([compiled.gql(query, variables, as), interpreted.gql(query, variables, as)]);
    expect(comparable(fast), query).toEqual(comparable(reference));
  }
  // node(id) resolves its type without waiting on a promise (graphql-jit calls the type resolver synchronously).
  const [node] = (await compiled.gql('{ activities(first: 1) { nodes { id } } }')).data.activities.nodes;
  const answer = await compiled.gql('query($id: ID!) { node(id: $id) { __typename id ... on Activity { title } } }', { id: node.id });
  expect(answer.errors).toBeUndefined();
  expect(answer.data.node).toMatchObject({ __typename: 'Activity', id: node.id });
});
