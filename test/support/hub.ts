import { inject } from 'vitest';
import { startHub, type Hub } from '../../server/app.js';
import type { HubConfig } from '../../server/core/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestHub {
  hub: Hub;
  database: TestDatabase;
  /** Statements sent to PostgreSQL since the last reset. */
  statements: string[];
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export function testConfig(overrides: Partial<HubConfig> = {}): HubConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: '',
    seed: 'none',
    adminToken: undefined,
    development: false,
    introspection: true,
    ...overrides,
  };
}

/** A hub over HTTP on a fresh copy of the seeded demo city. */
export async function startTestHub(options: { empty?: boolean } = {}): Promise<TestHub> {
  const database = await createTestDatabase(inject('serverUrl'), options);
  const statements: string[] = [];
  const hub = await startHub(testConfig({ databaseUrl: database.url }), {
    log: () => undefined,
    onQuery: (sql) => statements.push(sql),
  });
  return {
    hub,
    database,
    statements,
    async gql(query, variables) {
      const response = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async stop() {
      await hub.stop();
      await database.drop();
    },
  };
}
