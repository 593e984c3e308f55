import os from 'node:os';
import path from 'node:path';

export type SeedMode = 'demo' | 'none';

export interface HubConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A read replica of the database (DATABASE_READ_URL) and how long after a user's write their reads stay on the primary. */
  read: { url: string | undefined; primaryAfterWriteMs: number };
  dataDir: string;
  seed: SeedMode;
  adminToken: string | undefined;
  development: boolean;
  introspection: boolean;
  /** Operations compiled once per document by graphql-jit (core/jit.ts) instead of interpreted by graphql-js. */
  compiledExecution: boolean;
  /** Queries whose root fields the modules' reads cover are answered by one SQL statement per root field (core/planner.ts). */
  plannedReads: boolean;
  /** Requests a minute per token (per address without one); 0 switches the limit off. */
  rateLimitPerMinute: number;
  /** Hub processes behind one port on this machine (Node's cluster module; core/cluster.ts); 1 runs the hub in this process. */
  workers: number;
  /** How often the stored inferences of registrations without a method are brought up to the learned vocabulary, in ms; 0 never. */
  modelRefreshMs: number;
  /** Proxies in front of the hub whose X-Forwarded-For entries are believed (0: none, the socket's address is the client's). */
  trustProxy: number;
  /** Database pool: size, connect timeout and the statement timeout of request queries, in ms. */
  database: { poolMax: number; connectTimeoutMs: number; statementTimeoutMs: number };
  /** Outgoing e-mail: the SMTP server (none: nothing is sent, notifications are only recorded), the sender, the console's public address for links, and how notifications are gathered and sent. */
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string | undefined; batchWindowMs: number; sendIntervalMs: number };
  /** Query limits: graphql-armor's depth, aliases and directives, the parser's tokens, and the hub's cost and budgets (core/cost.ts). */
  limits: {
    depth: number;
    aliases: number;
    tokens: number;
    directives: number;
    cost: number;
    selections: number;
    answerFields: number;
    executionMs: number;
    heavyQueries: number;
  };
}

export class ConfigError extends Error {}

/** Objects an answer may hold by the schema's estimate (core/cost.ts); the README's and the SDK's operations stay well below. */
export const DEFAULT_MAX_COST = 50_000;

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parseCount(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  return n;
}

function parseSmtpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('HUB_SMTP_URL must be an address such as smtps://user:password@mail.example.dk:465');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError(`HUB_SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  return raw;
}

function parsePublicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(raw)) throw new ConfigError(`HUB_PUBLIC_URL must be the console's address, e.g. https://hub.odense.dk, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseReadUrl(raw: string | undefined, databaseUrl: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^postgres(ql)?:\/\/\S+$/.test(raw))
    throw new ConfigError('DATABASE_READ_URL must be a PostgreSQL address such as postgresql://hub:secret@replica:5432/hub');
  if (!databaseUrl) throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL: a replica follows a PostgreSQL server of your own, not the embedded one');
  return raw;
}

function parseWorkers(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  if (raw === 'auto') return os.availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new ConfigError(`HUB_WORKERS must be a number of processes from 1 to 64, or "auto" (one per core), got "${raw}"`);
  return n;
}

/** Reads the hub's settings from the environment; every variable is documented in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  // Demo data only by default on the embedded database, so a production server never receives it by accident.
  const seedRaw = env.HUB_SEED || (databaseUrl ? 'none' : 'demo');
  if (seedRaw !== 'demo' && seedRaw !== 'none') {
    throw new ConfigError(`HUB_SEED must be "demo" or "none", got "${seedRaw}"`);
  }
  const development = env.NODE_ENV === 'development';
  const adminToken = env.HUB_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && !/^\S{32,512}$/.test(adminToken)) {
    throw new ConfigError('HUB_ADMIN_TOKEN must be 32 to 512 characters without spaces (for example: openssl rand -base64 32)');
  }
  return {
    port: parsePort(env.PORT, 4000),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    read: {
      url: parseReadUrl(env.DATABASE_READ_URL, databaseUrl),
      primaryAfterWriteMs: parseCount('HUB_READ_YOUR_WRITES_SECONDS', env.HUB_READ_YOUR_WRITES_SECONDS, 10) * 1000,
    },
    dataDir: path.resolve(env.HUB_DATA_DIR || '.data'),
    seed: seedRaw,
    adminToken,
    development,
    introspection: parseBoolean('HUB_INTROSPECTION', env.HUB_INTROSPECTION, true),
    compiledExecution: parseBoolean('HUB_COMPILED_EXECUTION', env.HUB_COMPILED_EXECUTION, true),
    plannedReads: parseBoolean('HUB_PLANNED_READS', env.HUB_PLANNED_READS, true),
    rateLimitPerMinute: parseCount('HUB_RATE_LIMIT', env.HUB_RATE_LIMIT, 600),
    workers: parseWorkers(env.HUB_WORKERS),
    trustProxy: parseCount('HUB_TRUST_PROXY', env.HUB_TRUST_PROXY, 0),
    modelRefreshMs: parseCount('HUB_MODEL_REFRESH_MINUTES', env.HUB_MODEL_REFRESH_MINUTES, 10) * 60_000,
    mail: {
      smtpUrl: parseSmtpUrl(env.HUB_SMTP_URL),
      from: env.HUB_MAIL_FROM || 'Boligsocial koordinationshub <hub@localhost>',
      publicUrl: parsePublicUrl(env.HUB_PUBLIC_URL),
      batchWindowMs: parseCount('HUB_NOTIFY_BATCH_MINUTES', env.HUB_NOTIFY_BATCH_MINUTES, 10) * 60_000,
      sendIntervalMs: parseCount('HUB_MAIL_INTERVAL_SECONDS', env.HUB_MAIL_INTERVAL_SECONDS, 10) * 1000,
    },
    database: {
      poolMax: parseCount('HUB_DB_POOL_MAX', env.HUB_DB_POOL_MAX, 10),
      connectTimeoutMs: parseCount('HUB_DB_CONNECT_TIMEOUT_MS', env.HUB_DB_CONNECT_TIMEOUT_MS, 5000),
      statementTimeoutMs: parseCount('HUB_STATEMENT_TIMEOUT_MS', env.HUB_STATEMENT_TIMEOUT_MS, 5000),
    },
    limits: {
      depth: parseCount('HUB_MAX_DEPTH', env.HUB_MAX_DEPTH, 12),
      aliases: parseCount('HUB_MAX_ALIASES', env.HUB_MAX_ALIASES, 15),
      tokens: parseCount('HUB_MAX_TOKENS', env.HUB_MAX_TOKENS, 2000),
      directives: parseCount('HUB_MAX_DIRECTIVES', env.HUB_MAX_DIRECTIVES, 10),
      cost: parseCount('HUB_MAX_COST', env.HUB_MAX_COST, DEFAULT_MAX_COST),
      selections: parseCount('HUB_MAX_SELECTIONS', env.HUB_MAX_SELECTIONS, 300),
      answerFields: parseCount('HUB_MAX_ANSWER_FIELDS', env.HUB_MAX_ANSWER_FIELDS, 50_000),
      executionMs: parseCount('HUB_MAX_EXECUTION_MS', env.HUB_MAX_EXECUTION_MS, 15_000),
      heavyQueries: parseCount('HUB_MAX_HEAVY_QUERIES', env.HUB_MAX_HEAVY_QUERIES, 2),
    },
  };
}
