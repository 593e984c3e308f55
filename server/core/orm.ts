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
  /** A read replica (DATABASE_READ_URL): MikroORM's read connection, used by the raw read path (core/sql.ts) when allowed. */
  readUrl?: string;
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
    replicas: options.readUrl ? [{ name: 'replica', clientUrl: options.readUrl }] : [],
    // Entities load from the primary (what a write is about to change); only core/sql.ts's reads choose the replica.
    preferReadReplicas: false,
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
    // The SQL functions of the overlap analysis and the triggers that count changes for the newsletter are written by hand in migrations.
    // The shared rate limit's buckets (core/rate-limit.ts) are plumbing with no entity: written by hand in their migration.
    schemaGenerator: { ignoreRoutines: true, ignoreTriggers: true, skipTables: ['hub_rate_bucket'] },
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
  const orm = await MikroORM.init(ormConfig(parts, url, options));
  guardPool(await poolOf(orm));
  if (options.readUrl) guardPool(await (orm.em.getConnection('read') as unknown as { getNativeClient(): Promise<PoolStats> }).getNativeClient());
  return orm;
}

/** What the hub reads of the ORM's pg pool. */
export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  on(event: 'acquire', listener: (client: PooledClient) => void): unknown;
}

interface PooledClient {
  release: (error?: Error | boolean) => void;
  once(event: 'end', listener: () => void): unknown;
  removeListener(event: 'end', listener: () => void): unknown;
}

/** The ORM's own pg pool (MikroORM builds it; raw reads in core/sql.ts use it too). */
export function poolOf(orm: MikroORM): Promise<PoolStats> {
  return (orm.em.getConnection() as unknown as { getNativeClient(): Promise<PoolStats> }).getNativeClient();
}

const guarded = new WeakSet<object>();

/**
 * A connection whose PostgreSQL went away while it was checked out goes back to the pool (which discards it), and
 * a second release is ignored. Kysely, under MikroORM, releases a transaction's connection only once its COMMIT or
 * ROLLBACK succeeded: after a crash neither can, and every connection in a transaction at that moment was lost to
 * the pool for good, until none was left.
 */
export function guardPool(pool: PoolStats): void {
  if (guarded.has(pool)) return;
  guarded.add(pool);
  pool.on('acquire', (client) =>
    // pg-pool gives the client its release function right after 'acquire', before the caller receives it.
    queueMicrotask(() => {
      const release = client.release;
      let done = false;
      const lost = () => {
        if (done) return;
        done = true;
        try {
          release(new Error('the connection ended while it was checked out'));
        } catch {
          // pg-pool took it back itself (an acquire that timed out is released at once): nothing is lost.
        }
      };
      client.once('end', lost);
      client.release = (error) => {
        client.removeListener('end', lost);
        if (done) return;
        done = true;
        release(error as Error | undefined);
      };
    }),
  );
}

/** Applies the committed migrations that the database has not seen yet; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
