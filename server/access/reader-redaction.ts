import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../core/context.js';
import { redactContacts } from './redact.js';
import { seesEverything } from './visibility.js';

/**
 * A schema transform: these free-text fields ("Type.field", text or lists of text) reach readers with contact data
 * hidden; every other role reads them as written. Each module names its own free-text fields.
 */
export function withReaderRedaction(coordinates: readonly string[]) {
  return (schema: GraphQLSchema): GraphQLSchema => {
    for (const coordinate of coordinates) {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      if (!field) throw new Error(`withReaderRedaction: the schema has no field ${coordinate}`);
      const resolve: GraphQLFieldResolver<unknown, { viewer: Viewer | null }> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        if (seesEverything(context.viewer)) return value;
        const hide = (text: unknown): unknown => (typeof text === 'string' ? redactContacts(text) : Array.isArray(text) ? text.map(hide) : text);
        return value instanceof Promise ? value.then(hide) : hide(value);
      };
    }
    return schema;
  };
}
