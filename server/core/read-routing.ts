import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/**
 * With DATABASE_READ_URL, the reads of a request outside transactions may go to a read replica. Not for a mutation
 * (its payload reads what it wrote), not for a user who wrote within the last few seconds on any hub (they read their
 * own writes), and not while this hub cannot hear the other hubs' writes.
 */
const route = new AsyncLocalStorage<{ replica: boolean }>();

/** Runs `work` with its reads outside transactions allowed on the replica (or not). */
export function withReadRoute<T>(replica: boolean, work: () => T): T {
  return route.run({ replica }, work);
}

/** The rest of this request reads from the primary: a mutation, or a read that must see a write it just made. */
export function stayOnPrimary(): void {
  const store = route.getStore();
  if (store) store.replica = false;
}

/** Whether a read outside a transaction, now, may go to the replica. */
export function replicaAllowed(): boolean {
  return route.getStore()?.replica ?? false;
}

/** The channel every hub announces a user's write on. */
export const WRITE_CHANNEL = 'hub_writes';
const RETRY_MS = 1_000;

/**
 * Who wrote lately, on any hub: a hub notes its own writers and hears the others' through LISTEN/NOTIFY on a
 * connection of its own. While it cannot hear them, nobody reads from the replica on this hub.
 */
export class RecentWriters {
  private readonly wroteAt = new Map<number, number>();
  private client: pg.Client | null = null;
  private hearing = false;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly options: { databaseUrl: string; windowMs: number; log: (line: string) => void },
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    void this.connect();
  }

  /** Whether this user's reads may go to the replica now. */
  mayReadReplica(userId: number): boolean {
    if (!this.hearing) return false;
    const at = this.wroteAt.get(userId);
    if (at === undefined) return true;
    if (this.now() - at < this.options.windowMs) return false;
    this.wroteAt.delete(userId);
    return true;
  }

  /** A user's write on this hub: noted here at once and announced to the others before the write's answer leaves. */
  async wrote(userId: number, announce: (sql: string, params: unknown[]) => Promise<unknown>): Promise<void> {
    this.note(userId);
    await announce(`select pg_notify('${WRITE_CHANNEL}', ?)`, [String(userId)]);
  }

  private note(userId: number): void {
    this.wroteAt.set(userId, this.now());
    // Old entries go as the map grows: a window's writers at most, however long the hub runs.
    if (this.wroteAt.size > 10_000) for (const [id, at] of this.wroteAt) if (this.now() - at >= this.options.windowMs) this.wroteAt.delete(id);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.databaseUrl, application_name: 'hub write listener' });
    this.client = client;
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = null;
      this.hearing = false;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.options.log(`other hubs' writes not heard (${reason}); every read goes to the primary until listening again`);
      this.retry = setTimeout(() => void this.connect(), RETRY_MS).unref();
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => {
      const userId = Number(message.payload);
      if (Number.isInteger(userId)) this.note(userId);
    });
    try {
      await client.connect();
      await client.query(`listen ${WRITE_CHANNEL}`);
      if (this.client === client) this.hearing = true;
    } catch (error) {
      lost((error as Error).message);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.hearing = false;
    await client?.end().catch(() => undefined);
  }
}
