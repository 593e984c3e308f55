import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Migrated and seeded with the demo city once per run; each test file copies it. */
export const TEMPLATE_DATABASE = 'hub_test_template';

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database: a copy of the seeded template, or empty when `empty` is set. */
export async function createTestDatabase(serverUrl: string, options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `hub_test_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, (client) => client.query(options.empty ? `create database ${name}` : `create database ${name} template ${TEMPLATE_DATABASE}`));
  return {
    url: withDatabaseName(serverUrl, name),
    drop: () => admin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
