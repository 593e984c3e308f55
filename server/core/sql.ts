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
}

export type Row = Record<string, unknown>;

export async function rows(em: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await em.execute(sql, params)) as Row[];
}
