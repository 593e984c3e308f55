import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { replicaAllowed } from './read-routing.js';

/** A PostgreSQL array literal for a `?::int[]` or `?::text[]` parameter (never empty-list syntax errors). */
export function pgArray(values: readonly (number | string)[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/** SQL for the ids of the given rows of a self-referencing table and all their descendants. */
export function descendantsSql(table: 'area' | 'target_group'): string {
  return `with recursive tree(id) as (select id from ${table} where id = any(?::int[]) union select c.id from ${table} c join tree on c.parent_id = tree.id) select id from tree`;
}

/** A WHERE clause under construction: conditions joined by AND, with their positional parameters. */
export class Conditions {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  toSql(): string {
    return this.parts.length ? this.parts.map((p) => `(${p})`).join(' and ') : 'true';
  }

  /** The conditions with each `?` (outside quoted strings and comments) replaced by the placeholder `param` gives its value. */
  toSqlWith(param: (value: unknown) => string): string {
    return withPlaceholders(this.toSql(), this.params, param);
  }
}

/** SQL with `?` placeholders (outside quoted strings and comments) replaced, in order, by the placeholder `param` gives each value. */
export function withPlaceholders(sql: string, params: readonly unknown[], param: (value: unknown) => string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|--[^\n]*|\?/g, (part) => (part === '?' ? param(params[n++]) : part));
}

export type Row = Record<string, unknown>;

// SQL with `?` placeholders (MikroORM's style) turned into PostgreSQL's `$1, $2, ...`, once per distinct text.
const numbered = new Map<string, { text: string; name: string }>();
function numberedStatement(sql: string): { text: string; name: string } {
  let known = numbered.get(sql);
  if (!known) {
    let n = 0;
    // Placeholders outside quoted strings and line comments (an apostrophe in a comment starts no string); no jsonb `?` operators here.
    const text = sql.replace(/'(?:[^']|'')*'|--[^\n]*|\?/g, (part) => (part === '?' ? `$${++n}` : part));
    known = preparedStatement(text);
    if (numbered.size < 5000) numbered.set(sql, known);
  }
  return known;
}

type Pool = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }> };
const pools = new WeakMap<object, Promise<Pool>>();

/**
 * A read's rows. Outside a transaction it goes straight to the ORM's own pg pool as a named prepared statement
 * (PostgreSQL parses and plans it once per connection; parameters travel apart from the text), skipping the
 * ORM's query formatting; inside one, through the ORM so that it joins the transaction.
 */
export async function rows(em: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> {
  if (em.isInTransaction()) return (await em.execute(sql, params)) as Row[];
  const { text, name } = numberedStatement(sql);
  return prepared(em, sql, text, name, params);
}

async function prepared(em: EntityManager, sql: string, text: string, name: string, params: unknown[]): Promise<Row[]> {
  (em.config.get('onQuery') as ((sql: string, params: unknown[]) => unknown) | undefined)?.(sql, params);
  // MikroORM's read connection is the replica (DATABASE_READ_URL), or the primary itself when there is none.
  if (replicaAllowed() && replica.usable()) {
    try {
      return (await (await poolOf(em, 'read')).query({ name, text, values: params })).rows;
    } catch (error) {
      // A replica that cannot be reached leaves the reads to the primary for a while; a fault of the statement is the caller's.
      if (!replica.unreachable(error)) throw error;
    }
  }
  return (await (await poolOf(em, 'write')).query({ name, text, values: params })).rows;
}

function poolOf(em: EntityManager, type: 'read' | 'write'): Promise<Pool> {
  const connection = em.getConnection(type);
  let pool = pools.get(connection);
  if (!pool) {
    pool = (connection as unknown as { getNativeClient(): Promise<Pool> }).getNativeClient();
    pools.set(connection, pool);
  }
  return pool;
}

/** After a replica could not be reached, reads go to the primary for this long before it is tried again. */
const REPLICA_PAUSE_MS = 5_000;
const replica = {
  pausedUntil: 0,
  usable(): boolean {
    return Date.now() >= this.pausedUntil;
  },
  unreachable(error: unknown): boolean {
    const code = (error as { code?: unknown }).code;
    // Connection faults (no SQLSTATE, class 08, or the server shutting down) rather than the statement's own.
    const lost = typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P');
    if (lost) this.pausedUntil = Date.now() + REPLICA_PAUSE_MS;
    // A statement the standby cancelled for its replay (conflict with recovery) is run again on the primary at once.
    return lost || code === '40001';
  },
};

/** A statement named once for its text (numbered `$1, $2, ...` placeholders): what `numberedRows` runs. */
export function preparedStatement(text: string): { text: string; name: string } {
  return { text, name: `hub_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}` };
}

/** A read outside any transaction, as a named prepared statement with PostgreSQL's own `$n` placeholders. */
export function numberedRows(em: EntityManager, statement: { text: string; name: string }, params: unknown[]): Promise<Row[]> {
  return prepared(em, statement.text, statement.text, statement.name, params);
}
