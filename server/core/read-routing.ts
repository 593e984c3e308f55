import { AsyncLocalStorage } from 'node:async_hooks';
import { ChannelListener } from './listener.js';

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

/**
 * Who wrote lately, on any hub: a hub notes its own writers and hears the others' through LISTEN/NOTIFY on a
 * connection of its own. While it cannot hear them, nobody reads from the replica on this hub.
 */
export class RecentWriters {
  private readonly wroteAt = new Map<number, number>();
  private hearing = false;
  private readonly listener: ChannelListener;

  constructor(
    private readonly options: { databaseUrl: string; windowMs: number; log: (line: string) => void },
    private readonly now: () => number = Date.now,
  ) {
    this.listener = new ChannelListener({
      databaseUrl: options.databaseUrl,
      channel: WRITE_CHANNEL,
      name: 'hub write listener',
      onPayload: (payload) => {
        const userId = Number(payload);
        if (Number.isInteger(userId)) this.note(userId);
      },
      onHearing: (hearing) => (this.hearing = hearing),
      onLost: (reason) => options.log(`other hubs' writes not heard (${reason}); every read goes to the primary until listening again`),
    });
  }

  start(): void {
    this.listener.start();
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

  stop(): Promise<void> {
    return this.listener.stop();
  }
}
