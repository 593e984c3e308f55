import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/core/embedded-postgres.js';
import { migrate } from '../../server/core/orm.js';
import { initOrm } from '../../server/modules.js';
import { loadCity } from '../../seeds/load.js';
import { TEMPLATE_DATABASE, withDatabaseName } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the test PostgreSQL server; tests create their own databases on it. */
    serverUrl: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/** One PostgreSQL for the whole run (embedded unless TEST_DATABASE_URL), with a migrated, seeded template database. */
export async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-test-'));
    embedded = await startEmbeddedPostgres(dataDir);
    serverUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const orm = await initOrm(withDatabaseName(serverUrl, TEMPLATE_DATABASE));
  await migrate(orm);
  await loadCity(orm.em.fork());
  await orm.close();
  project.provide('serverUrl', serverUrl);
}

export async function teardown() {
  await embedded?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
}
