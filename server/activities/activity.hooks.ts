import type { EntityManager } from '@mikro-orm/postgresql';
import { Hook } from '../core/hooks.js';

/**
 * What a write of activities lets the module that keeps data derived from them (the overlap store, above this
 * module) do inside the writer's transaction: lock first, follow after.
 */
export const activityWrites = {
  /** Before a stored activity changes: lock what its change can touch (with the areas it is about to get); false if there is no such activity. */
  lockActivity: new Hook<(tx: EntityManager, activityId: number, newAreaIds: readonly number[]) => Promise<boolean>>('activityWrites.lockActivity'),
  /** Before many stored activities change at once (an import): lockActivity for each, in one go. */
  lockActivities: new Hook<(tx: EntityManager, activityIds: readonly number[], newAreaIds: readonly number[]) => Promise<void>>(
    'activityWrites.lockActivities',
  ),
  /** Before an activity is created in these areas. */
  lockAreas: new Hook<(tx: EntityManager, areaIds: readonly number[]) => Promise<void>>('activityWrites.lockAreas'),
  /** After the activities changed; `reopenReviews` (all, or those in the set) when a fact a review decided on (whom, where, when, how) changed. */
  changed: new Hook<(tx: EntityManager, activityIds: number[], options: { reopenReviews: boolean | ReadonlySet<number> }) => Promise<void>>(
    'activityWrites.changed',
  ),
};
