import { defineConfig } from 'vitest/config';

// Tests that load the hub to its limits (or score whole cities) run alone, after the others: on two cores a parallel neighbour would slow what they time.
const ALONE = ['test/survival.test.ts', 'test/drain.test.ts', 'test/overlap-generated.test.ts'];

export default defineConfig({
  resolve: {
    // One graphql instance: the CommonJS entry that type-graphql and graphql-scalars load in Node.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // Most tests wait on sockets, child processes and PostgreSQL, so four files at a time fit two cores.
        test: { name: 'hub', include: ['test/**/*.test.ts'], exclude: ALONE, maxWorkers: 4, sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
      // Pure logic, unit-tested beside its code: no database, no hub (npm run test:unit runs these alone in seconds).
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'client-sdk/**/*.test.ts', 'web/src/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          sequence: { groupOrder: 0 },
        },
      },
    ],
    // type-graphql reads decorator metadata through the Reflect API.
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
