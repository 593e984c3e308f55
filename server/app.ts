import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { seedDemoCityIfEmpty } from '../seeds/load.js';
import type { HubConfig } from './core/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './core/embedded-postgres.js';
import { createHttp } from './core/http.js';
import { initOrm, migrate, type OrmOptions } from './core/orm.js';
import { hubSchema } from './core/schema.js';

export interface Hub {
  url: string;
  orm: MikroORM;
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface HubOptions extends OrmOptions {
  log?: (line: string) => void;
}

/** Redacts the password of a connection string for the log. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** Starts the whole hub: database (embedded unless DATABASE_URL), migrations, demo seed, GraphQL over HTTP. */
export async function startHub(config: HubConfig, options: HubOptions = {}): Promise<Hub> {
  const log = options.log ?? ((line: string) => console.log(line));
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    log(`database: PostgreSQL at ${describeDatabaseUrl(databaseUrl)} (DATABASE_URL)`);
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir, log);
    databaseUrl = embedded.url;
    log(`database: embedded PostgreSQL, data in ${config.dataDir}`);
  }
  let orm: MikroORM | undefined;
  try {
    orm = await initOrm(databaseUrl, options);
    const applied = await migrate(orm);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: database is up to date');
    if (config.seed === 'demo') {
      const seeded = await seedDemoCityIfEmpty(orm.em.fork());
      log(seeded ? `demo city loaded: ${seeded.plans} plans, ${seeded.activities} activities` : 'demo city: database already holds data, not seeded');
    }
    const { server, apollo } = await createHttp(config, await hubSchema(), orm);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://localhost:${port}/graphql`;
    const ormRef = orm;
    let stopping: Promise<void> | undefined;
    return {
      url,
      orm,
      databaseUrl,
      stop() {
        stopping ??= (async () => {
          await apollo.stop();
          await ormRef.close();
          await embedded?.stop();
          log('hub stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await orm?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
