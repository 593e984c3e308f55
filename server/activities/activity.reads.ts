import { visibleActivitySql } from '../access/visibility.js';
import { byForeignKey, byPivot, leaf, type ConnectionRead, type ReadContext, type TypeReads } from '../core/reads.js';
import { toActivityCriteria, type ActivityFilter } from './activity.filter.js';
import { activityConditions } from './activity.query.js';
import { MIN_INFERENCE_CONFIDENCE } from './inferred-method.js';

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
  // By the owner first: equal under its condition, and the order of the (owner, id) index, which PostgreSQL then reads instead of the whole primary key.
  orderBy: (t) => (owner ? `${t}.${owner}, ${t}.id` : `${t}.id`),
  key: (t) => [`${t}.id`],
  kinds: ['number'],
  after: (t, key, param) => `${t}.id > ${param(key[0])}`,
});

export const activityReads: TypeReads = {
  Query: { fields: { activities: activityPages() } },
  Plan: { fields: { activities: activityPages('plan_id') } },
  Method: { fields: { activities: activityPages('method_id') } },
  Activity: {
    node: { table: 'activity', visible: (t, scope) => visibleActivitySql(scope.viewer, t) },
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
      // Only for a registration without a method, whose inferred method still exists.
      inferredMethod: {
        kind: 'one',
        source: (c) => ({
          from:
            `(select ${c.parent}.inferred_confidence as confidence, coalesce(${c.parent}.inferred_words, '{}'::text[]) as words, m.id as method_id` +
            ` from method m where m.id = ${c.parent}.inferred_method_id and ${c.parent}.method_id is null and ${c.parent}.inferred_confidence is not null) ${c.t}`,
        }),
      },
      // Without themes of its own: those of at least half of the live activities of its kind of work (named, or inferred with confidence).
      inferredThemes: {
        kind: 'list',
        source: (c) => {
          const method = `coalesce(${c.parent}.method_id, case when ${c.parent}.inferred_confidence >= ${MIN_INFERENCE_CONFIDENCE} then ${c.parent}.inferred_method_id end)`;
          return {
            from: `theme ${c.t}`,
            where:
              `not exists (select 1 from activity_theme own where own.activity_id = ${c.parent}.id) and ${c.t}.id in (` +
              `select at.theme_id from activity a join activity_theme at on at.activity_id = a.id where a.method_id = ${method} and not a.archived group by 1 ` +
              `having count(*)::float8 / (select count(*) from activity x where x.method_id = ${method} and not x.archived) >= 0.5)`,
            orderBy: `${c.t}.code`,
          };
        },
      },
      // The weekly slots are stored in order, as JSON.
      schedule: {
        kind: 'list',
        source: (c) => ({ from: `jsonb_array_elements(${c.parent}.schedule) with ordinality ${c.t}(v, n)`, orderBy: `${c.t}.n` }),
      },
    },
  },
  InferredMethod: { columns: ['confidence', 'words'], fields: { method: byForeignKey('method', 'method_id') } },
  ScheduleSlot: {
    fields: {
      weekday: leaf((t) => `${t}.v->>'weekday'`),
      startTime: leaf((t) => `${t}.v->>'startTime'`),
      endTime: leaf((t) => `${t}.v->>'endTime'`),
    },
  },
};
