import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { ROOT, startProcess } from './support/process.js';

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
  // Two hubs start here, the first on a new data directory: 20 s on a loaded machine.
}, 90_000);

test('Ctrl-C in the terminal stops the hub and its PostgreSQL quietly: the signal reaches both, and nothing is restarted', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-cli-'));
  dirs.push(dataDir);
  const hub = startProcess({ HUB_DATA_DIR: dataDir, HUB_SEED: 'none' }, { ownGroup: true });
  try {
    await hub.url();
    // The terminal signals the whole foreground process group: the hub and the postmaster it started.
    process.kill(-hub.child.pid!, 'SIGINT');
    expect(await hub.exited).toBe(0);
    expect(hub.output()).toMatch(/hub stopped/);
    expect(hub.output()).not.toMatch(/restart/);
    await expect(fs.access(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toThrow();
  } finally {
    hub.child.kill('SIGKILL');
  }
}, 60_000);

test('bad configuration stops the hub with a message, not a stack trace', async () => {
  const run = startProcess({ HUB_SEED: 'everything' });
  expect(await run.exited).toBe(1);
  expect(run.output()).toContain('hub not started: HUB_SEED must be "demo" or "none", got "everything"');
  expect(run.output()).not.toMatch(/\n\s+at /);
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('stopping the process `npm start` was started as stops the hub and its PostgreSQL (nohup npm start & ... kill $!)', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-npm-'));
  dirs.push(dataDir);
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, HUB_DATA_DIR: dataDir, HUB_SEED: 'none', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout.on('data', (chunk) => (output += chunk));
  npm.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => npm.on('exit', resolve));
  let hubPid = 0;
  try {
    for (let i = 0; i < 600 && !/GraphQL API on/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toMatch(/GraphQL API on http:\/\/\S+\/graphql/);
    // hub.pid names the hub itself, a process of its own below npm.
    hubPid = Number((await fs.readFile(path.join(dataDir, 'hub.pid'), 'utf8')).trim());
    expect(hubPid).toBeGreaterThan(0);
    expect(hubPid).not.toBe(npm.pid);
    npm.kill('SIGTERM');
    await exited;
    for (let i = 0; i < 300 && alive(hubPid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(hubPid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'hub.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  } finally {
    // A hub left behind is stopped the way that also stops its PostgreSQL.
    if (hubPid && alive(hubPid)) process.kill(hubPid, 'SIGTERM');
    for (let i = 0; i < 200 && hubPid && alive(hubPid); i++) await new Promise((r) => setTimeout(r, 100));
    npm.kill('SIGKILL');
  }
}, 90_000);

test('a hub that dies without running its exit handlers (kill -9, out of memory) does not leave its PostgreSQL running', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-kill-'));
  dirs.push(dataDir);
  const hub = startProcess({ HUB_DATA_DIR: dataDir, HUB_SEED: 'none' });
  let postmaster = 0;
  try {
    await hub.waitFor(/GraphQL API on/);
    postmaster = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(alive(postmaster)).toBe(true);
    // SIGKILL runs no handler of the hub's, as a heap that ran out does not.
    hub.child.kill('SIGKILL');
    await hub.exited;
    for (let i = 0; i < 100 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(postmaster)).toBe(false);
    // The next hub on the directory starts as usual.
    const next = startProcess({ HUB_DATA_DIR: dataDir, HUB_SEED: 'none' });
    await next.waitFor(/GraphQL API on/);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  } finally {
    hub.child.kill('SIGKILL');
    if (postmaster && alive(postmaster)) process.kill(postmaster, 'SIGQUIT');
  }
}, 90_000);

test('HUB_WORKERS=2: two hub processes serve the console and the API on one port; one that dies is replaced; SIGTERM stops them all and PostgreSQL', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-workers-'));
  dirs.push(dataDir);
  const admin = `workers-test-admin-${'x'.repeat(32)}`;
  const hub = startProcess({ HUB_DATA_DIR: dataDir, HUB_SEED: 'none', HUB_WORKERS: '2', HUB_ADMIN_TOKEN: admin });
  const servedBy = () => new Set([...hub.output().matchAll(/"pid":(\d+)[^\n]*"msg":"graphql"/g)].map((m) => Number(m[1])));
  const serving = () => [...hub.output().matchAll(/hub process (\d+) serving/g)].map((m) => Number(m[1]));
  const ask = (url: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: '{"query":"{ viewer { role } }"}' });
  let postmaster = 0;
  try {
    const url = await hub.url();
    expect(hub.output()).toMatch(/GraphQL API on http:\/\/localhost:\d+\/graphql \(2 hub processes\)/);
    // One set of migrations: the other process waited for the first and found them applied.
    expect(hub.output().match(/migrations applied/g)).toHaveLength(1);
    expect(serving()).toHaveLength(2);
    const console_ = await fetch(new URL('/', url), { headers: { accept: 'text/html' } });
    expect(console_.status).toBe(200);
    expect(await console_.text()).toContain('<html lang="da">');
    for (let i = 0; i < 20; i++) expect((await ask(url)).status).toBe(200);
    await hub.waitFor(/"msg":"graphql"/);
    expect([...servedBy()].sort()).toEqual([...serving()].sort());
    // A worker that dies is replaced; the port keeps answering meanwhile.
    const [victim] = serving();
    process.kill(victim!, 'SIGKILL');
    await hub.waitFor(new RegExp(`hub process ${victim} ended by SIGKILL; starting another`));
    for (let i = 0; i < 5; i++) expect((await ask(url)).status).toBe(200);
    for (let i = 0; i < 300 && serving().length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    const workers = serving().filter((pid) => pid !== victim);
    expect(workers).toHaveLength(2);
    postmaster = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    for (const pid of [...workers, postmaster]) expect(alive(pid)).toBe(false);
  } finally {
    hub.child.kill('SIGKILL');
    for (const pid of serving()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (postmaster && alive(postmaster)) process.kill(postmaster, 'SIGQUIT');
  }
}, 120_000);
