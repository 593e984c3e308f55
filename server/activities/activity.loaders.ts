import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ActivityCriteria } from './activity.filter.js';
import { findActivityPagesByOwner, type GroupedActivityPage } from './activity.query.js';

export interface ActivityPageKey {
  ownerId: number;
  criteria: ActivityCriteria;
  first: number;
  afterId: number | undefined;
}

/** Nested activity connections (Plan.activities, Method.activities): one statement per distinct set of arguments. */
export function activityPagesLoader(em: EntityManager, ownerColumn: 'plan_id' | 'method_id') {
  const argumentsKey = (key: ActivityPageKey) => JSON.stringify([key.criteria, key.first, key.afterId ?? null]);
  return new DataLoader<ActivityPageKey, GroupedActivityPage, string>(
    async (keys) => {
      const groups = new Map<string, ActivityPageKey[]>();
      for (const key of keys) groups.set(argumentsKey(key), [...(groups.get(argumentsKey(key)) ?? []), key]);
      const pages = new Map<string, GroupedActivityPage>();
      for (const [group, members] of groups) {
        const { criteria, first, afterId } = members[0]!;
        const ownerIds = [...new Set(members.map((m) => m.ownerId))];
        const result = await findActivityPagesByOwner(em, ownerColumn, ownerIds, criteria, first, afterId);
        for (const [ownerId, page] of result) pages.set(`${ownerId}:${group}`, page);
      }
      return keys.map((key) => pages.get(`${key.ownerId}:${argumentsKey(key)}`)!);
    },
    { cacheKeyFn: (key) => `${key.ownerId}:${argumentsKey(key)}` },
  );
}
