import pg from 'pg';
import type { HubWorker, WorkerDeps } from '../core/module.js';
import { USER_CHANNEL } from './auth.service.js';

/** Seconds between attempts to listen again after the connection dropped. */
const RETRY_MS = 1_000;

/**
 * Listens on the channel of user changes with a connection of its own and makes the hub's token look-ups forget
 * a changed user at once; while it cannot listen, the look-ups remember for a second only.
 */
export class TokenListener implements HubWorker {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: Pick<WorkerDeps, 'databaseUrl' | 'authenticate' | 'log'>) {}

  start(): void {
    void this.connect();
  }

  async tick(): Promise<void> {}

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.deps.databaseUrl, application_name: 'hub token listener' });
    this.client = client;
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = null;
      this.deps.authenticate.hearing?.(false);
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.deps.log(`user changes not heard (${reason}); token look-ups are remembered for 1 s until listening again`);
      this.retry = setTimeout(() => void this.connect(), RETRY_MS).unref();
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => {
      const userId = Number(message.payload);
      if (Number.isInteger(userId)) this.deps.authenticate.forget?.(userId);
    });
    try {
      await client.connect();
      await client.query(`listen ${USER_CHANNEL}`);
      if (this.client === client) this.deps.authenticate.hearing?.(true);
    } catch (error) {
      lost((error as Error).message);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.deps.authenticate.hearing?.(false);
    await client?.end().catch(() => undefined);
  }
}
