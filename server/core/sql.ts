import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

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
  const connection = em.getConnection();
  let pool = pools.get(connection);
  if (!pool) {
    pool = (connection as unknown as { getNativeClient(): Promise<Pool> }).getNativeClient();
    pools.set(connection, pool);
  }
  (em.config.get('onQuery') as ((sql: string, params: unknown[]) => unknown) | undefined)?.(sql, params);
  return (await (await pool).query({ name, text, values: params })).rows;
}

/** A statement named once for its text (numbered `$1, $2, ...` placeholders): what `numberedRows` runs. */
export function preparedStatement(text: string): { text: string; name: string } {
  return { text, name: `hub_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}` };
}

/** A read outside any transaction, as a named prepared statement with PostgreSQL's own `$n` placeholders. */
export function numberedRows(em: EntityManager, statement: { text: string; name: string }, params: unknown[]): Promise<Row[]> {
  return prepared(em, statement.text, statement.text, statement.name, params);
}
