import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { migrationsList } from '../migrations/index.js';
import { entities } from './entities.js';

export const MIGRATIONS_PATH = fileURLToPath(new URL('../migrations', import.meta.url));

export type HubOrm = MikroORM;

export interface OrmOptions {
  /** Called with every SQL statement the ORM sends (tests count them). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** Cancels any statement running longer (the serving pool only; migrations and bulk loads have none). */
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export function ormConfig(url: string, options: OrmOptions = {}): Options {
  return defineConfig({
    clientUrl: url,
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // pg pool settings; MikroORM itself listens for the pool's 'error' events, so a PostgreSQL restart never kills the process.
    driverOptions: {
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
    discovery: { warnWhenNoEntities: true },
    onQuery: (sql: string) => {
      options.onQuery?.(sql);
      return sql;
    },
    // The SQL functions of the overlap analysis are written by hand in migrations.
    schemaGenerator: { ignoreRoutines: true },
    migrations: {
      migrationsList,
      path: MIGRATIONS_PATH,
      pathTs: MIGRATIONS_PATH,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotOnMigrate: false,
      snapshotName: '.snapshot-hub',
      emit: 'ts',
      silent: true,
    },
  });
}

export async function initOrm(url: string, options: OrmOptions = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(url, options));
}

/** Applies the committed migrations that the database has not seen yet; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
