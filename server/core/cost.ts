import {
  GraphQLError,
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { badInput, ErrorCode } from './errors.js';
import { literalDepth, MAX_INPUT_DEPTH, tooDeep } from './input-guard.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/**
 * Query cost: the size of an answer, estimated from the schema before execution.
 * Each object counts 1 and each leaf value 0.1; a list multiplies what is under it by `first` (or its default)
 * when it is paged, otherwise by the expected length below.
 */
const LEAF_COST = 0.1;

export const DEFAULT_LIST_LENGTH = 10;

/**
 * Expected lengths of the lists that take no `first` (the catalogues and an object's small collections): every list
 * field of the schema is either paged or named here (test/cost.test.ts walks the schema). At run time the execution
 * budget counts what the lists really hold, and the lists that grow with the city's data read at most what the
 * budget has left (ExecutionBudget.rowLimit).
 */
export const LIST_LENGTHS: Readonly<Record<string, number>> = {
  'Query.areas': 60,
  'Query.methods': 40,
  'Query.themes': 20,
  'Query.targetGroups': 40,
  'Query.organisations': 80,
  'Query.actionItems': 100,
  'Query.inquiryStats': 200,
  'Query.overlapGroups': 60,
  'OverlapGroup.plans': 2,
  'OverlapGroup.activities': 8,
  'OverlapGroup.overlaps': 8,
  'Activity.areas': 3,
  'Activity.targetGroups': 3,
  'Activity.themes': 3,
  'Activity.inferredThemes': 2,
  'Activity.partners': 3,
  'Activity.schedule': 3,
  'Activity.overlaps': 5,
  'Activity.evaluations': 3,
  'Activity.indicators': 3,
  'Activity.experiences': 3,
  'ActivityPayload.similarActivities': 10,
  // A plan's sheet: a few dozen rows; the whole city's 700 is the large case (a mutation is never cut off by its budget).
  'ImportReport.rows': 200,
  'ImportReport.unknownColumns': 3,
  'ImportRow.errors': 2,
  'InquiriesPayload.stats': 20,
  'InferredMethod.words': 3,
  'Method.keywords': 10,
  'Meeting.agenda': 8,
  'Meeting.decisions': 5,
  'UserError.field': 3,
  'Overlap.activities': 2,
  'Overlap.reasons': 5,
  'OverlapReviewPayload.reviewIds': 1,
  // A group's review names every pair it decided: a group of the board holds a few dozen.
  'OverlapGroupReviewPayload.reviewIds': 30,
  'Plan.areas': 5,
  'Plan.housingOrganisations': 3,
  'Plan.indicators': 5,
  'Area.children': 20,
  'Area.plans': 5,
  'TargetGroup.children': 5,
  'User.plans': 3,
  'User.notificationSettings': 3,
  'NotificationSettingsPayload.settings': 3,
  'SteeringGroup.meetings': 12,
  'SteeringGroup.members': 10,
  'Meeting.actionItems': 5,
  'Indicator.measurements': 12,
};

/** Every mutation payload's userErrors: a handful at most (one per input field). */
const USER_ERRORS_LENGTH = 5;

/**
 * The expected length of a list field without `first`, or undefined when the cost model does not price it.
 * A connection's `nodes` and `edges` are priced by the field that returned the connection.
 */
export function listLength(typeName: string, fieldName: string): number | undefined {
  if (typeName.endsWith('Connection') && (fieldName === 'nodes' || fieldName === 'edges')) return 1;
  if (typeName.endsWith('Payload') && fieldName === 'userErrors') return USER_ERRORS_LENGTH;
  // The coverage matrix is priced by its filter (coverageCells); this is its size without one.
  if (typeName === 'Query' && fieldName === 'coverage') return coverageCells({});
  return LIST_LENGTHS[`${typeName}.${fieldName}`];
}

/**
 * Fields whose work is the whole city's pairs or cells, whatever little is asked of them: they always count as heavy
 * and take a slot of the heavy-query gate.
 */
export const HEAVY_FIELDS: ReadonlySet<string> = new Set(['Query.overlapGroups', 'Query.coverage', 'Query.highlights']);

/** Rows of the coverage matrix by area kind (without areaIds), times target groups, times themes when given. */
const COVERAGE_AREAS: Readonly<Record<string, number>> = { MUNICIPALITY: 1, DISTRICT: 15, ESTATE: 40 };

function coverageCells(args: { filter?: { areaIds?: unknown[]; areaKind?: string; targetGroupIds?: unknown[]; themeIds?: unknown[] } }): number {
  const filter = args.filter ?? {};
  const areas = filter.areaIds?.length ?? COVERAGE_AREAS[filter.areaKind ?? 'DISTRICT'] ?? 40;
  const groups = filter.targetGroupIds?.length ?? LIST_LENGTHS['Query.targetGroups']!;
  return areas * groups * Math.max(1, filter.themeIds?.length ?? 1);
}

/** Default page sizes of the paged fields that do not use the common default. */
const DEFAULT_FIRST: Readonly<Record<string, number>> = { 'Query.similarActivities': 10 };

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const output = getNullableType(field.type);
  const named = getNamedType(output);
  const coordinate = `${type.name}.${field.name}`;
  if (isLeafType(named)) return isListType(output) ? LEAF_COST * (listLength(type.name, field.name) ?? DEFAULT_LIST_LENGTH) : LEAF_COST;
  const base = HEAVY_FIELDS.has(coordinate) ? HEAVY_QUERY_COST : 0;
  // A connection's nodes and edges are counted by the field that returned the connection.
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  const paged = field.args.some((arg) => arg.name === 'first');
  const connection = named.name.endsWith('Connection');
  if (paged && (connection || isListType(output))) {
    const asked = typeof args.first === 'number' ? args.first : (DEFAULT_FIRST[coordinate] ?? DEFAULT_PAGE_SIZE);
    // An out-of-range `first` is refused by the field itself, with a message about `first`.
    const length = Math.max(0, Math.min(asked, MAX_PAGE_SIZE));
    return base + (connection ? 1 + length * childComplexity : length * (1 + childComplexity));
  }
  if (coordinate === 'Query.coverage') return base + coverageCells(args) * (1 + childComplexity);
  if (isListType(output)) return base + (listLength(type.name, field.name) ?? DEFAULT_LIST_LENGTH) * (1 + childComplexity);
  return base + 1 + childComplexity;
};

function limitError(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_LIMIT, limit, http: { status: 400 } } });
}

/** Number of fields written in a document: validation compares fields pairwise, so its work grows with the square of this. */
export function countSelections(document: DocumentNode): number {
  let fields = 0;
  visit(document, {
    Field() {
      fields++;
    },
    FragmentSpread() {
      fields++;
    },
  });
  return fields;
}

/**
 * At most `slots` heavy queries execute at once; the others wait their turn (first come, first served)
 * for at most `maxWaitMs`. Light queries never wait: a reader's simple question is not queued behind a report.
 */
export class HeavyQueryGate {
  private running = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves with the function that gives the slot back, or rejects when no slot came free in time. */
  enter(): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit();
      } else this.running--;
    };
    if (this.running < this.slots) {
      this.running++;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => resolve(release),
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(
            new GraphQLError(`The hub is busy with other large queries; try again in a few seconds.`, {
              extensions: { code: ErrorCode.BUSY, http: { status: 503, headers: new HeaderMap([['retry-after', '5']]) } },
            }),
          );
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }
}

/** Queries estimated above this cost count as heavy and take a slot of the gate. */
export const HEAVY_QUERY_COST = 2000;

export interface CostLimits {
  /** Highest estimated cost of an operation; 0 switches the check off. */
  cost: number;
  /** Most fields (and fragment spreads) a document may write; 0 switches the check off. */
  selections: number;
  /** Most tokens a document may have (the parser's limit); 0 switches it off. */
  tokens: number;
  /** Most fields a query's answer may resolve; 0 switches the check off. */
  answerFields: number;
  /** Longest a query may execute, in ms; 0 switches the check off. */
  executionMs: number;
  /** Heavy queries executing at once; 0 switches the gate off. */
  heavyQueries: number;
}

/** Fields counted per query text up to 20 kB (the same few are asked again and again; at most 10 MB), oldest out first. */
const selectionCounts = new Map<string, number>();

/**
 * Validation compares the fields of a selection set pairwise: a document with too many is refused before Apollo
 * parses and validates it (Apollo answers errors thrown from its own hooks there with 500).
 * Returns the error to answer, or null; documents that do not parse are left to Apollo's parser and its message.
 */
export function tooManySelections(query: unknown, limits: Pick<CostLimits, 'selections' | 'tokens'>): GraphQLError | null {
  if (typeof query !== 'string') return null;
  let selections = selectionCounts.get(query);
  if (selections === undefined) {
    let document: DocumentNode;
    try {
      document = parse(query, limits.tokens > 0 ? { maxTokens: limits.tokens } : {});
    } catch {
      return null;
    }
    // Input values written in the document count like variables: too deep is refused before validation walks them.
    selections = literalDepth(document) > MAX_INPUT_DEPTH ? Infinity : countSelections(document);
    if (query.length <= 20_000) {
      if (selectionCounts.size >= 500) selectionCounts.delete(selectionCounts.keys().next().value!);
      selectionCounts.set(query, selections);
    }
  }
  if (selections === Infinity) return badInput(tooDeep('Input values written in the query'));
  if (limits.selections <= 0 || selections <= limits.selections) return null;
  return limitError(
    `The document has ${selections} fields, more than the limit of ${limits.selections} (HUB_MAX_SELECTIONS): ask for fewer fields.`,
    'HUB_MAX_SELECTIONS',
  );
}

/**
 * Estimates already made, per parsed document (Apollo keeps one object per query text) and per operation name and
 * variables: the same question asked again is not walked again. Bounded per document; large variables are not kept.
 */
export class CostEstimates {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  cost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, estimate: () => number): number {
    const vars = variables && Object.keys(variables).length ? JSON.stringify(variables) : '';
    if (vars.length > 1_000) return estimate();
    const key = `${operationName ?? ''}\n${vars}`;
    let known = this.byDocument.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    const cost = estimate();
    if (!known) this.byDocument.set(document, (known = new Map()));
    if (known.size >= 64) known.clear();
    known.set(key, cost);
    return cost;
  }
}

/**
 * Refuses, with HTTP 400 naming the limit, operations whose estimated cost is above the limit (before execution, with the variables).
 * Queries then run on a budget (see withExecutionBudget); one that runs out is answered with that error alone.
 * Mutations have no budget: stopping one after it committed would hide a write that happened.
 */
export function costPlugin<C extends { budget?: ExecutionBudget; held: HeldSlot }>(schema: GraphQLSchema, limits: CostLimits): ApolloServerPlugin<C> {
  const gate = limits.heavyQueries > 0 ? new HeavyQueryGate(limits.heavyQueries, 10_000) : undefined;
  const estimates = new CostEstimates();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, contextValue }) {
          if (operation?.operation === 'query' && (limits.answerFields > 0 || limits.executionMs > 0)) {
            contextValue.budget = new ExecutionBudget(limits.answerFields, limits.executionMs, gate && { enter: () => gate.enter(), held: contextValue.held });
          }
          let cost: number;
          try {
            cost = estimates.cost(document, operationName, request.variables, () =>
              getComplexity({
                estimators: [costEstimator],
                schema,
                query: document,
                operationName: operationName ?? undefined,
                variables: request.variables ?? {},
              }),
            );
          } catch (error) {
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
              throw limitError('The query expands to too many fields through its fragments (HUB_MAX_COST).', 'HUB_MAX_COST');
            }
            // Variables that do not fit the operation are refused by execution with a clear error.
            return;
          }
          if (limits.cost > 0 && cost > limits.cost) {
            throw limitError(
              `The query may return about ${Math.round(cost).toLocaleString('en')} objects, more than the limit of ${limits.cost.toLocaleString('en')} (HUB_MAX_COST): ` +
                'ask for fewer items with `first`, or for fewer nested lists.',
              'HUB_MAX_COST',
            );
          }
          // The caller gives the slot back when the response is complete (core/http.ts).
          if (gate && operation?.operation === 'query' && cost > HEAVY_QUERY_COST) {
            const release = await gate.enter();
            if (contextValue.held.done) release();
            else contextValue.held.release = release;
          }
        },
        async willSendResponse({ response, contextValue }) {
          const stoppedBy = contextValue.budget?.stoppedBy;
          if (!stoppedBy || response.body.kind !== 'single') return;
          // A partial answer full of nulls would mislead: the whole query is refused instead (400 for a limit, 503 when busy).
          const { code, limit, http } = stoppedBy.extensions as { code: string; limit?: string; http?: { status?: number; headers?: HeaderMap } };
          response.body.singleResult = { errors: [{ message: stoppedBy.message, extensions: { code, ...(limit ? { limit } : {}) } }] };
          response.http.status = http?.status ?? 400;
          for (const [name, value] of http?.headers ?? []) response.http.headers.set(name, value);
        },
      };
    },
  };
}

/** A slot of the heavy-query gate a request holds until its response is written; `done` once it is (a slot that comes later goes straight back). */
export interface HeldSlot {
  release?: () => void;
  done?: boolean;
}

/** Values an answer may reach before its query counts as heavy even if its estimate was small: it then waits for a slot of the gate. */
export const HEAVY_ANSWER_VALUES = 5000;

/** How a query that turns out heavy while it runs takes a slot of the heavy-query gate. */
export interface HeavyAdmission {
  /** Resolves with the function that gives the slot back; rejects (BUSY) when none came free in time. */
  enter(): Promise<() => void>;
  /** Where the request keeps its slot until the response is written; set when it already holds one. */
  held: HeldSlot;
}

/** What one execution may consume: fields resolved and wall-clock time. */
export class ExecutionBudget {
  private fields = 0;
  private exceeded: GraphQLError | null = null;
  private readonly deadline: number;
  private admitting: Promise<void> | null = null;
  private prepaid?: WeakSet<GraphQLResolveInfo>;

  constructor(
    private readonly maxFields: number,
    maxMs: number,
    private readonly heavy?: HeavyAdmission,
  ) {
    this.deadline = maxMs > 0 ? performance.now() + maxMs : Infinity;
  }

  /** The error that stopped this execution, if one did. */
  get stoppedBy(): GraphQLError | null {
    return this.exceeded;
  }

  private tooLarge(): GraphQLError {
    this.exceeded = limitError(
      `The answer would hold more than ${this.maxFields.toLocaleString('en')} values (HUB_MAX_ANSWER_FIELDS): ask for fewer items or fields.`,
      'HUB_MAX_ANSWER_FIELDS',
    );
    return this.exceeded;
  }

  /** Counts `values` of the answer; throws once the answer is too large or too slow, and for every count after. */
  spend(values = 1): void {
    if (this.exceeded) throw this.exceeded;
    const before = this.fields;
    this.fields += values;
    if (this.maxFields > 0 && this.fields > this.maxFields) throw this.tooLarge();
    // Reading the clock once every 256 values keeps the check cheap.
    if (before >>> 8 !== this.fields >>> 8 && performance.now() > this.deadline) {
      this.exceeded = limitError('The query took too long and was stopped (HUB_MAX_EXECUTION_MS): ask for less at once.', 'HUB_MAX_EXECUTION_MS');
      throw this.exceeded;
    }
  }

  /**
   * The most rows a list that grows with the city's data may read for this query (each row is at least one value
   * of the answer): what the budget has left, plus one to tell that it overflowed. Null without a limit.
   */
  rowLimit(): number | null {
    if (this.exceeded) throw this.exceeded;
    return this.maxFields > 0 ? this.maxFields - this.fields + 1 : null;
  }

  /**
   * Counts a list's items (each one value, plus the leaf fields asked of it) before they are read: for lists whose
   * length is known first (an overlap group's pairs), so that one that cannot fit is refused before any is read.
   */
  prepay(info: GraphQLResolveInfo, items: number): void {
    this.spend(items * (1 + leavesUnder(info)));
    (this.prepaid ??= new WeakSet()).add(info);
  }

  /** Whether this field's items were counted by prepay already. */
  paidFor(info: GraphQLResolveInfo): boolean {
    return this.prepaid?.has(info) ?? false;
  }

  /** Called by a list that read more rows than rowLimit allowed: the answer cannot fit. */
  overflow(): never {
    throw this.tooLarge();
  }

  /**
   * Once the answer has grown past HEAVY_ANSWER_VALUES, a query that holds no slot of the heavy-query gate waits for
   * one (whatever its estimate said), so that at most the gate's number of large answers are built at once.
   * Returns the wait, or null when there is nothing to wait for.
   */
  admission(): Promise<void> | null {
    if (!this.heavy || this.heavy.held.release || this.fields <= HEAVY_ANSWER_VALUES) return this.admitting;
    this.admitting ??= this.heavy.enter().then(
      (release) => {
        // The answer may have been sent already (another field failed meanwhile): then the slot goes straight back.
        if (this.heavy!.held.done) release();
        else this.heavy!.held.release = release;
        this.admitting = null;
      },
      (error: GraphQLError) => {
        this.exceeded = error;
        throw error;
      },
    );
    return this.admitting;
  }
}

/** Leaf fields written directly under a field (through fragments too), per field node: what each object of its value adds. */
const leafCounts = new WeakMap<FieldNode, number>();

/** Leaf fields written in a selection set (through fragments, skipped ones too): what each object of its value adds to the answer. */
export function leavesIn(
  selectionSet: SelectionSetNode | undefined,
  parent: GraphQLNamedType,
  fragments: Record<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
): number {
  let leaves = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') leaves++;
      else if (isObjectType(parent) || isInterfaceType(parent)) {
        const field = parent.getFields()[selection.name.value];
        if (field && isLeafType(getNamedType(field.type))) leaves++;
      }
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      const condition = fragment?.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      leaves += leavesIn(fragment?.selectionSet, condition ?? parent, fragments, schema);
    }
  }
  return leaves;
}

function leavesUnder(info: GraphQLResolveInfo): number {
  const key = info.fieldNodes[0]!;
  let leaves = leafCounts.get(key);
  if (leaves === undefined) {
    leaves = 0;
    for (const node of info.fieldNodes) leaves += leavesIn(node.selectionSet, getNamedType(info.returnType), info.fragments, info.schema);
    leafCounts.set(key, leaves);
  }
  return leaves;
}

const objectsIn = (value: unknown): number => (Array.isArray(value) ? value.length : value == null ? 0 : 1);

/**
 * Makes the answer's values spend from the request's budget (`context.budget`): each field that returns objects
 * spends one when it resolves and, once its value is there, one per leaf field asked of each object. Leaf fields
 * keep no wrapper, so executors read them straight off the object.
 */
export function withExecutionBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isLeafType(getNamedType(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, { budget?: ExecutionBudget }> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = context.budget;
        if (!budget) return resolve(source, args, context, info);
        budget.spend();
        const value = resolve(source, args, context, info);
        const leaves = budget.paidFor(info) ? 0 : leavesUnder(info);
        const counted = (resolved: unknown) => {
          if (leaves > 0) budget.spend(leaves * objectsIn(resolved));
          const wait = budget.admission();
          return wait ? wait.then(() => resolved) : resolved;
        };
        if (leaves === 0 && !budget.admission()) return value;
        return value instanceof Promise ? value.then(counted) : counted(value);
      };
    }
  }
  return schema;
}
