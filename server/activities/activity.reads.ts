import { visibleActivitySql } from '../access/visibility.js';
import { byForeignKey, byPivot, leaf, type ConnectionRead, type ReadContext, type TypeReads } from '../core/reads.js';
import { toActivityCriteria, type ActivityFilter } from './activity.filter.js';
import { activityConditions } from './activity.query.js';

/** The activities a filter keeps for this viewer, as a table on alias `t` (PostgreSQL folds the subquery into the statement). */
function filteredActivities(c: ReadContext): string {
  const criteria = toActivityCriteria(c.args.filter as ActivityFilter | null | undefined);
  criteria.visibleSql = visibleActivitySql(c.scope.viewer, 'a');
  return `(select a.* from activity a where ${activityConditions(criteria).toSqlWith(c.param)}) ${c.t}`;
}

/** Activities in order of registration, keyset-paged by id; `owner` narrows them to the parent's (plan or method). */
const activityPages = (owner?: 'plan_id' | 'method_id'): ConnectionRead => ({
  kind: 'connection',
  source: (c) => ({ from: filteredActivities(c), where: owner ? `${c.t}.${owner} = ${c.parent}.id` : undefined }),
  orderBy: (t) => `${t}.id`,
  key: (t) => [`${t}.id`],
  kinds: ['number'],
  after: (t, key, param) => `${t}.id > ${param(key[0])}`,
});

export const activityReads: TypeReads = {
  Query: { fields: { activities: activityPages() } },
  Plan: { fields: { activities: activityPages('plan_id') } },
  Method: { fields: { activities: activityPages('method_id') } },
  Activity: {
    node: 'Activity',
    columns: ['title', 'description', 'reference', 'status', 'startDate', 'endDate', 'capacity', 'version', 'archived', 'createdAt', 'updatedAt'],
    visible: (t, scope) => visibleActivitySql(scope.viewer, t),
    fields: {
      plan: byForeignKey('plan', 'plan_id'),
      method: byForeignKey('method', 'method_id'),
      contact: byForeignKey('person', 'contact_id'),
      areas: byPivot({ table: 'activity_area', owner: 'activity_id', target: 'area_id', targetTable: 'area', orderBy: (t) => `${t}.name` }),
      targetGroups: byPivot({
        table: 'activity_target_group',
        owner: 'activity_id',
        target: 'target_group_id',
        targetTable: 'target_group',
        orderBy: (t) => `${t}.name`,
      }),
      themes: byPivot({ table: 'activity_theme', owner: 'activity_id', target: 'theme_id', targetTable: 'theme', orderBy: (t) => `${t}.code` }),
      partners: byPivot({
        table: 'activity_partner',
        owner: 'activity_id',
        target: 'organisation_id',
        targetTable: 'organisation',
        orderBy: (t) => `${t}.name`,
      }),
      // The weekly slots are stored in order, as JSON.
      schedule: {
        kind: 'list',
        source: (c) => ({ from: `jsonb_array_elements(${c.parent}.schedule) with ordinality ${c.t}(v, n)`, orderBy: `${c.t}.n` }),
      },
    },
  },
  ScheduleSlot: {
    fields: {
      weekday: leaf((t) => `${t}.v->>'weekday'`),
      startTime: leaf((t) => `${t}.v->>'startTime'`),
      endTime: leaf((t) => `${t}.v->>'endTime'`),
    },
  },
};
