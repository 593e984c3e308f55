import { wrap, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { readModelOf } from './read-model.js';
import { pgArray, rows } from './sql.js';

/** Loads by primary key, one query per batch: what the request's unit of work holds (fresh after its own writes), else read models. */
export function byIdLoader<T extends { id: number }>(em: EntityManager, entity: EntityClass<T>): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const uow = em.getUnitOfWork();
    const found = new Map<number, T>();
    const missing: number[] = [];
    for (const id of ids) {
      // Ids are PostgreSQL integers: one outside their range names nothing (and would fail the ::int[] cast).
      if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) continue;
      const known = uow.getById<T>(entity, id as never);
      if (known && wrap(known).isInitialized()) found.set(id, known);
      else missing.push(id);
    }
    if (missing.length) {
      const toModel = readModelOf(em, entity);
      const loaded = await rows(em, `select ${toModel.columns} from ${toModel.table} t where t.id = any(?::int[])`, [pgArray(missing)]);
      for (const row of loaded) found.set(Number(row.id), toModel(row));
    }
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Maps rows to read models once per id within a batch (rows of reference data repeat a lot). */
function entityMapper<T extends object>(em: EntityManager, entity: EntityClass<T>) {
  const toModel = readModelOf(em, entity);
  const mapped = new Map<number, T>();
  return (row: Record<string, unknown>): T => {
    const id = Number(row.id);
    let item = mapped.get(id);
    if (!item) {
      item = toModel(row);
      mapped.set(id, item);
    }
    return item;
  };
}

/** Groups rows of `sql` (which selects the target's columns plus an `__owner` column) by owner. */
export function groupedLoader<T extends object>(em: EntityManager, entity: EntityClass<T>, sql: string): DataLoader<number, T[]> {
  return new DataLoader(async (ownerIds) => {
    const result = await rows(em, sql, [pgArray(ownerIds)]);
    const toEntity = entityMapper(em, entity);
    const byOwner = new Map<number, T[]>(ownerIds.map((id) => [id, []]));
    for (const row of result) {
      const owner = Number(row.__owner);
      delete row.__owner;
      byOwner.get(owner)?.push(toEntity(row));
    }
    return ownerIds.map((id) => byOwner.get(id) ?? []);
  });
}

/** The targets of a many-to-many pivot table for each owner id, ordered by `orderBy` on the target. */
export function pivotLoader<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  pivot: { table: string; owner: string; target: string; targetTable: string; orderBy: string },
): DataLoader<number, T[]> {
  return groupedLoader(
    em,
    entity,
    `select p.${pivot.owner} as __owner, t.* from ${pivot.table} p join ${pivot.targetTable} t on t.id = p.${pivot.target} ` +
      `where p.${pivot.owner} = any(?::int[]) order by ${pivot.orderBy}, t.id`,
  );
}

/** Keys with the same arguments share one statement; the owners differ. */
export function byArguments<K extends { ownerId: number }, V>(
  argumentsOf: (key: K) => unknown[],
  load: (ownerIds: number[], sample: K) => Promise<Map<number, V>>,
  empty: V,
) {
  const argumentsKey = (key: K) => JSON.stringify(argumentsOf(key));
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const key of keys) {
        const group = argumentsKey(key);
        const members = groups.get(group);
        if (members) members.push(key);
        else groups.set(group, [key]);
      }
      const found = new Map<string, V>();
      for (const [group, members] of groups) {
        const result = await load([...new Set(members.map((m) => m.ownerId))], members[0]!);
        for (const member of members) found.set(`${member.ownerId}:${group}`, result.get(member.ownerId) ?? empty);
      }
      return keys.map((key) => found.get(`${key.ownerId}:${argumentsKey(key)}`) ?? empty);
    },
    { cacheKeyFn: (key) => `${key.ownerId}:${argumentsKey(key)}` },
  );
}
