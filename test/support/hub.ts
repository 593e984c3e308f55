import { expect, inject } from 'vitest';
import { startHub, type Hub } from '../../server/app.js';
import { insertUser } from '../../server/auth/auth.service.js';
import { loadConfig, type HubConfig } from '../../server/core/config.js';
import { Role } from '../../server/core/enums.js';
import { toGlobalId } from '../../server/core/global-id.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export interface TestUser {
  id: string;
  token: string;
}

export interface TestHub {
  hub: Hub;
  database: TestDatabase;
  /** Statements sent to PostgreSQL since the last reset. */
  statements: string[];
  /** One user per role; the project lead may edit the plan VOL-OEST only. */
  users: Record<Role, TestUser>;
  /** A GraphQL request, as a coordinator unless `as` names another role or token. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, as?: Role | { token: string | null }): Promise<GraphQLResult<T>>;
  /** A mutation with its payload's `fields` and userErrors; fails the test on a top-level error. */
  mutate(name: string, inputType: string, input: Record<string, unknown>, fields: string, as?: Role): Promise<any>;
  /** Global id of the row `sql` selects as `id`. */
  idOf(type: string, sql: string): Promise<string>;
  stop(): Promise<void>;
}

export function testConfig(overrides: Partial<HubConfig> = {}): HubConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    read: { url: undefined, primaryAfterWriteMs: 10_000 },
    dataDir: '',
    seed: 'none',
    adminToken: undefined,
    development: false,
    introspection: true,
    compiledExecution: true,
    plannedReads: true,
    rateLimitPerMinute: 0,
    workers: 1,
    trustProxy: 0,
    modelRefreshMs: 0,
    database: { poolMax: 10, connectTimeoutMs: 5000, statementTimeoutMs: 5000 },
    // No e-mail unless a test brings its own SMTP server; notifications are still recorded.
    mail: { ...loadConfig({}).mail, sendIntervalMs: 0 },
    // Every test's operations run under the default query limits.
    limits: loadConfig({}).limits,
    ...overrides,
  };
}

export async function graphqlRequest<T>(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** A hub over HTTP on a fresh copy of the seeded demo city, with a user of every role. */
export async function startTestHub(options: { empty?: boolean; config?: Partial<HubConfig>; prepare?: (url: string) => Promise<void> } = {}): Promise<TestHub> {
  const database = await createTestDatabase(inject('serverUrl'), options);
  // Changes to the city before the hub starts (and so before its start-up scoring).
  await options.prepare?.(database.url);
  const statements: string[] = [];
  const hub = await startHub(testConfig({ databaseUrl: database.url, ...options.config }), {
    // TEST_HUB_LOG=1 shows the hub's start-up lines when a test needs explaining (LOG_LEVEL=error shows request errors).
    log: process.env.TEST_HUB_LOG ? (line: unknown) => console.error(line) : () => undefined,
    onQuery: (sql) => statements.push(sql),
  });
  const em = hub.orm.em.fork();
  const [plan] = (await em.execute("select id from plan where code = 'VOL-OEST'")) as { id: number }[];
  const users = {} as Record<Role, TestUser>;
  for (const role of Object.values(Role)) {
    const planIds = role === Role.PROJECT_LEAD && plan ? [plan.id] : [];
    const { user, token } = await insertUser(em, { name: `Test ${role.toLowerCase()}`, role, planIds });
    users[role] = { id: toGlobalId('User', user.id), token };
  }
  return {
    hub,
    database,
    statements,
    users,
    gql(query, variables, as = Role.COORDINATOR) {
      const token = typeof as === 'string' ? users[as].token : as.token;
      return graphqlRequest(hub.url, token, query, variables);
    },
    async mutate(name, inputType, input, fields, as = Role.COORDINATOR) {
      const result = await graphqlRequest<any>(
        hub.url,
        users[as].token,
        `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} userErrors { field code message } } }`,
        { input },
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data[name];
    },
    async idOf(type, sql) {
      const [row] = (await hub.orm.em.fork().execute(sql)) as { id: number }[];
      if (!row) throw new Error(`no row for ${sql}`);
      return toGlobalId(type, row.id);
    },
    async stop() {
      await hub.stop();
      await database.drop();
    },
  };
}

/** "input.field:CODE" for each user error: compact to compare. */
export const errorCodes = (errors: { field: string[]; code: string }[]) => errors.map((e) => `${e.field.join('.')}:${e.code}`);
