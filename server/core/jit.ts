import { execute, GraphQLError, isInterfaceType, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { HubContext } from './context.js';
import type { ReadPlanner } from './planner.js';

// graphql-jit's errors have read-only messages, which graphql-armor's suggestion blocker rewrites.
const upstreamError = (error: GraphQLError): GraphQLError => {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  if (error.locations) Object.defineProperty(copy, 'locations', { value: error.locations, enumerable: true });
  return copy;
};

/**
 * Apollo executes through this "gateway": a query's root fields that the read planner covers are answered by one SQL
 * statement each (core/planner.ts); everything else is compiled once per document by graphql-jit into plain
 * functions (no per-field interpretation of the selection), or interpreted by graphql-js when `compile` is off.
 * Apollo's cache of parsed documents keeps the document objects alive, so compiled operations live exactly as long
 * as the documents they belong to. An operation that does not compile or whose variables do not fit is answered by
 * graphql-js, so bad input reads exactly as before. `typeName` gives each interface a synchronous type resolver:
 * graphql-jit does not await one.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  typeName: (value: object) => string,
  options: { compile?: boolean; planner?: ReadPlanner } = {},
): GatewayInterface {
  const { compile: compiling = true, planner } = options;
  for (const type of Object.values(schema.getTypeMap())) if (isInterfaceType(type)) type.resolveType = typeName;
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compile = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    if (!compiling) return null;
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let entry = byName.get(operationName ?? '');
    if (entry === undefined) {
      // Resolver errors keep their own stacks; the hub formats every error itself.
      const query = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      entry = isCompiledQuery(query) ? query : null;
      byName.set(operationName ?? '', entry);
    }
    return entry;
  };
  const resolve = async (
    document: DocumentNode,
    operationName: string | null,
    variableValues: Record<string, unknown>,
    context: unknown,
  ): Promise<ExecutionResult<Record<string, unknown>>> => {
    const query = compile(document, operationName);
    const result = query ? ((await query.query(undefined, context, variableValues)) as ExecutionResult<Record<string, unknown>>) : undefined;
    // Only a refusal before execution is answered again (never a mutation twice): variables that did not coerce.
    const refusedVariables = result?.data === undefined && !!result?.errors?.length && result.errors.every((error) => error.message.startsWith('Variable "$'));
    if (!result || refusedVariables) {
      return (await execute({ schema, document, operationName, variableValues, contextValue: context })) as ExecutionResult<Record<string, unknown>>;
    }
    return result.errors ? { ...result, errors: result.errors.map(upstreamError) } : result;
  };
  return {
    async load() {
      return {
        executor: async ({ document, operationName, request, context }) => {
          const variableValues = request.variables ?? {};
          const plan = await planner?.prepare(document, operationName, variableValues, context as HubContext);
          if (plan) return planner!.run(plan, context as HubContext, (rest) => resolve(rest, operationName, variableValues, context));
          return resolve(document, operationName, variableValues, context);
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
