import cluster, { type Worker } from 'node:cluster';
import type { HubConfig } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

/** Connections one hub process may open: its pool, the rate limit's two, the token listener, health probes and start-up. */
const CONNECTIONS_PER_WORKER = 20;
/** A worker that served and then died is replaced after this long (a crash loop would otherwise spin the machine). */
const REPLACE_AFTER_MS = 1_000;

/** The workers could not start: their own messages, printed above, say why. */
export class WorkersDidNotStartError extends Error {}

export interface Primary {
  /** The address the workers share, once every one of them listens. */
  url: string;
  stop(): Promise<void>;
}

/**
 * HUB_WORKERS=N: this process starts the embedded PostgreSQL once (unless DATABASE_URL), forks N hub processes that
 * share one port (Node's cluster module), replaces a worker that dies after it served, and stops them all when stopped.
 * The workers take turns at start-up (migrations, demo seed) through the database's advisory lock, like separate hubs.
 */
export async function startPrimary(config: HubConfig, log: (line: string) => void): Promise<Primary> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, log, { maxConnections: Math.max(100, config.workers * CONNECTIONS_PER_WORKER + 20) });
    databaseUrl = embedded.url;
    log(`database: embedded PostgreSQL, data in ${config.dataDir}, shared by ${config.workers} hub processes`);
  }
  // What the primary decided is handed down, so no worker starts a database or guesses the seed again.
  const env = { DATABASE_URL: databaseUrl, HUB_SEED: config.seed, HUB_DATA_DIR: config.dataDir, HUB_WORKERS: '1' };
  let stopping = false;
  let port = 0;
  let up = false;
  const serving = new Set<Worker>();
  const workers = new Set<Worker>();
  let ready!: (url: string) => void;
  let failed!: (error: Error) => void;
  const started = new Promise<string>((resolve, reject) => ((ready = resolve), (failed = reject)));

  const fork = () => {
    const worker = cluster.fork(env);
    workers.add(worker);
    worker.once('listening', (address) => {
      serving.add(worker);
      port = address.port;
      if (serving.size === config.workers && !up) {
        up = true;
        ready(`http://localhost:${port}/graphql`);
      }
    });
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      const served = serving.delete(worker);
      if (stopping) return;
      const how = signal ? `by ${signal}` : `with code ${code}`;
      if (served) {
        log(`hub process ${worker.process.pid} ended ${how}; starting another`);
        setTimeout(() => !stopping && fork(), REPLACE_AFTER_MS).unref();
      } else if (!up) {
        // One that never came up would fail again the same way: the hub stops rather than loop.
        failed(new WorkersDidNotStartError(`a hub process (${worker.process.pid}) ended ${how} before it served; see its messages above`));
      } else {
        log(`hub process ${worker.process.pid} ended ${how} before it served; not replaced (${serving.size} of ${config.workers} serve)`);
      }
    });
  };

  const stop = async () => {
    stopping = true;
    embedded?.stopping();
    await Promise.all(
      [...workers].map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            // Each worker drains its requests in flight as a single hub does on SIGTERM.
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    await embedded?.stop();
  };

  try {
    for (let i = 0; i < config.workers; i++) fork();
    const url = await started;
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export const isWorkerProcess = (): boolean => cluster.isWorker;
