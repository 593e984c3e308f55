import type { Language, Viewer } from './context.js';
import type { CursorKey } from './pagination.js';

/**
 * How a module's GraphQL object types are read by the read planner (core/planner.ts): for each type, the SQL of
 * its fields. The planner turns a query's whole selection under one root field into one statement whose JSON
 * answer PostgreSQL builds; a field without a read here sends its root field back to the resolvers.
 */

/** Who asks, as far as the SQL of a read depends on it. */
export interface ReadScope {
  viewer: Viewer | null;
  /** Reader rules apply: no DRAFT plans or their dependants, no staff contact data, free text with contact data hidden. */
  restricted: boolean;
  language: Language;
}

/** Adds a value to the statement's parameters and returns its placeholder. */
export type Param = (value: unknown) => string;

/** What a field's SQL is written against: the parent row's alias and, for relations, the alias of the target rows. */
export interface ReadContext {
  /** Alias of the row the field belongs to (empty for root fields). */
  parent: string;
  /** Alias the target rows must have (relations), unique in the statement. */
  t: string;
  scope: ReadScope;
  /** The field's argument values, coerced. */
  args: Record<string, unknown>;
  param: Param;
  /** The placeholder of the signed-in user's id, bound when the statement runs (plans are shared by every viewer of a scope). */
  viewerId(): string;
  /** The placeholder of the console's public address for this request (HUB_PUBLIC_URL, else the Host it was asked at). */
  publicUrl(): string;
}

/** FROM and WHERE (on alias `t`) of a relation's target rows, and their order. */
export interface Source {
  from: string;
  where?: string;
  orderBy?: string;
  /** The most rows a list gives (the budget may allow fewer). */
  limit?: number;
  /** A list: null unless this SQL holds (fields only their owner may read). */
  nullUnless?: string;
}

/** A value computed by SQL (JSON-able), optionally finished in JavaScript (reader redaction, cursors). */
export interface LeafRead {
  kind: 'leaf';
  sql(c: ReadContext): string;
  finish?(value: unknown, scope: ReadScope): unknown;
}

/** One object or null. */
export interface OneRead {
  kind: 'one';
  source(c: ReadContext): Source;
}

/** A list of objects; `grows` when its length follows the city's data (read at most what the budget has left). */
export interface ListRead {
  kind: 'list';
  source(c: ReadContext): Source;
}

/** A Relay connection paged by keyset: `orderBy` and the cursor's key columns must agree. */
export interface ConnectionRead {
  kind: 'connection';
  source(c: ReadContext): Source;
  orderBy(t: string): string;
  /** The cursor's key as SQL values on `t`, and their kinds for decodeCursor. */
  key(t: string): string[];
  kinds: ('string' | 'number' | 'float')[];
  /** Rows after a decoded cursor, on `t`. */
  after(t: string, key: CursorKey, param: Param): string;
  defaultFirst?: number;
}

export type FieldRead = LeafRead | OneRead | ListRead | ConnectionRead;

export interface TypeRead {
  /**
   * Fields that are the column of their snake_case name, converted by their GraphQL type (DateTime as ISO text in
   * UTC, LocalDate as YYYY-MM-DD, the rest as stored).
   */
  columns?: readonly string[];
  /** SQL on alias `t`: whether the viewer may see the row; applied to every nullable field that answers one of this type. */
  visible?: (t: string, scope: ReadScope) => string;
  /** A Node type: its `id` is the global id over the row's `id` column, and node(id) reads it from `table`, where `visible` (SQL on alias `t`) allows. */
  node?: { table: string; visible?: (t: string, scope: ReadScope, viewerId: () => string) => string };
  fields?: Readonly<Record<string, FieldRead>>;
  /**
   * List fields whose length the row tells before they are read (SQL on alias `t`): a list of these objects stops
   * once the items asked of the rows before reach the budget's row limit, so an answer too large for the budget
   * fails without PostgreSQL building all of it (an overlap group's pairs).
   */
  lengths?: Readonly<Record<string, (t: string) => string>>;
}

/** The reads of a module: GraphQL type name to its read. Root fields are the fields of `Query`. */
export type TypeReads = Readonly<Record<string, TypeRead>>;

/** SQL: the global id of `type` for the integer id expression (base64url of "Type:id", as core/global-id.ts). */
export const globalIdSql = (type: string, id: string): string => `rtrim(translate(encode(convert_to('${type}:' || ${id}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;

/** A leaf field read by a SQL expression on the row. */
export const leaf = (sql: (t: string, c: ReadContext) => string, finish?: LeafRead['finish']): LeafRead => ({
  kind: 'leaf',
  sql: (c) => sql(c.parent, c),
  finish,
});

/** The one row of `table` whose id is the parent's `column` (null when it is null), narrowed by `where` on `t`. */
export const byForeignKey = (table: string, column: string, where?: (t: string, c: ReadContext) => string): OneRead => ({
  kind: 'one',
  source: (c) => ({ from: `${table} ${c.t}`, where: `${c.t}.id = ${c.parent}.${column}${where ? ` and ${where(c.t, c)}` : ''}` }),
});

/** The rows of `table` whose `column` is the parent's id, in `orderBy` (on `t`). */
export const byOwner = (table: string, column: string, orderBy: (t: string) => string, where?: (t: string, c: ReadContext) => string): ListRead => ({
  kind: 'list',
  source: (c) => ({ from: `${table} ${c.t}`, where: `${c.t}.${column} = ${c.parent}.id${where ? ` and ${where(c.t, c)}` : ''}`, orderBy: orderBy(c.t) }),
});

/** The targets of a many-to-many pivot table, ordered by `orderBy` on the target (then id). */
export const byPivot = (pivot: { table: string; owner: string; target: string; targetTable: string; orderBy: (t: string) => string }): ListRead => ({
  kind: 'list',
  source: (c) => ({
    from: `${pivot.table} ${c.t}_p join ${pivot.targetTable} ${c.t} on ${c.t}.id = ${c.t}_p.${pivot.target}`,
    where: `${c.t}_p.${pivot.owner} = ${c.parent}.id`,
    orderBy: `${pivot.orderBy(c.t)}, ${c.t}.id`,
  }),
});

/** The modules' reads as one: each type's columns and fields from every module that reads it (a field read twice is an error). */
export function mergeReads(all: readonly TypeReads[]): TypeReads {
  const merged: Record<
    string,
    { columns: string[]; node?: TypeRead['node']; visible?: TypeRead['visible']; fields: Record<string, FieldRead>; lengths?: TypeRead['lengths'] }
  > = {};
  for (const reads of all) {
    for (const [type, read] of Object.entries(reads)) {
      const into = (merged[type] ??= { columns: [], fields: {} });
      for (const name of [...(read.columns ?? []), ...Object.keys(read.fields ?? {})]) {
        if (into.columns.includes(name) || Object.hasOwn(into.fields, name)) throw new Error(`The read of ${type}.${name} is defined twice`);
      }
      into.columns.push(...(read.columns ?? []));
      Object.assign(into.fields, read.fields);
      if (read.node) into.node = read.node;
      if (read.visible) into.visible = read.visible;
      if (read.lengths) into.lengths = { ...into.lengths, ...read.lengths };
    }
  }
  return merged;
}
