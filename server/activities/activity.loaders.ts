import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Activity } from './activity.entity.js';
import type { ActivityCriteria } from './activity.filter.js';
import { countActivitiesByOwner, findActivityPagesByOwner } from './activity.query.js';

export interface ActivityPageKey {
  ownerId: number;
  criteria: ActivityCriteria;
  first: number;
  afterId: number | undefined;
}

/** Keys with the same arguments share one statement; the owners differ. */
function byArguments<K extends { ownerId: number }, V>(argumentsOf: (key: K) => unknown[], load: (ownerIds: number[], sample: K) => Promise<Map<number, V>>, empty: V) {
  const argumentsKey = (key: K) => JSON.stringify(argumentsOf(key));
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, K[]>();
      for (const key of keys) groups.set(argumentsKey(key), [...(groups.get(argumentsKey(key)) ?? []), key]);
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

/** Nested activity connections (Plan.activities, Method.activities): one statement per distinct set of arguments. */
export function activityPagesLoader(em: EntityManager, ownerColumn: 'plan_id' | 'method_id') {
  return byArguments<ActivityPageKey, Activity[]>(
    (key) => [key.criteria, key.first, key.afterId ?? null],
    (ownerIds, { criteria, first, afterId }) => findActivityPagesByOwner(em, ownerColumn, ownerIds, criteria, first, afterId),
    [],
  );
}

/** Their totalCount, for the queries that select it: one statement per distinct filter. */
export function activityCountsLoader(em: EntityManager, ownerColumn: 'plan_id' | 'method_id') {
  return byArguments<{ ownerId: number; criteria: ActivityCriteria }, number>(
    (key) => [key.criteria],
    (ownerIds, { criteria }) => countActivitiesByOwner(em, ownerColumn, ownerIds, criteria),
    0,
  );
}
