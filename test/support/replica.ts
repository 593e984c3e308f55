import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { EmbeddedDatabase } from '../../server/core/embedded-postgres.js';

export interface Replica {
  url: string;
  /** Stops applying the primary's changes (pg_wal_replay_pause), and starts again. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Waits until everything the primary has written so far is applied here. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * A streaming replica of an embedded PostgreSQL, made as pg_basebackup would (the npm binaries have no pg_basebackup):
 * a low-level base backup (pg_backup_start, copy, pg_backup_stop's backup_label), standby.signal and primary_conninfo.
 */
export async function startReplica(primary: EmbeddedDatabase): Promise<Replica> {
  // The PostgreSQL binaries embedded-postgres brings for this platform.
  const bin = path.join(path.dirname(fileURLToPath(import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))), '..', 'native', 'bin');
  const source = path.join(primary.dataDir, 'pg');
  const target = path.join(primary.dataDir, 'replica');
  const client = new pg.Client({ connectionString: primary.url });
  await client.connect();
  try {
    await client.query("select pg_backup_start('hub replica test', true)");
    await fs.cp(source, target, {
      recursive: true,
      filter: (file) => !['postmaster.pid', 'postmaster.opts'].includes(path.basename(file)) && !file.includes(`${path.sep}pg_replslot${path.sep}`),
    });
    const { rows } = await client.query('select labelfile from pg_backup_stop(true)');
    await fs.writeFile(path.join(target, 'backup_label'), rows[0].labelfile);
  } finally {
    await client.end();
  }
  const { hostname, port: primaryPort, username, password } = new URL(primary.url);
  await fs.writeFile(path.join(target, 'standby.signal'), '');
  await fs.appendFile(
    path.join(target, 'postgresql.auto.conf'),
    `\nprimary_conninfo = 'host=${hostname} port=${primaryPort} user=${username} password=${decodeURIComponent(password)}'\n`,
  );
  const root = os.userInfo().uid === 0;
  if (root) execFileSync('chown', ['-R', 'postgres:postgres', target]);
  await fs.chmod(target, 0o700);
  const port = await freePort();
  const ids = root ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  const server = spawn(path.join(bin, 'postgres'), ['-D', target, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    ...ids,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    server.stderr!.on('data', (chunk) => {
      log += chunk;
      if (log.includes('ready to accept read-only connections')) resolve();
    });
    server.once('exit', () => reject(new Error(`the replica did not start:\n${log}`)));
  });
  const url = new URL(primary.url);
  url.port = String(port);
  const ask = async (sql: string) => {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };
  return {
    url: url.toString(),
    pause: async () => void (await ask('select pg_wal_replay_pause()')),
    resume: async () => void (await ask('select pg_wal_replay_resume()')),
    async caughtUp() {
      const primaryClient = new pg.Client({ connectionString: primary.url });
      await primaryClient.connect();
      const [{ lsn }] = (await primaryClient.query('select pg_current_wal_lsn()::text as lsn')).rows;
      await primaryClient.end();
      for (let i = 0; i < 200; i++) {
        const [{ done }] = await ask(`select pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as done`);
        if (done) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the replica did not catch up within 10 s');
    },
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT');
      await exited;
    },
  };
}
