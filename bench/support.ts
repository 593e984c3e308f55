// Shared by the benchmarks: a scratch PostgreSQL with the demo city at a scale, users, and latency figures.
import 'reflect-metadata';
import fs from 'node:fs/promises';
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
