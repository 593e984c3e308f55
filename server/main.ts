// type-graphql reads decorator metadata through the Reflect API: install it before any decorated class loads.
import 'reflect-metadata';
import { startHub } from './app.js';
import { ConfigError, loadConfig } from './core/config.js';
import { DataDirectoryInUseError } from './core/embedded-postgres.js';

try {
  const hub = await startHub(loadConfig());
  console.log(`GraphQL API on ${hub.url}`);
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    console.log(`${signal}: shutting down`);
    hub.stop().then(
      () => process.exit(0),
      (error) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) {
    console.error(`hub not started: ${error.message}`);
  } else {
    console.error('hub not started:', error);
  }
  process.exit(1);
}
