import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rows } from './sql.js';

type Row = Record<string, unknown>;
type Mapper<T> = ((row: Row) => T) & { columns: string; table: string };

// One mapper per entity class: built once from MikroORM's metadata, then reused by every request.
const mappers = new WeakMap<object, Mapper<object>>();

/**
 * Rows as read models: objects of the entity's class (so `instanceof`, GraphQL type resolution and the field
 * resolvers work unchanged) holding its scalar properties, converted as MikroORM converts them, and each
 * reference as a stub of its target class with just the id. They never enter the identity map or the unit
 * of work: reads skip the bookkeeping that writes need, which was a third of a nested read's CPU.
 * Collections are not set: their resolvers go through loaders.
 */
export function readModelOf<T extends object>(em: EntityManager, entity: EntityClass<T>): Mapper<T> {
  const known = mappers.get(entity);
  if (known) return known as Mapper<T>;
  const meta = em.getMetadata().get(entity) as EntityMetadata<T>;
  const platform = em.getPlatform();
  const steps: ((row: Row, target: Record<string, unknown>) => void)[] = [];
  const columns: string[] = [];
  for (const prop of Object.values(meta.properties) as EntityProperty<T>[]) {
    if (prop.persist === false || prop.embedded || prop.formula || prop.lazy) continue;
    const field = prop.fieldNames?.[0];
    if (!field) continue;
    const name = prop.name as string;
    if (prop.kind === ReferenceKind.SCALAR) {
      columns.push(field);
      const type = prop.customType;
      if (prop.runtimeType === 'Date') {
        // Timestamps come from the driver as text; MikroORM's hydrator parses them into Dates.
        steps.push((row, target) => {
          const v = row[field];
          target[name] = v == null || v instanceof Date ? v : platform.parseDate(v as string);
        });
      } else if (type) {
        // MikroORM's own conversions (dates as 'YYYY-MM-DD', JSON, arrays).
        steps.push((row, target) => {
          const v = row[field];
          target[name] = v == null ? v : type.convertToJSValue(v, platform);
        });
      } else {
        steps.push((row, target) => {
          target[name] = row[field];
        });
      }
    } else if ((prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) && prop.fieldNames.length === 1) {
      columns.push(field);
      const targetProto = prop.targetMeta!.prototype as object;
      steps.push((row, target) => {
        const id = row[field];
        target[name] = id == null ? null : Object.assign(Object.create(targetProto) as object, { id: Number(id) });
      });
    }
  }
  // MikroORM puts setters on the entity's prototype that create its change-tracking helper on first write. Plain
  // data properties on a prototype in between take the writes instead; the object is still an instance of the class.
  const proto = Object.create(meta.prototype as object) as object;
  for (const prop of Object.values(meta.properties) as EntityProperty<T>[]) {
    Object.defineProperty(proto, prop.name, { value: undefined, writable: true, enumerable: false, configurable: true });
  }
  const map = ((row: Row) => {
    const target = Object.create(proto) as Record<string, unknown>;
    for (const step of steps) step(row, target);
    return target as T;
  }) as Mapper<T>;
  map.columns = columns.map((c) => `t.${c}`).join(', ');
  map.table = meta.tableName;
  mappers.set(entity, map as Mapper<object>);
  return map;
}

/** Every row of an entity's table (alias t) as read models, ordered by `orderBy`, optionally narrowed by `where`. */
export async function readAll<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  orderBy: string,
  where = 'true',
  params: unknown[] = [],
): Promise<T[]> {
  const toModel = readModelOf(em, entity);
  return (await rows(em, `select ${toModel.columns} from ${toModel.table} t where ${where} order by ${orderBy}`, params)).map(toModel);
}
