import pg from 'pg';

/** Milliseconds between attempts to listen again after the connection dropped. */
const RETRY_MS = 1_000;

export interface ChannelOptions {
  databaseUrl: string;
  channel: string;
  /** Names the connection in pg_stat_activity. */
  name: string;
  onPayload: (payload: string) => void;
  /** Told when listening starts and when it stops; what a hub may trust meanwhile depends on it. */
  onHearing: (hearing: boolean) => void;
  /** Said once each time the connection is lost. */
  onLost: (reason: string) => void;
}

/** LISTEN on a connection of its own, connected again every second after it drops, until stopped. */
export class ChannelListener {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: ChannelOptions) {}

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.databaseUrl, application_name: this.options.name });
    this.client = client;
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = null;
      this.options.onHearing(false);
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.options.onLost(reason);
      this.retry = setTimeout(() => void this.connect(), RETRY_MS).unref();
    };
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => message.payload !== undefined && this.options.onPayload(message.payload));
    try {
      await client.connect();
      await client.query(`listen ${this.options.channel}`);
      if (this.client === client) this.options.onHearing(true);
    } catch (error) {
      lost((error as Error).message);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.options.onHearing(false);
    await client?.end().catch(() => undefined);
  }
}
