// The process entry: the one server file that may import seeds/ (the demo city it loads on a first start).
// type-graphql reads decorator metadata through the Reflect API: install it before any decorated class loads.
import 'reflect-metadata';
import { seedDemoCityIfEmpty } from '../seeds/load.js';
import { startHub } from './app.js';
import { isWorkerProcess, startPrimary, WorkersDidNotStartError } from './core/cluster.js';
import { ConfigError, loadConfig } from './core/config.js';
import { DataDirectoryInUseError } from './core/embedded-postgres.js';
import { logger } from './core/logger.js';

try {
  const config = loadConfig();
  const log = (line: string) => logger.info(line);
  // HUB_WORKERS=N: this process only supervises; N hub processes serve on one port.
  const hub = config.workers > 1 && !isWorkerProcess() ? await startPrimary(config, log) : await startHub(config, { log, seedDemoCity: seedDemoCityIfEmpty });
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info(`${signal}: shutting down`);
    hub.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // Announced once a signal would stop it cleanly: whoever waits for this line may send one at once.
  if (isWorkerProcess()) logger.info(`hub process ${process.pid} serving ${hub.url}`);
  else logger.info(`GraphQL API on ${hub.url}${config.workers > 1 ? ` (${config.workers} hub processes)` : ''}`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirectoryInUseError || error instanceof WorkersDidNotStartError) {
    console.error(`hub not started: ${error.message}`);
  } else {
    console.error('hub not started:', error);
  }
  process.exit(1);
}
