import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql gives every plain field (a property or getter, no resolver method) a resolver that runs its
 * middleware chain; the hub has no field middleware, so such fields are read straight off the object instead:
 * no resolver at all where the schema name is the property's (executors then read the property inline),
 * a one-line read where they differ (`id` is the getter `globalId`). A field declared `simple: false` keeps its
 * resolver: its value may be a promise, which an executor awaits only from a resolver.
 */
export function withPlainFields(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const hasResolver = (target: object, name: string) =>
    storage.fieldResolvers.some((resolver) => resolver.methodName === name && resolver.getObjectType?.() === target);
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || !objectType.fields) continue;
    const interfaceFields = storage.interfaceTypes.filter((it) => objectType.interfaceClasses?.includes(it.target)).flatMap((it) => it.fields ?? []);
    const fields = type.getFields();
    for (const meta of [...interfaceFields, ...objectType.fields]) {
      const field = fields[meta.schemaName];
      if (!field || meta.simple === false || meta.middlewares?.length || meta.roles?.length || hasResolver(meta.target, meta.name)) continue;
      const property = meta.name;
      field.resolve = property === meta.schemaName ? undefined : (source: Record<string, unknown>) => source[property];
    }
  }
  return schema;
}
