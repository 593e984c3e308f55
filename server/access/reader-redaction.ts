import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../core/context.js';
import { redactContacts } from './redact.js';
import { seesEverything } from './visibility.js';

/**
 * A schema transform: these free-text fields ("Type.field", text or lists of text) reach readers with contact data
 * hidden; every other role reads them as written. Each module names its own free-text fields.
 */
const hide = (text: unknown): unknown => (typeof text === 'string' ? redactContacts(text) : Array.isArray(text) ? text.map(hide) : text);

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
        return value instanceof Promise ? value.then(hide) : hide(value);
      };
      // The read planner finishes the field's value the same way (core/planner.ts).
      field.extensions = { ...field.extensions, readFinish: (value: unknown, scope: { restricted: boolean }) => (scope.restricted ? hide(value) : value) };
    }
    return schema;
  };
}
