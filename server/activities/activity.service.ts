import { visibleActivitySql } from '../access/visibility.js';
import type { Viewer } from '../core/context.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import { decodeCursor, pageSize, toPage, type Page } from '../core/pagination.js';
import type { Activity } from './activity.entity.js';
import { toActivityCriteria, type ActivityCriteria, type ActivityFilter } from './activity.filter.js';
import type { ActivityPageKey } from './activity.loaders.js';
import { findActivityPage } from './activity.query.js';

export interface ActivityListArgs {
  first?: number | null;
  after?: string | null;
  filter?: ActivityFilter | null;
}

function parseArgs(args: ActivityListArgs) {
  const first = pageSize(args.first);
  const afterId = decodeCursor(args.after, ['number'])?.[0] as number | undefined;
  return { first, afterId, criteria: toActivityCriteria(args.filter) };
}

const activityKey = (activity: Activity) => [activity.id];

/** The top-level activities list. */
export async function listActivities(em: EntityManager, viewer: Viewer | null, args: ActivityListArgs): Promise<Page<Activity>> {
  const { first, afterId, criteria } = parseArgs(args);
  criteria.visibleSql = visibleActivitySql(viewer, 'a');
  const { items, count } = await findActivityPage(em, criteria, first, afterId);
  return toPage(items, first, count, afterId !== undefined, activityKey);
}

/** A nested activities list (of a plan or a method), batched with its siblings through loaders: pages, and counts when asked. */
export async function nestedActivityPage(
  loaders: { pages: DataLoader<ActivityPageKey, Activity[], string>; counts: DataLoader<{ ownerId: number; criteria: ActivityCriteria }, number, string> },
  viewer: Viewer | null,
  ownerId: number,
  args: ActivityListArgs,
): Promise<Page<Activity>> {
  const { first, afterId, criteria } = parseArgs(args);
  criteria.visibleSql = visibleActivitySql(viewer, 'a');
  const items = await loaders.pages.load({ ownerId, criteria, first, afterId });
  return toPage(items, first, () => loaders.counts.load({ ownerId, criteria }), afterId !== undefined, activityKey);
}
