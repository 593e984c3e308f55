import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getNullableType,
  isAbstractType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { getMetadataStorage } from 'type-graphql';
import type { HubContext } from './context.js';
import { leavesIn, type ExecutionBudget } from './cost.js';
import { validateArgument } from './input-guard.js';
import { today } from './dates.js';
import { fromGlobalId } from './global-id.js';
import { decodeCursor, encodeCursor, pageSize, type CursorKey } from './pagination.js';
import type { ConnectionRead, FieldRead, ReadContext, ReadScope, TypeRead, TypeReads } from './reads.js';
import { globalIdSql } from './reads.js';
import { numberedRows, preparedStatement } from './sql.js';

/** Thrown while planning: the root field is answered by the resolvers instead. */
class NotPlanned extends Error {}

/** Thrown while counting a planned answer: a list shortened to keep the statement small was full, so the guarded statement answers. */
class Shortened extends Error {}

/** SQLSTATE of hub_answer_rows: a guarded statement's lists passed the row limit. */
const TOO_MANY_ROWS = 'HUB01';

/** A list with at most this many rows by nature (a pair's two activities) is never shortened or guarded. */
const SMALL_LIST = 16;

/** A shortened list keeps at least this many rows per parent; below it the statement counts its rows instead (hub_answer_rows). */
const MIN_SHARE = 64;

/**
 * How many objects a level of a planned answer can hold, at most: a list under many parents reads only its share
 * of the row limit, so no statement builds far more than the budget allows, however the lists nest.
 */
interface Bound {
  /** Objects of the parent level, in the whole answer. */
  objects: number;
  /** The parent objects come from a root list that stopped at the row limit by their `lengths`. */
  cut: boolean;
}
const ROOT: Bound = { objects: 1, cut: false };

/** Where a statement takes the signed-in user's id and the request's public address. */
const VIEWER_ID = Symbol('viewer id');
const PUBLIC_URL = Symbol('public url');

/** How the JSON of a field's objects is finished and counted against the budget once PostgreSQL has built it. */
interface ObjectShape {
  /** Leaf fields written under the field: the values each object adds to the answer (as core/cost.ts counts them). */
  leaves: number;
  /** Fields of each object that need a visit: objects to count (a shortened list: more than `shortAt` items means it was cut), leaves to finish. */
  visits: ({ key: string; finish: (value: unknown) => unknown } | { key: string; object: ObjectShape; shortAt?: number })[];
}

/** One statement of a root field and how its answer is finished. */
interface RootStatement {
  statement: { text: string; name: string };
  params: unknown[];
  shape: ObjectShape;
}

interface PlannedRoot extends RootStatement {
  key: string;
  nullable: boolean;
  /** With shortened lists: the statement that counts its rows instead, for when one of them was full. */
  guarded?: RootStatement;
}

/** An operation split by the planner: its root fields in order, each planned or left to the resolvers. */
export interface PlannedOperation {
  keys: string[];
  planned: Map<string, PlannedRoot>;
  /** The operation with only the root fields the resolvers answer, or null when every one is planned. */
  rest: DocumentNode | null;
}

/** A scope as the planner caches by: the reads differ only by these. */
export interface PlannerScope extends ReadScope {
  key: string;
}

/** Where the planner runs its statements and what a request's scope is. */
export interface PlannerDeps {
  em: () => EntityManager;
  /**
   * The most rows a list that grows with the city's data reads: what a query's budget has room for, plus one to tell
   * that it overflowed (HUB_MAX_ANSWER_FIELDS + 1); null without a budget.
   */
  rowLimit: number | null;
  scopeOf: (context: HubContext) => PlannerScope;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const MAX_OBJECT_FIELDS = 50;

/** One statement under construction: its parameters and aliases. */
class Statement {
  readonly params: unknown[] = [];
  private aliases = 0;
  readonly param = (value: unknown): string => {
    this.params.push(value);
    return `$${this.params.length}`;
  };
  alias(): string {
    return `t${++this.aliases}`;
  }
}

/** What one planning pass knows: the document, the variables and the scope. */
interface Pass {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  scope: ReadScope;
  st: Statement;
  /** The arguments' class-validator checks, as type-graphql runs them before a resolver. */
  checks: Promise<void>[];
  /** Lists too large to bound by their share are counted by hub_answer_rows, not shortened. */
  guarded: boolean;
  /** Set when a list was shortened (the guarded statement is planned too). */
  shortened: boolean;
}

/** An argument's value as type-graphql hands it to a resolver: input objects as instances of their classes, for class-validator. */
function asInstance(type: GraphQLInputType, value: unknown): unknown {
  const nullable = getNullableType(type);
  if (value === null || value === undefined) return value;
  if (isListType(nullable)) return (value as unknown[]).map((item) => asInstance(nullable.ofType as GraphQLInputType, item));
  if (!isInputObjectType(nullable)) return value;
  const target = getMetadataStorage().inputTypes.find((input) => input.name === nullable.name)?.target as { prototype: object } | undefined;
  const instance = Object.create(target?.prototype ?? Object.prototype) as Record<string, unknown>;
  const fields = nullable.getFields();
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) instance[name] = asInstance(fields[name]!.type, item);
  return instance;
}

/**
 * The read planner: a query's root fields whose whole selection the modules' reads cover become one SQL statement
 * each, whose JSON answer PostgreSQL builds (nested objects and lists as correlated subqueries with json_build_object
 * and json_agg, pages by keyset with LIMIT first + 1, counts only when selected); reader visibility is in the SQL,
 * reader redaction and cursors are finished in JavaScript on the few values concerned, and the answer's values are
 * counted against the query's budget. Plans are cached per document, operation, scope and variables.
 */
export class ReadPlanner {
  private readonly cache = new WeakMap<DocumentNode, Map<string, PlannedOperation | null>>();
  private readonly rests = new WeakMap<DocumentNode, Map<string, DocumentNode>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly reads: TypeReads,
    private readonly deps: PlannerDeps,
  ) {}

  /** The operation's plan, or null when it is no query or none of its root fields can be planned. */
  async prepare(
    document: DocumentNode,
    operationName: string | null | undefined,
    rawVariables: Record<string, unknown>,
    context: HubContext,
  ): Promise<PlannedOperation | null> {
    const scope = this.deps.scopeOf(context);
    const vars = JSON.stringify(rawVariables);
    // Reads compare with today's date (pairs still running), written in as a parameter: a plan lasts one day.
    const cacheKey = `${operationName ?? ''}\n${scope.key}\n${today()}\n${vars}`;
    let byKey = this.cache.get(document);
    if (byKey?.has(cacheKey)) return byKey.get(cacheKey)!;
    const plan = await this.plan(document, operationName, rawVariables, scope);
    if (vars.length <= 1_000) {
      if (!byKey) this.cache.set(document, (byKey = new Map()));
      if (byKey.size >= 64) byKey.clear();
      byKey.set(cacheKey, plan);
    }
    return plan;
  }

  private async plan(
    document: DocumentNode,
    operationName: string | null | undefined,
    rawVariables: Record<string, unknown>,
    scope: ReadScope,
  ): Promise<PlannedOperation | null> {
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!operation || operation.operation !== 'query') return null;
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], rawVariables);
    if (coerced.errors) return null;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const query = this.schema.getQueryType()!;
    const roots = collect([operation.selectionSet], query, this.schema, fragments, coerced.coerced);
    const planned = new Map<string, PlannedRoot>();
    // A root field reached through a fragment cannot be taken out of the rest of the operation: the resolvers answer it.
    const direct = new Set(operation.selectionSet.selections);
    for (const [key, nodes] of roots) {
      if (!nodes.every((node) => direct.has(node))) continue;
      const root = await this.planRoot(key, nodes, query, {
        fragments,
        variables: coerced.coerced,
        scope,
        st: new Statement(),
        checks: [],
        guarded: false,
        shortened: false,
      });
      if (root) planned.set(key, root);
    }
    if (planned.size === 0) return null;
    const keys = [...roots.keys()];
    const restKeys = keys.filter((k) => !planned.has(k));
    return { keys, planned, rest: restKeys.length ? this.restOf(document, operation, restKeys) : null };
  }

  /** The document with only the given root fields (by response key), made once per set of keys. */
  private restOf(document: DocumentNode, operation: OperationDefinitionNode, keys: string[]): DocumentNode {
    let byKeys = this.rests.get(document);
    if (!byKeys) this.rests.set(document, (byKeys = new Map()));
    const id = `${operation.name?.value ?? ''}\n${keys.join(',')}`;
    let rest = byKeys.get(id);
    if (!rest) {
      const wanted = new Set(keys);
      // Root fields reached through fragments stay in (those fragments are kept whole); the planned ones written directly go.
      const selections = operation.selectionSet.selections.filter((s) => s.kind !== Kind.FIELD || wanted.has(s.alias?.value ?? s.name.value));
      const trimmed: OperationDefinitionNode = { ...operation, selectionSet: { ...operation.selectionSet, selections } };
      rest = { ...document, definitions: [...document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION), trimmed] };
      byKeys.set(id, rest);
    }
    return rest;
  }

  private async planRoot(key: string, nodes: FieldNode[], query: GraphQLObjectType, pass: Pass): Promise<PlannedRoot | null> {
    const field = query.getFields()[nodes[0]!.name.value];
    if (!field || nodes[0]!.name.value.startsWith('__')) return null;
    try {
      const { sql, shape } = this.value(this.reads.Query?.fields?.[field.name], field, nodes, '', pass, ROOT, query.name);
      // Roots that answer objects only: a leaf root would need its finisher here, and there is none to plan.
      if (!shape) return null;
      await Promise.all(pass.checks);
      const root: PlannedRoot = {
        key,
        nullable: !isNonNullType(field.type),
        statement: preparedStatement(`select ${sql} as v`),
        params: pass.st.params,
        shape,
      };
      if (pass.shortened) {
        const guarded: Pass = { ...pass, st: new Statement(), checks: [], guarded: true, shortened: false };
        const again = this.value(this.reads.Query?.fields?.[field.name], field, nodes, '', guarded, ROOT, query.name);
        root.guarded = { statement: preparedStatement(`select ${again.sql} as v`), params: guarded.st.params, shape: again.shape! };
      }
      return root;
    } catch (error) {
      // Arguments a resolver refuses (a malformed id in a filter) are left to it, to answer with its own error.
      if (error instanceof NotPlanned || error instanceof GraphQLError) return null;
      throw error;
    }
  }

  /** The SQL of one field's value on the parent row, and how its objects are finished. */
  private value(
    read: FieldRead | undefined,
    field: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    parent: string,
    pass: Pass,
    bound: Bound,
    parentType: string,
  ): { sql: string; shape: ObjectShape | null; finish?: (value: unknown) => unknown; shortAt?: number } {
    if (!read && !(parent === '' && field.name === 'node')) throw new NotPlanned();
    const args = getArgumentValues(field, nodes[0]!, pass.variables);
    for (const arg of field.args) {
      if (args[arg.name] === undefined) continue;
      const check = validateArgument(asInstance(arg.type, args[arg.name]));
      // Awaited once the whole root is planned; a plan given up before that must not leave it an unhandled rejection.
      check.catch(() => undefined);
      pass.checks.push(check);
    }
    const named = getNamedType(field.type);
    const c: ReadContext = {
      parent,
      t: '',
      scope: pass.scope,
      args,
      param: pass.st.param,
      viewerId: () => `${pass.st.param(VIEWER_ID)}::int`,
      publicUrl: () => `${pass.st.param(PUBLIC_URL)}::text`,
    };
    const extensionFinish = field.extensions?.readFinish as ((value: unknown, scope: ReadScope) => unknown) | undefined;
    if (!read) return this.node(nodes, c, pass);
    if (read.kind === 'leaf') {
      if (!isLeafType(named)) throw new NotPlanned();
      const finishers = [read.finish, extensionFinish].filter((f) => f !== undefined);
      const finish = finishers.length ? (value: unknown) => finishers.reduce((v, f) => f(v, pass.scope), value) : undefined;
      return { sql: read.sql(c), shape: null, finish };
    }
    if (!isObjectType(named) || extensionFinish) throw new NotPlanned();
    c.t = pass.st.alias();
    if (read.kind === 'connection') return this.connection(read, named, nodes, c, pass, bound);
    const source = read.source(c);
    const where = source.where ?? 'true';
    if (read.kind === 'one') {
      const object = this.object(named, nodes, c.t, pass, { objects: bound.objects, cut: false });
      const visible = !isNonNullType(field.type) && this.reads[named.name]?.visible;
      const condition = visible ? `${where} and ${visible(c.t, pass.scope)}` : where;
      return {
        sql: `(select ${object.sql} from ${source.from} where ${condition}${source.orderBy ? ` order by ${source.orderBy}` : ''} limit 1)`,
        shape: object.shape,
      };
    }
    if (!isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) throw new NotPlanned();
    const cap = this.deps.rowLimit;
    const natural = source.limit ?? Infinity;
    let rows = cap === null ? natural : Math.min(natural, cap);
    let objects = Infinity;
    let shortAt: number | undefined;
    let guard = false;
    if (cap !== null) {
      const share = Math.floor(cap / bound.objects);
      // A list whose parents stopped once their items reached the cap holds at most the cap and one parent's items.
      if (bound.cut && bound.objects <= cap && this.reads[parentType]?.lengths?.[field.name]) objects = cap + rows;
      else if (rows <= share || natural <= SMALL_LIST) objects = bound.objects * rows;
      else if (pass.guarded || share < MIN_SHARE) {
        guard = true;
        objects = cap;
      } else {
        // Its share and one more row, to tell that it was full: then the guarded statement answers instead.
        shortAt = share;
        rows = share + 1;
        objects = bound.objects * rows;
        pass.shortened = true;
      }
    }
    // Limits are written into the text (a parameter there keeps PostgreSQL planning the statement anew each time).
    const limit = rows === Infinity ? 'all' : String(rows);
    const order = source.orderBy ? ` order by ${source.orderBy}` : '';
    const lengths = this.reads[named.name]?.lengths;
    const names = [...collect(selectionSets(nodes), named, this.schema, pass.fragments, pass.variables).values()].map((f) => f[0]!.name.value);
    const asked = lengths ? names.filter((name) => Object.hasOwn(lengths, name)).map((name) => lengths[name]!(c.t)) : [];
    const cut = asked.length > 0 && cap !== null && bound.objects === 1;
    const object = this.object(named, nodes, c.t, pass, { objects, cut });
    let page = `select ${c.t}.* from ${source.from} where ${where}${order} limit ${limit}`;
    if (cut) {
      // Rows stop once the items asked of the rows before them reach the row limit: the rows read still overflow the budget.
      const size = asked.join(' + ');
      page =
        `select ${c.t}.* from (select ${c.t}.*, sum(${size}) over (${order} rows between unbounded preceding and current row) - (${size}) as hub_before` +
        ` from ${source.from} where ${where}) ${c.t} where ${c.t}.hub_before < ${cap}${order} limit ${limit}`;
    }
    const list = `coalesce(json_agg(${object.sql}), '[]'::json)`;
    const sql = `(select ${guard ? `case when hub_answer_rows(count(*), ${cap}) then ${list} end` : list} from (${page}) ${c.t})`;
    return {
      sql: source.nullUnless ? `case when ${source.nullUnless} then ${sql} end` : sql,
      shape: object.shape,
      shortAt,
    };
  }

  /** node(id): the id names the type, so the statement reads that type's table, where its node rule allows. */
  private node(nodes: FieldNode[], c: ReadContext, pass: Pass): { sql: string; shape: ObjectShape } {
    const decoded = fromGlobalId(c.args.id as string);
    const read = decoded && this.reads[decoded.type];
    const type = decoded && this.schema.getType(decoded.type);
    // Unknown types and ids beyond PostgreSQL's integers are answered null by the resolver.
    if (!decoded || !read?.node || !isObjectType(type) || decoded.id > 2_147_483_647) throw new NotPlanned();
    const t = pass.st.alias();
    const object = this.object(type, nodes, t, pass, ROOT);
    const visible = read.node.visible ? ` and ${read.node.visible(t, pass.scope, c.viewerId)}` : '';
    return { sql: `(select ${object.sql} from ${read.node.table} ${t} where ${t}.id = ${pass.st.param(decoded.id)}${visible})`, shape: object.shape };
  }

  /** json_build_object of the fields asked of an object of `type` on alias `t`. */
  private object(type: GraphQLObjectType, nodes: FieldNode[], t: string, pass: Pass, bound: Bound): { sql: string; shape: ObjectShape } {
    const read = this.reads[type.name];
    if (!read) throw new NotPlanned();
    const fields = collect(selectionSets(nodes), type, this.schema, pass.fragments, pass.variables);
    if (fields.size > MAX_OBJECT_FIELDS) throw new NotPlanned();
    // Response keys and type names are GraphQL names ([_A-Za-z][_0-9A-Za-z]*), safe between SQL quotes as they are.
    const pairs: string[] = [];
    const shape: ObjectShape = { leaves: leavesOf(nodes, type, pass.fragments, this.schema), visits: [] };
    for (const [key, fieldNodes] of fields) {
      const name = fieldNodes[0]!.name.value;
      if (name === '__typename') {
        pairs.push(`'${key}', '${type.name}'`);
        continue;
      }
      const field = type.getFields()[name];
      if (!field) throw new NotPlanned();
      const value = this.value(read.fields?.[name] ?? implicitRead(type.name, read, field), field, fieldNodes, t, pass, bound, type.name);
      pairs.push(`'${key}', ${value.sql}`);
      if (value.shape) shape.visits.push({ key, object: value.shape, shortAt: value.shortAt });
      else if (value.finish) shape.visits.push({ key, finish: value.finish });
    }
    return { sql: `json_build_object(${pairs.join(', ')})`, shape };
  }

  /**
   * A connection: the page's rows (first + 1, after the cursor) numbered in order, then one json_build_object of
   * what is asked: nodes, edges (cursor as its key, finished into the cursor text), pageInfo, totalCount.
   */
  private connection(
    read: ConnectionRead,
    type: GraphQLObjectType,
    nodes: FieldNode[],
    c: ReadContext,
    pass: Pass,
    bound: Bound,
  ): { sql: string; shape: ObjectShape } {
    let first: number;
    let after: CursorKey | undefined;
    try {
      first = pageSize(c.args.first as number | null | undefined, read.defaultFirst);
      after = decodeCursor(c.args.after as string | null | undefined, read.kinds);
    } catch {
      throw new NotPlanned();
    }
    const t = c.t;
    const fields = collect(selectionSets(nodes), type, this.schema, pass.fragments, pass.variables);
    // Only a count (or a typename) asked: no page to read, so none of its parameters either (PostgreSQL cannot type an unused one).
    const paged = [...fields.values()].some((f) => f[0]!.name.value !== 'totalCount' && f[0]!.name.value !== '__typename');
    const source = paged ? read.source(c) : { from: '' };
    const where = [source.where ?? 'true', ...(after && paged ? [read.after(t, after, pass.st.param)] : [])].join(' and ');
    const limit = String(first + 1);
    const pageBound: Bound = { objects: bound.objects * (first + 1), cut: false };
    const inPage = () => `order by s.n) filter (where s.n <= ${first})`;
    const columns: string[] = [`json_build_array(${read.key(t).join(', ')}) as k`];
    const pairs: string[] = [];
    const shape: ObjectShape = { leaves: leavesOf(nodes, type, pass.fragments, this.schema), visits: [] };
    const finishCursor = (value: unknown) => (value == null ? null : encodeCursor(value as CursorKey));
    // A list of the page (nodes, edges): a column of each row, aggregated in the page's order.
    const pageList = (key: string, sql: string) => {
      columns.push(`${sql} as c${columns.length}`);
      pairs.push(`'${key}', coalesce(json_agg(s.c${columns.length - 1} ${inPage()}, '[]'::json)`);
    };
    for (const [key, fieldNodes] of fields) {
      const name = fieldNodes[0]!.name.value;
      const field = type.getFields()[name];
      if (name === '__typename') pairs.push(`'${key}', '${type.name}'`);
      else if (name === 'totalCount') {
        const counted = read.source({ ...c, t: pass.st.alias() });
        pairs.push(`'${key}', (select count(*)::int from ${counted.from} where ${counted.where ?? 'true'})`);
      } else if (name === 'nodes' && field) {
        const node = this.object(getNamedType(field.type) as GraphQLObjectType, fieldNodes, t, pass, pageBound);
        pageList(key, node.sql);
        shape.visits.push({ key, object: node.shape });
      } else if (name === 'edges' && field) {
        const edgeType = getNamedType(field.type) as GraphQLObjectType;
        const edgeFields = collect(selectionSets(fieldNodes), edgeType, this.schema, pass.fragments, pass.variables);
        const edgeShape: ObjectShape = { leaves: leavesOf(fieldNodes, edgeType, pass.fragments, this.schema), visits: [] };
        const edgePairs: string[] = [];
        for (const [edgeKey, edgeNodes] of edgeFields) {
          const edgeName = edgeNodes[0]!.name.value;
          if (edgeName === '__typename') edgePairs.push(`'${edgeKey}', '${edgeType.name}'`);
          else if (edgeName === 'cursor') {
            edgePairs.push(`'${edgeKey}', json_build_array(${read.key(t).join(', ')})`);
            edgeShape.visits.push({ key: edgeKey, finish: finishCursor });
          } else if (edgeName === 'node') {
            const node = this.object(getNamedType(edgeType.getFields().node!.type) as GraphQLObjectType, edgeNodes, t, pass, pageBound);
            edgePairs.push(`'${edgeKey}', ${node.sql}`);
            edgeShape.visits.push({ key: edgeKey, object: node.shape });
          } else throw new NotPlanned();
        }
        pageList(key, `json_build_object(${edgePairs.join(', ')})`);
        shape.visits.push({ key, object: edgeShape });
      } else if (name === 'pageInfo' && field) {
        const infoType = getNamedType(field.type) as GraphQLObjectType;
        const infoFields = collect(selectionSets(fieldNodes), infoType, this.schema, pass.fragments, pass.variables);
        const infoShape: ObjectShape = { leaves: leavesOf(fieldNodes, infoType, pass.fragments, this.schema), visits: [] };
        const infoPairs: string[] = [];
        for (const [infoKey, infoNodes] of infoFields) {
          const infoName = infoNodes[0]!.name.value;
          const sql = {
            __typename: () => `'${infoType.name}'`,
            hasNextPage: () => `count(*) > ${first}`,
            hasPreviousPage: () => (after ? 'true' : 'false'),
            startCursor: () => `(array_agg(s.k ${inPage()})[1]`,
            endCursor: () => `(array_agg(s.k ${inPage()})[least(count(*), ${first})]`,
          }[infoName];
          if (!sql) throw new NotPlanned();
          infoPairs.push(`'${infoKey}', ${sql()}`);
          if (infoName === 'startCursor' || infoName === 'endCursor') infoShape.visits.push({ key: infoKey, finish: finishCursor });
        }
        pairs.push(`'${key}', json_build_object(${infoPairs.join(', ')})`);
        shape.visits.push({ key, object: infoShape });
      } else throw new NotPlanned();
    }
    if (pairs.length > MAX_OBJECT_FIELDS) throw new NotPlanned();
    if (!paged) return { sql: `json_build_object(${pairs.join(', ')})`, shape };
    const page =
      `select ${columns.join(', ')}, row_number() over () as n from ` +
      `(select ${t}.* from ${source.from} where ${where} order by ${read.orderBy(t)} limit ${limit}) ${t}`;
    return { sql: `(select json_build_object(${pairs.join(', ')}) from (${page}) s)`, shape };
  }

  /**
   * Answers the planned root fields, one statement each, and the rest through `resolve`; the answer's keys in the
   * operation's order. A root field whose statement fails is null with its error, as a resolver's would be.
   */
  async run(
    plan: PlannedOperation,
    context: HubContext,
    resolve: (document: DocumentNode) => Promise<ExecutionResult<Record<string, unknown>>>,
  ): Promise<ExecutionResult<Record<string, unknown>>> {
    const budget = context.budget;
    const restAnswer = plan.rest ? resolve(plan.rest) : undefined;
    // Awaited below, after the planned statements: marked as handled now so that an early failure is no unhandled rejection.
    restAnswer?.catch(() => undefined);
    const answers = await Promise.all(
      [...plan.planned.values()].map(async (root) => {
        const answer = async (statement: RootStatement) => {
          const params = statement.params.map((p) => (p === VIEWER_ID ? (context.viewer?.userId ?? null) : p === PUBLIC_URL ? context.publicUrl : p));
          const [row] = await numberedRows(this.deps.em(), statement.statement, params);
          const value = row?.v ?? null;
          countAndFinish(value, statement.shape, budget);
          return value;
        };
        try {
          try {
            return { root, value: await answer(root) };
          } catch (error) {
            if (!(error instanceof Shortened) || !root.guarded) throw error;
            return { root, value: await answer(root.guarded) };
          }
        } catch (error) {
          if ((error as { code?: unknown }).code === TOO_MANY_ROWS && budget) {
            try {
              budget.overflow();
            } catch (tooLarge) {
              return { root, value: null, error: tooLarge as GraphQLError };
            }
          }
          const located =
            error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { path: [root.key], originalError: error as Error });
          return { root, value: null, error: located };
        }
      }),
    );
    const rest = restAnswer ? await restAnswer : undefined;
    const errors = [...(rest?.errors ?? [])];
    let data: Record<string, unknown> | null = {};
    const byKey = new Map(answers.map((a) => [a.root.key, a]));
    for (const key of plan.keys) {
      const answer = byKey.get(key);
      if (!answer) {
        if (rest?.data === null) data = null;
        else if (data) data[key] = rest?.data?.[key] ?? null;
        continue;
      }
      if (answer.error) {
        errors.push(answer.error);
        if (!answer.root.nullable) data = null;
      }
      if (data) data[key] = answer.value;
    }
    const wait = budget?.admission();
    if (wait) await wait.catch(() => undefined);
    return errors.length ? { data, errors } : { data };
  }
}

/**
 * Counts the values of a planned field's answer as the resolvers' budget does, finishing the leaves that need it;
 * throws Shortened (before counting) when a shortened list came back full.
 */
function countAndFinish(value: unknown, shape: ObjectShape, budget: ExecutionBudget | undefined): void {
  let values = 0;
  const visit = (v: unknown, s: ObjectShape, shortAt?: number) => {
    const objects = Array.isArray(v) ? v : v == null ? [] : [v];
    if (shortAt !== undefined && objects.length > shortAt) throw new Shortened();
    values += 1 + s.leaves * objects.length;
    if (!s.visits.length) return;
    for (const object of objects as Record<string, unknown>[]) {
      for (const step of s.visits) {
        if ('finish' in step) object[step.key] = step.finish(object[step.key]);
        else visit(object[step.key], step.object, step.shortAt);
      }
    }
  };
  visit(value, shape);
  budget?.spend(values);
}

function selectionSets(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
}

function leavesOf(nodes: readonly FieldNode[], type: GraphQLObjectType, fragments: Record<string, FragmentDefinitionNode>, schema: GraphQLSchema): number {
  let leaves = 0;
  for (const node of nodes) leaves += leavesIn(node.selectionSet, type, fragments, schema);
  return leaves;
}

/** A field the type's read names as a plain column, or its global id. */
function implicitRead(type: string, read: TypeRead, field: GraphQLField<unknown, unknown>): FieldRead | undefined {
  if (field.name === 'id' && read.node) {
    return { kind: 'leaf', sql: (c) => globalIdSql(type, `${c.parent}.id`) };
  }
  if (!read.columns?.includes(field.name)) return undefined;
  const column = snake(field.name);
  if (getNamedType(field.type).name === 'DateTime') {
    return { kind: 'leaf', sql: (c) => `to_char(${c.parent}.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` };
  }
  return { kind: 'leaf', sql: (c) => `${c.parent}.${column}` };
}

/** The fields of selection sets on an object type by response key, as graphql-js collects them (directives, fragments). */
function collect(
  sets: readonly SelectionSetNode[],
  type: GraphQLObjectType,
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const included = (node: FieldNode | { directives?: FieldNode['directives'] }) =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  const applies = (condition: { name: { value: string } } | undefined) => {
    if (!condition || condition.name.value === type.name) return true;
    const named = schema.getType(condition.name.value);
    return !!named && isAbstractType(named) && schema.isSubType(named, type);
  };
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (visited.has(name) || !fragment || !applies(fragment.typeCondition)) continue;
        visited.add(name);
        visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}
