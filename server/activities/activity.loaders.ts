import type { EntityManager } from '@mikro-orm/postgresql';
import type { Activity } from './activity.entity.js';
import type { ActivityCriteria } from './activity.filter.js';
import { byArguments } from '../core/loader-kit.js';
import { countActivitiesByOwner, findActivityPagesByOwner } from './activity.query.js';

export interface ActivityPageKey {
  ownerId: number;
  criteria: ActivityCriteria;
  first: number;
  afterId: number | undefined;
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
