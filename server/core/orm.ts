import type { MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';

export type HubOrm = MikroORM;

export interface OrmOptions {
  /** Called with every SQL statement the ORM sends (tests count them). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** Cancels any statement running longer (the serving pool only; migrations and bulk loads have none). */
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/** What the ORM maps and migrates: given by the composition root (server/modules.ts). */
export interface OrmParts {
  entities: readonly (abstract new (...args: never[]) => object)[];
  migrations: MigrationObject[];
  /** Where `npm run migration:create` writes and the snapshot lives. */
  migrationsPath: string;
}

export function ormConfig(parts: OrmParts, url: string, options: OrmOptions = {}): Options {
  return defineConfig({
    clientUrl: url,
    entities: [...parts.entities],
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
      migrationsList: parts.migrations,
      path: parts.migrationsPath,
      pathTs: parts.migrationsPath,
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

export async function initOrmWith(parts: OrmParts, url: string, options: OrmOptions = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(parts, url, options));
}

/** Applies the committed migrations that the database has not seen yet; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
