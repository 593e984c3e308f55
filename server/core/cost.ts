import {
  GraphQLError,
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  parse,
  visit,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from './errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/**
 * Query cost: the size of an answer, estimated from the schema before execution.
 * Each object counts 1 and each leaf value 0.1; a list multiplies what is under it by `first` (or its default)
 * when it is paged, otherwise by the expected length below.
 */
const LEAF_COST = 0.1;

export const DEFAULT_LIST_LENGTH = 10;

/** Expected lengths of the lists that take no `first` (the catalogues and an object's small collections). */
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
  'Overlap.activities': 2,
  'Overlap.reasons': 5,
  'Plan.areas': 5,
  'Plan.housingOrganisations': 3,
  'Plan.indicators': 5,
  'Area.children': 20,
  'Area.plans': 5,
  'TargetGroup.children': 5,
  'User.plans': 3,
  'SteeringGroup.meetings': 12,
  'SteeringGroup.members': 10,
  'Meeting.actionItems': 5,
  'Indicator.measurements': 12,
};

/** Rows of the coverage matrix by area kind (without areaIds), times target groups, times themes when given. */
const COVERAGE_AREAS: Readonly<Record<string, number>> = { MUNICIPALITY: 1, DISTRICT: 15, ESTATE: 40 };

function coverageCells(args: Record<string, any>): number {
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
  if (isLeafType(named)) return isListType(output) ? LEAF_COST * DEFAULT_LIST_LENGTH : LEAF_COST;
  const coordinate = `${type.name}.${field.name}`;
  // A connection's nodes and edges are counted by the field that returned the connection.
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  const paged = field.args.some((arg) => arg.name === 'first');
  const connection = named.name.endsWith('Connection');
  if (paged && (connection || isListType(output))) {
    const asked = typeof args.first === 'number' ? args.first : (DEFAULT_FIRST[coordinate] ?? DEFAULT_PAGE_SIZE);
    // An out-of-range `first` is refused by the field itself, with a message about `first`.
    const length = Math.max(0, Math.min(asked, MAX_PAGE_SIZE));
    return connection ? 1 + length * childComplexity : length * (1 + childComplexity);
  }
  if (coordinate === 'Query.coverage') return coverageCells(args) * (1 + childComplexity);
  if (isListType(output)) return (LIST_LENGTHS[coordinate] ?? DEFAULT_LIST_LENGTH) * (1 + childComplexity);
  return 1 + childComplexity;
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

/**
 * Validation compares the fields of a selection set pairwise: a document with too many is refused before Apollo
 * parses and validates it (Apollo answers errors thrown from its own hooks there with 500).
 * Returns the error to answer, or null; documents that do not parse are left to Apollo's parser and its message.
 */
export function tooManySelections(query: unknown, limits: Pick<CostLimits, 'selections' | 'tokens'>): GraphQLError | null {
  if (limits.selections <= 0 || typeof query !== 'string') return null;
  let document: DocumentNode;
  try {
    document = parse(query, limits.tokens > 0 ? { maxTokens: limits.tokens } : {});
  } catch {
    return null;
  }
  const selections = countSelections(document);
  if (selections <= limits.selections) return null;
  return limitError(
    `The document has ${selections} fields, more than the limit of ${limits.selections} (HUB_MAX_SELECTIONS): ask for fewer fields.`,
    'HUB_MAX_SELECTIONS',
  );
}

/**
 * Refuses, with HTTP 400 naming the limit, operations whose estimated cost is above the limit (before execution, with the variables).
 * Queries then run on a budget (see withExecutionBudget); one that runs out is answered with that error alone.
 * Mutations have no budget: stopping one after it committed would hide a write that happened.
 */
export function costPlugin<C extends { budget?: ExecutionBudget; held: { release?: () => void } }>(schema: GraphQLSchema, limits: CostLimits): ApolloServerPlugin<C> {
  const gate = limits.heavyQueries > 0 ? new HeavyQueryGate(limits.heavyQueries, 10_000) : undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, contextValue }) {
          if (operation?.operation === 'query' && (limits.answerFields > 0 || limits.executionMs > 0)) {
            contextValue.budget = new ExecutionBudget(limits.answerFields, limits.executionMs);
          }
          let cost: number;
          try {
            cost = getComplexity({ estimators: [costEstimator], schema, query: document, operationName: operationName ?? undefined, variables: request.variables ?? {} });
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
          if (gate && operation?.operation === 'query' && cost > HEAVY_QUERY_COST) contextValue.held.release = await gate.enter();
        },
        async willSendResponse({ response, contextValue }) {
          const stoppedBy = contextValue.budget?.stoppedBy;
          if (!stoppedBy || response.body.kind !== 'single') return;
          // A partial answer full of nulls would mislead: the whole query is refused instead.
          response.body.singleResult = { errors: [{ message: stoppedBy.message, extensions: { code: ErrorCode.QUERY_LIMIT, limit: stoppedBy.extensions.limit } }] };
          response.http.status = 400;
        },
      };
    },
  };
}

/** What one execution may consume: fields resolved and wall-clock time. */
export class ExecutionBudget {
  private fields = 0;
  private exceeded: GraphQLError | null = null;
  private readonly deadline: number;

  constructor(
    private readonly maxFields: number,
    maxMs: number,
  ) {
    this.deadline = maxMs > 0 ? performance.now() + maxMs : Infinity;
  }

  /** The error that stopped this execution, if one did. */
  get stoppedBy(): GraphQLError | null {
    return this.exceeded;
  }

  /** Counts one resolved field; throws once the answer is too large or too slow, and for every field after. */
  spend(): void {
    if (this.exceeded) throw this.exceeded;
    this.fields++;
    if (this.maxFields > 0 && this.fields > this.maxFields) {
      this.exceeded = limitError(
        `The answer would hold more than ${this.maxFields.toLocaleString('en')} values (HUB_MAX_ANSWER_FIELDS): ask for fewer items or fields.`,
        'HUB_MAX_ANSWER_FIELDS',
      );
      throw this.exceeded;
    }
    // Reading the clock on every 256th field keeps the check cheap.
    if ((this.fields & 255) === 0 && performance.now() > this.deadline) {
      this.exceeded = limitError('The query took too long and was stopped (HUB_MAX_EXECUTION_MS): ask for less at once.', 'HUB_MAX_EXECUTION_MS');
      throw this.exceeded;
    }
  }
}

/** Makes every field of the schema spend from the request's budget (`context.budget`) before it resolves. */
export function withExecutionBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, { budget?: ExecutionBudget }> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        context.budget?.spend();
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
