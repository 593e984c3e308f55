import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startProcess } from './support/process.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

test('npm start serves, a second hub on the same data directory stops with a clear message, SIGTERM stops cleanly', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-cli-'));
  dirs.push(dataDir);
  const first = startProcess({ HUB_DATA_DIR: dataDir, HUB_SEED: 'none' });
  try {
    await first.waitFor(/GraphQL API on http:\/\/localhost:\d+\/graphql/);
    expect(first.output()).toMatch(/database: embedded PostgreSQL, data in/);

    const second = startProcess({ HUB_DATA_DIR: dataDir, HUB_SEED: 'none' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/hub not started: Another hub \(process \d+\) is already using the data directory/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/hub stopped/);
    await expect(fs.access(path.join(dataDir, 'hub.pid'))).rejects.toThrow();
    await expect(fs.access(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toThrow();
  } finally {
    first.child.kill('SIGKILL');
  }
});

test('bad configuration stops the hub with a message, not a stack trace', async () => {
  const run = startProcess({ HUB_SEED: 'everything' });
  expect(await run.exited).toBe(1);
  expect(run.output()).toContain('hub not started: HUB_SEED must be "demo" or "none", got "everything"');
  expect(run.output()).not.toMatch(/\n\s+at /);
});
