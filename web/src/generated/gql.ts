/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Viewer {\n  viewer {\n    id\n    name\n    role\n    plans {\n      code\n      name\n    }\n  }\n}\n\nquery Overview($today: LocalDate!) {\n  viewer {\n    id\n    name\n    role\n  }\n  plans(first: 1, filter: {status: [ACTIVE]}) {\n    totalCount\n  }\n  activities(first: 1, filter: {activeOn: $today}) {\n    totalCount\n  }\n  overlaps(first: 1) {\n    totalCount\n  }\n  overlapGroups(by: AREA_AND_KIND) {\n    key\n    label\n    pairCount\n    unreviewedCount\n    bestScore\n  }\n  coverage(filter: {gapsOnly: true}) {\n    area {\n      id\n      name\n    }\n    targetGroup {\n      id\n      name\n    }\n  }\n  actionItems(overdue: true) {\n    id\n    description\n    dueDate\n    owner {\n      id\n      name\n    }\n    meeting {\n      id\n      date\n      steeringGroup {\n        id\n        plan {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nquery PlansToPick {\n  plans(first: 100) {\n    nodes {\n      id\n      code\n      name\n    }\n  }\n}\n\nmutation InviteUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    user {\n      id\n      name\n      role\n      plans {\n        id\n        code\n        name\n      }\n    }\n    token\n    userErrors {\n      field\n      code\n      message\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query Viewer {\n  viewer {\n    id\n    name\n    role\n    plans {\n      code\n      name\n    }\n  }\n}\n\nquery Overview($today: LocalDate!) {\n  viewer {\n    id\n    name\n    role\n  }\n  plans(first: 1, filter: {status: [ACTIVE]}) {\n    totalCount\n  }\n  activities(first: 1, filter: {activeOn: $today}) {\n    totalCount\n  }\n  overlaps(first: 1) {\n    totalCount\n  }\n  overlapGroups(by: AREA_AND_KIND) {\n    key\n    label\n    pairCount\n    unreviewedCount\n    bestScore\n  }\n  coverage(filter: {gapsOnly: true}) {\n    area {\n      id\n      name\n    }\n    targetGroup {\n      id\n      name\n    }\n  }\n  actionItems(overdue: true) {\n    id\n    description\n    dueDate\n    owner {\n      id\n      name\n    }\n    meeting {\n      id\n      date\n      steeringGroup {\n        id\n        plan {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nquery PlansToPick {\n  plans(first: 100) {\n    nodes {\n      id\n      code\n      name\n    }\n  }\n}\n\nmutation InviteUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    user {\n      id\n      name\n      role\n      plans {\n        id\n        code\n        name\n      }\n    }\n    token\n    userErrors {\n      field\n      code\n      message\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    id\n    name\n    role\n    plans {\n      code\n      name\n    }\n  }\n}\n\nquery Overview($today: LocalDate!) {\n  viewer {\n    id\n    name\n    role\n  }\n  plans(first: 1, filter: {status: [ACTIVE]}) {\n    totalCount\n  }\n  activities(first: 1, filter: {activeOn: $today}) {\n    totalCount\n  }\n  overlaps(first: 1) {\n    totalCount\n  }\n  overlapGroups(by: AREA_AND_KIND) {\n    key\n    label\n    pairCount\n    unreviewedCount\n    bestScore\n  }\n  coverage(filter: {gapsOnly: true}) {\n    area {\n      id\n      name\n    }\n    targetGroup {\n      id\n      name\n    }\n  }\n  actionItems(overdue: true) {\n    id\n    description\n    dueDate\n    owner {\n      id\n      name\n    }\n    meeting {\n      id\n      date\n      steeringGroup {\n        id\n        plan {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nquery PlansToPick {\n  plans(first: 100) {\n    nodes {\n      id\n      code\n      name\n    }\n  }\n}\n\nmutation InviteUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    user {\n      id\n      name\n      role\n      plans {\n        id\n        code\n        name\n      }\n    }\n    token\n    userErrors {\n      field\n      code\n      message\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    id\n    name\n    role\n    plans {\n      code\n      name\n    }\n  }\n}\n\nquery Overview($today: LocalDate!) {\n  viewer {\n    id\n    name\n    role\n  }\n  plans(first: 1, filter: {status: [ACTIVE]}) {\n    totalCount\n  }\n  activities(first: 1, filter: {activeOn: $today}) {\n    totalCount\n  }\n  overlaps(first: 1) {\n    totalCount\n  }\n  overlapGroups(by: AREA_AND_KIND) {\n    key\n    label\n    pairCount\n    unreviewedCount\n    bestScore\n  }\n  coverage(filter: {gapsOnly: true}) {\n    area {\n      id\n      name\n    }\n    targetGroup {\n      id\n      name\n    }\n  }\n  actionItems(overdue: true) {\n    id\n    description\n    dueDate\n    owner {\n      id\n      name\n    }\n    meeting {\n      id\n      date\n      steeringGroup {\n        id\n        plan {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n}\n\nquery PlansToPick {\n  plans(first: 100) {\n    nodes {\n      id\n      code\n      name\n    }\n  }\n}\n\nmutation InviteUser($input: CreateUserInput!) {\n  createUser(input: $input) {\n    user {\n      id\n      name\n      role\n      plans {\n        id\n        code\n        name\n      }\n    }\n    token\n    userErrors {\n      field\n      code\n      message\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;