// Shared by the benchmarks: a scratch PostgreSQL with the demo city at a scale, users, and latency figures.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { insertUser } from '../server/auth/auth.service.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../server/core/embedded-postgres.js';
import { Role } from '../server/core/enums.js';
import { migrate } from '../server/core/orm.js';
import { initOrm } from '../server/modules.js';
import { loadCity } from '../seeds/load.js';

export interface BenchDatabase {
  url: string;
  tokens: Record<Role, string>;
  /** What was loaded, and how long loading and scoring the overlaps took. */
  facts: { plans: number; activities: number; pairs: number; loadSeconds: number };
  stop(): Promise<void>;
}

/** A database with the demo city at the given scale and one user per role, on an embedded PostgreSQL or BENCH_DATABASE_URL. */
export async function benchDatabase(scale: number, name = `hub_bench_x${scale}`): Promise<BenchDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-bench-'));
  const server: EmbeddedDatabase | undefined = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres(dataDir);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? server!.url;
  const admin = new pg.Client({ connectionString: serverUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  const orm = await initOrm(url);
  await migrate(orm);
  const started = Date.now();
  const counts = await loadCity(orm.em.fork(), scale);
  const loadSeconds = (Date.now() - started) / 1000;
  const [{ pairs }] = (await orm.em.fork().execute('select count(*)::int as pairs from activity_overlap')) as { pairs: number }[];
  // Statistics and visibility as a database that has lived a while has them (autovacuum would get there during the first runs).
  await orm.em.fork().execute('vacuum analyze');
  const tokens = {} as Record<Role, string>;
  const [plan] = (await orm.em.fork().execute("select id from plan where code = 'VOL-OEST'")) as { id: number }[];
  for (const role of Object.values(Role)) {
    tokens[role] = (await insertUser(orm.em.fork(), { name: `Bench ${role}`, role, planIds: role === Role.PROJECT_LEAD ? [plan!.id] : [] })).token;
  }
  await orm.close();
  return {
    url,
    tokens,
    facts: { ...counts, pairs, loadSeconds },
    async stop() {
      await server?.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function gql(url: string, token: string, query: string, variables?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export const machine = () => `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'})`;

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
const TICK_MS = 1000 / 100;
export const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};
// PostgreSQL's CPU: every process named postgres (the benchmark's own cluster is the only one it talks to), by
// pid, so that a backend that ends during a round never makes the difference negative (its last ticks are lost).
export const postgresCpu = () => {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') byPid.set(Number(entry), cpuMs(Number(entry)));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return byPid;
};
export const postgresCpuSince = (before: Map<number, number>) => {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
};

export async function startServer(name: string, args: string[], env: Record<string, string>, readyPath: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}${readyPath}`, {
      method: readyPath === '/graphql' ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json' },
      body: readyPath === '/graphql' ? '{"query":"{__typename}"}' : undefined,
    }).catch(() => null);
    if (ok?.status === 200) return { child, url: `http://127.0.0.1:${port}/graphql` };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${name} did not start`);
}

/** A process and everything below it (the hub processes of HUB_WORKERS under their primary). */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone between the listing and the read.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** CPU milliseconds of a process tree, leaving out PostgreSQL (counted on its own) and processes that ended. */
export function treeCpuMs(pid: number): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const p of processTree(pid)) {
    try {
      if (readFileSync(`/proc/${p}/comm`, 'utf8').trim() !== 'postgres') byPid.set(p, cpuMs(p));
    } catch {
      // Gone.
    }
  }
  return byPid;
}

export const cpuSince = (before: Map<number, number>, now: Map<number, number>) => {
  let total = 0;
  for (const [pid, ms] of now) total += ms - (before.get(pid) ?? 0);
  return total;
};
