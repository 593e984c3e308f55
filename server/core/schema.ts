import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { withExecutionBudget } from './cost.js';
import { validateArgument } from './input-guard.js';
import type { ResolverClass } from './module.js';
import { withPlainFields } from './plain-fields.js';

/** Builds the GraphQL schema from the modules' resolvers; their own transforms run between core's (plain fields first, the execution budget last). */
export async function buildHubSchema(
  resolvers: readonly ResolverClass[],
  transforms: readonly ((schema: GraphQLSchema) => GraphQLSchema)[] = [],
): Promise<GraphQLSchema> {
  if (resolvers.length === 0) throw new Error('A schema needs at least one resolver');
  const schema = await buildSchema({ resolvers: [...resolvers] as NonEmptyArray<ResolverClass>, validateFn: validateArgument, emitSchemaFile: false });
  return withExecutionBudget(transforms.reduce((built, transform) => transform(built), withPlainFields(schema)));
}
