import { logger } from './core/logger.js';
import type { AddressInfo } from 'node:net';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureAdminToken } from './auth/auth.service.js';
import { ensureOverlapsCurrent, refreshLearnedInferences, settleOverlapTable } from './overlap/overlap.store.js';
import type { HubConfig } from './core/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './core/embedded-postgres.js';
import { DatabaseHealth, directProbe } from './core/db-health.js';
import { createHttp } from './core/http.js';
import { AdvisoryLock, whileHolding } from './core/advisory.js';
import { migrate, poolOf, type OrmOptions } from './core/orm.js';
import { hubParts, initOrm, startWorkers } from './modules.js';

export interface Hub {
  url: string;
  orm: MikroORM;
  databaseUrl: string;
  /** One round of the background work now (sending e-mail), at the given time: for tests, which control the clock. */
  tick(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

/** What loading the demo city reports: null when the database already held data. */
export type SeedDemoCity = (em: EntityManager) => Promise<{ plans: number; activities: number; tokens: object } | null>;

export interface HubOptions extends OrmOptions {
  log?: (line: string) => void;
  /** Loads the demo city into an empty database; needed when the configuration asks for the demo seed (main.ts gives seeds/). */
  seedDemoCity?: SeedDemoCity;
}

export const DEMO_TOKENS_FILE = 'demo-tokens.json';

/** The demo users' tokens exist only here: readable by the owner alone. */
async function writeDemoTokens(dataDir: string, tokens: object): Promise<string> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, DEMO_TOKENS_FILE);
  await fs.writeFile(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  return file;
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

/** Migrations, the demo seed, rescoring and the administrator: on a pool of their own, without the request statement timeout. */
async function prepareDatabase(databaseUrl: string, config: HubConfig, options: HubOptions, log: (line: string) => void): Promise<void> {
  const maintenance = await initOrm(databaseUrl, { poolMax: 2, connectTimeoutMs: config.database.connectTimeoutMs });
  try {
    const applied = await migrate(maintenance);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: database is up to date');
    if (config.seed === 'demo') {
      if (!options.seedDemoCity) throw new Error('HUB_SEED=demo, but this start has no demo city to load (pass seedDemoCity)');
      const seeded = await options.seedDemoCity(maintenance.em.fork());
      if (seeded) {
        await settleOverlapTable(maintenance.em.fork());
        const file = await writeDemoTokens(config.dataDir, seeded.tokens);
        log(`demo city loaded: ${seeded.plans} plans, ${seeded.activities} activities; tokens of the demo users (one per role) in ${file}`);
      } else {
        log('demo city: database already holds data, not seeded');
      }
    }
    if (await ensureOverlapsCurrent(maintenance.em.fork())) log('overlaps: all pairs scored with the current model');
    if (config.adminToken) {
      const admin = await ensureAdminToken(maintenance.em.fork(), config.adminToken);
      log(admin === 'created' ? 'HUB_ADMIN_TOKEN: administrator created' : 'HUB_ADMIN_TOKEN: administrator present');
    }
  } finally {
    await maintenance.close();
  }
}

/** Starts the whole hub: database (embedded unless DATABASE_URL), migrations, demo seed, GraphQL over HTTP. */
export async function startHub(config: HubConfig, options: HubOptions = {}): Promise<Hub> {
  const log = options.log ?? ((line: string) => logger.info(line));
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
    // Hubs starting together on one database take turns: the first migrates and seeds, the others find it done.
    const waiting = () => log('start-up: another hub is preparing this database; waiting for it');
    await whileHolding(databaseUrl, AdvisoryLock.STARTUP, { connectTimeoutMs: config.database.connectTimeoutMs, waiting }, () =>
      prepareDatabase(databaseUrl, config, options, log),
    );
    orm = await initOrm(databaseUrl, {
      ...options,
      poolMax: config.database.poolMax,
      connectTimeoutMs: config.database.connectTimeoutMs,
      statementTimeoutMs: config.database.statementTimeoutMs,
      readUrl: config.read.url,
    });
    if (config.read.url) log(`reads: outside transactions from the replica at ${describeDatabaseUrl(config.read.url)} (DATABASE_READ_URL)`);
    const health = new DatabaseHealth(orm, log, embedded, directProbe(databaseUrl));
    (await poolOf(orm)).on('acquire', () => health.acquired());
    const parts = await hubParts();
    const http = await createHttp(config, parts, orm, health, databaseUrl);
    const { server, apollo, drain } = http;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    // Registrations without a method follow what the city has taught the model since they were written (bounded staleness).
    const serving = orm;
    const refresher =
      config.modelRefreshMs > 0
        ? setInterval(() => {
            refreshLearnedInferences(serving.em.fork()).then(
              (changed) => changed && log(`kind of work learned again: ${changed} registrations without a method changed their inferred method`),
              (error: Error) => log(`kind of work not learned again this round: ${error.message}`),
            );
          }, config.modelRefreshMs).unref()
        : undefined;
    const url = `http://localhost:${port}/graphql`;
    const workers = startWorkers({
      orm,
      config,
      publicUrl: config.mail.publicUrl ?? `http://localhost:${port}`,
      databaseUrl,
      authenticate: parts.authenticate,
      log,
    });
    const ormRef = orm;
    let stopping: Promise<void> | undefined;
    return {
      url,
      orm,
      databaseUrl,
      async tick(now) {
        for (const worker of workers) await worker.tick(now);
      },
      stop() {
        stopping ??= (async () => {
          embedded?.stopping();
          clearInterval(refresher);
          await Promise.all(workers.map((worker) => worker.stop()));
          await drain.stop();
          await apollo.stop();
          await http.close();
          health.close();
          // A pooled connection lost in a database crash must not keep the hub from stopping.
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<void>((resolve) => {
            timer = setTimeout(() => resolve(log('database connections did not close within 5 s; stopping anyway')), 5000);
          });
          await Promise.race([ormRef.close(), late]);
          clearTimeout(timer);
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
