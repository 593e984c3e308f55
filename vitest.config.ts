import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql instance: the CommonJS entry that type-graphql and graphql-scalars load in Node.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // type-graphql reads decorator metadata through the Reflect API.
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
