import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Counted only when a query selects it (a count can cost more than the page). */
  totalCount: number | Promise<number>;
}

export type CursorKey = (string | number)[];

/** Checks `first`: 0..100, the default when not given (20 unless the list says otherwise). */
export function pageSize(first: number | null | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
  }
  return first;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor for a list sorted by keys of the given kinds ('number' is a whole number). */
export function decodeCursor(cursor: string | null | undefined, kinds: ('string' | 'number' | 'float')[]): CursorKey | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const malformed = () => badInput(`after: "${cursor}" is not a cursor of this list`, { argument: 'after' });
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(key) || key.length !== kinds.length) throw malformed();
  key.forEach((value, i) => {
    const kind = kinds[i];
    if (kind === 'float' ? typeof value !== 'number' || !Number.isFinite(value) : typeof value !== kind) throw malformed();
    if (kind === 'number' && !Number.isSafeInteger(value)) throw malformed();
  });
  return key as CursorKey;
}

/** Builds a page from up to first+1 rows already positioned after the cursor; a count given as a function runs on first read. */
export function toPage<T>(rows: T[], first: number, totalCount: number | (() => Promise<number>), hasPrevious: boolean, keyOf: (row: T) => CursorKey): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes,
    // GraphQL reads the property only for a query that selects totalCount.
    get totalCount() {
      return typeof totalCount === 'number' ? totalCount : (counted ??= totalCount());
    },
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A Relay connection type and its edge type for one node type. */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Pass as `after` to continue after this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionBase {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
    pageInfo!: PageInfo;

    // Not simple: the value may be a promise (counted only when asked), which only a resolver awaits.
    @Field(() => Int, { simple: false, description: 'Number of items in the whole list, over all pages.' })
    totalCount!: number;
  }
  return ConnectionBase;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor (endCursor of the previous page) after which this page starts.' })
  after?: string | null;
}
