import pg from 'pg';

/** Every advisory lock key the hubs on one database take, in one place so that no two uses meet by accident. */
export const AdvisoryLock = {
  /** Migrations, the demo seed, rescoring and the administrator at start-up (session-level, whileHolding). */
  STARTUP: 4_207_310,
  /** Loading the demo city into an empty database. */
  DEMO_SEED: 4_207_311,
  /** A block of areas whose stored pairs a write can change: the two-key form (this, area id), a key space of its own. */
  AREA_BLOCK: 4_207_313,
  /** Bringing stored inferences up to the learned model (one hub a round). */
  MODEL_REFRESH: 4_207_314,
  /** Writing the due reminders and digests (one hub a round). */
  MAIL_SCHEDULE: 4_207_315,
} as const;

/**
 * Runs `work` while holding a session-level advisory lock on a connection of its own, waiting for any other hub that holds
 * it: start-up work (migrations, the demo seed, rescoring) runs on other connections, so the lock must outlive them.
 */
export async function whileHolding<T>(
  databaseUrl: string,
  key: number,
  options: { connectTimeoutMs: number; waiting: () => void },
  work: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: options.connectTimeoutMs, application_name: 'hub start-up' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ taken: boolean }>('select pg_try_advisory_lock($1) as taken', [key]);
    if (!rows[0]!.taken) {
      options.waiting();
      await client.query('select pg_advisory_lock($1)', [key]);
    }
    return await work();
  } finally {
    // Ending the session releases the lock too; unlocking first frees it even if the end is slow.
    await client.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
