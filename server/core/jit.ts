import { execute, GraphQLError, isInterfaceType, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

// graphql-jit's errors have read-only messages, which graphql-armor's suggestion blocker rewrites.
const upstreamError = (error: GraphQLError): GraphQLError => {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  if (error.locations) Object.defineProperty(copy, 'locations', { value: error.locations, enumerable: true });
  return copy;
};

/**
 * Apollo executes through this "gateway" so that each document is compiled once by graphql-jit into plain
 * functions (no per-field interpretation of the selection); Apollo's cache of parsed documents keeps the document
 * objects alive, so compiled operations live exactly as long as the documents they belong to. An operation that
 * does not compile or whose variables do not fit is answered by graphql-js, so bad input reads exactly as before.
 * `typeName` gives each interface a synchronous type resolver: graphql-jit does not await one.
 */
export function compiledExecution(schema: GraphQLSchema, typeName: (value: object) => string): GatewayInterface {
  for (const type of Object.values(schema.getTypeMap())) if (isInterfaceType(type)) type.resolveType = typeName;
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compile = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
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
  return {
    async load() {
      return {
        executor: async ({ document, operationName, request, context }) => {
          const variableValues = request.variables ?? {};
          const query = compile(document, operationName);
          const result = query ? ((await query.query(undefined, context, variableValues)) as ExecutionResult<Record<string, unknown>>) : undefined;
          // Only a refusal before execution is answered again (never a mutation twice): variables that did not coerce.
          const refusedVariables =
            result?.data === undefined && !!result?.errors?.length && result.errors.every((error) => error.message.startsWith('Variable "$'));
          if (!result || refusedVariables) {
            return (await execute({ schema, document, operationName, variableValues, contextValue: context })) as ExecutionResult<Record<string, unknown>>;
          }
          return result.errors ? { ...result, errors: result.errors.map(upstreamError) } : result;
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
