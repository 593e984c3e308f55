import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { seedDemoCityIfEmpty } from '../seeds/load.js';
import { DEMO_TOKENS_FILE, startHub } from '../server/app.js';
import { ConfigError, loadConfig } from '../server/core/config.js';
import { DataDirectoryInUseError, startEmbeddedPostgres } from '../server/core/embedded-postgres.js';
import { migrate } from '../server/core/orm.js';
import { initOrm, MIGRATIONS_PATH } from '../server/modules.js';
import { migrationsList } from '../server/migrations/index.js';
import { createTestDatabase } from './support/database.js';
import { insertUser } from '../server/auth/auth.service.js';
import { Role } from '../server/core/enums.js';
import { graphqlRequest, testConfig } from './support/hub.js';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-db-test-'));
  cleanup.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('migrations', () => {
  test('every migration file is listed, in order', () => {
    const files = readdirSync(MIGRATIONS_PATH)
      .filter((f) => /^Migration\d+.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrationsList.map((m) => m.name)).toEqual(files);
  });

  test('migrate an empty database, then nothing is pending and the entities match the schema', async () => {
    const database = await createTestDatabase(inject('serverUrl'), { empty: true });
    cleanup.push(() => database.drop());
    const orm = await initOrm(database.url);
    try {
      expect(await migrate(orm)).toEqual(migrationsList.map((m) => m.name));
      expect(await migrate(orm)).toEqual([]);
      // A change to an entity without its migration shows up here.
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close();
    }
  });
});

describe('embedded PostgreSQL', () => {
  test('keeps its data between runs and refuses a second user of the directory', async () => {
    const dir = await tempDir();
    const first = await startEmbeddedPostgres(dir);
    cleanup.push(() => first.stop());
    const orm = await initOrm(first.url);
    await orm.em.execute('create table kept (value text)');
    await orm.em.execute("insert into kept values ('still here')");
    await orm.close();

    await expect(startEmbeddedPostgres(dir)).rejects.toThrow(DataDirectoryInUseError);
    await expect(startEmbeddedPostgres(dir)).rejects.toThrow(/Another hub \(process \d+\) is already using the data directory/);
    await first.stop();

    const second = await startEmbeddedPostgres(dir);
    cleanup.push(() => second.stop());
    const again = await initOrm(second.url);
    expect(await again.em.execute('select value from kept')).toEqual([{ value: 'still here' }]);
    await again.close();
    await second.stop();
  });

  test('takes over the lock of a hub that died', async () => {
    const dir = await tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await fs.writeFile(path.join(dir, 'hub.pid'), `${dead.stdout}\n`);
    const db = await startEmbeddedPostgres(dir);
    cleanup.push(() => db.stop());
    expect(await fs.readFile(path.join(dir, 'hub.pid'), 'utf8')).toBe(`${process.pid}\n`);
    await db.stop();
  });
});

describe('hub start', () => {
  test('on the embedded database: migrates, seeds the demo city once, answers health checks', async () => {
    const dataDir = await tempDir();
    const config = testConfig({ dataDir, seed: 'demo' });
    const lines: string[] = [];
    const hub = await startHub(config, { log: (line) => lines.push(line), seedDemoCity: seedDemoCityIfEmpty });
    cleanup.push(() => hub.stop());
    expect(lines.join('\n')).toMatch(/database: embedded PostgreSQL, data in/);
    expect(lines.join('\n')).toMatch(/demo city loaded: 35 plans, \d+ activities/);
    const base = hub.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);

    // One demo user per role; their tokens only in a file that the owner alone may read.
    const tokensFile = path.join(dataDir, DEMO_TOKENS_FILE);
    expect(lines.join('\n')).toContain(tokensFile);
    expect((await fs.stat(tokensFile)).mode & 0o777).toBe(0o600);
    const tokens = JSON.parse(await fs.readFile(tokensFile, 'utf8'));
    expect(Object.keys(tokens).sort()).toEqual(['ADMIN', 'COORDINATOR', 'PROJECT_LEAD', 'READER']);
    for (const role of Object.keys(tokens)) {
      const viewer = await graphqlRequest<any>(hub.url, tokens[role].token, '{ viewer { role plans { code } } }');
      expect(viewer.data.viewer.role).toBe(role);
    }
    expect((await graphqlRequest<any>(hub.url, tokens.PROJECT_LEAD.token, '{ viewer { plans { code } } }')).data.viewer.plans).toEqual([{ code: 'VOL-OEST' }]);
    await hub.stop();

    lines.length = 0;
    const adminToken = `admin-${'s'.repeat(40)}`;
    const again = await startHub({ ...config, adminToken }, { log: (line) => lines.push(line), seedDemoCity: seedDemoCityIfEmpty });
    cleanup.push(() => again.stop());
    expect(lines.join('\n')).toMatch(/not seeded/);
    expect(lines.join('\n')).toMatch(/HUB_ADMIN_TOKEN: administrator created/);
    const [{ plans }] = (await again.orm.em.fork().execute('select count(*)::int as plans from plan')) as any[];
    expect(plans).toBe(35);
    expect((await graphqlRequest<any>(again.url, adminToken, '{ viewer { role } }')).data.viewer.role).toBe('ADMIN');
    await again.stop();

    lines.length = 0;
    const third = await startHub({ ...config, adminToken }, { log: (line) => lines.push(line), seedDemoCity: seedDemoCityIfEmpty });
    cleanup.push(() => third.stop());
    expect(lines.join('\n')).toMatch(/HUB_ADMIN_TOKEN: administrator present/);
    const [{ admins }] = (await third.orm.em.fork().execute("select count(*)::int as admins from app_user where role = 'ADMIN'")) as any[];
    expect(admins).toBe(2);
    await third.stop();
  });

  test('with DATABASE_URL: starts nothing, seeds nothing by default, readyz turns 503 when the database goes away', async () => {
    const server = await startEmbeddedPostgres(await tempDir());
    cleanup.push(() => server.stop());
    const config = testConfig({ ...loadConfig({ DATABASE_URL: server.url }), port: 0, host: '127.0.0.1' });
    expect(config.seed).toBe('none');
    const lines: string[] = [];
    const hub = await startHub(config, { log: (line) => lines.push(line), seedDemoCity: seedDemoCityIfEmpty });
    cleanup.push(() => hub.stop());
    expect(lines.join('\n')).toMatch(/database: PostgreSQL at postgresql:\/\/hub:\*\*\*@127\.0\.0\.1/);
    expect(lines.join('\n')).not.toContain(server.url);
    const base = hub.url.replace('/graphql', '');
    const { token } = await insertUser(hub.orm.em.fork(), { name: 'Reader', role: Role.READER });
    const response = await graphqlRequest(hub.url, token, '{ plans { totalCount } }');
    expect(response.data).toEqual({ plans: { totalCount: 0 } });

    await server.stop();
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { status: string }).status).toBe('unavailable');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await hub.stop();
  });
});

describe('configuration', () => {
  test('defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, seed: 'demo', databaseUrl: undefined, development: false, introspection: true });
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(loadConfig({ DATABASE_URL: 'postgresql://x@h/db' }).seed).toBe('none');
    expect(loadConfig({ DATABASE_URL: 'postgresql://x@h/db', HUB_SEED: 'demo' }).seed).toBe('demo');
    expect(loadConfig({ HUB_DATA_DIR: '/var/tmp/hub', PORT: '8080' })).toMatchObject({ dataDir: '/var/tmp/hub', port: 8080 });
  });

  test('bad values are refused with a clear message', () => {
    expect(() => loadConfig({ HUB_SEED: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ HUB_INTROSPECTION: 'maybe' })).toThrow(/HUB_INTROSPECTION must be true or false/);
    expect(() => loadConfig({ HUB_ADMIN_TOKEN: 'short' })).toThrow(/HUB_ADMIN_TOKEN must be 32 to 512 characters/);
    for (const workers of ['0', 'many', '2.5', '65'])
      expect(() => loadConfig({ HUB_WORKERS: workers })).toThrow(/HUB_WORKERS must be a number of processes from 1 to 64, or "auto"/);
    expect(loadConfig({ HUB_WORKERS: 'auto' }).workers).toBe(os.availableParallelism());
    expect(loadConfig({}).workers).toBe(1);
  });
});
