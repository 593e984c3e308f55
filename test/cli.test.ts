import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

/** Runs `npm start`'s entry point as its own process, as a user would. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const deadline = Date.now() + ms;
    while (!pattern.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not print ${pattern}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

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
