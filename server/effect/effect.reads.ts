import { visibleActivityIdSql, visiblePlanIdSql } from '../access/visibility.js';
import { byForeignKey, byOwner, leaf, type TypeReads } from '../core/reads.js';
import { IndicatorDirection } from './effect.entity.js';

/** Measurements of the indicator on alias `t`, oldest first (by period end, then id), as measurementsLoader orders them. */
const measurement = (t: string, order: 'asc' | 'desc') =>
  `(select m.value from measurement m where m.indicator_id = ${t}.id order by m.period_end ${order}, m.id ${order} limit 1)`;

export const effectReads: TypeReads = {
  Plan: { fields: { indicators: byOwner('indicator', 'plan_id', (t) => `${t}.id`) } },
  Activity: {
    fields: {
      indicators: byOwner('indicator', 'activity_id', (t) => `${t}.id`),
      evaluations: byOwner('evaluation', 'activity_id', (t) => `${t}.decided_at desc, ${t}.id desc`),
    },
  },
  Indicator: {
    node: {
      table: 'indicator',
      // On a plan: the plan's rule; else the activity's.
      visible: (t, scope) =>
        `case when ${t}.plan_id is not null then ${visiblePlanIdSql(scope.viewer, `${t}.plan_id`)} else ${visibleActivityIdSql(scope.viewer, `${t}.activity_id`)} end`,
    },
    columns: ['name', 'unit', 'direction', 'baseline', 'target'],
    fields: {
      plan: byForeignKey('plan', 'plan_id'),
      activity: byForeignKey('activity', 'activity_id'),
      measurements: byOwner('measurement', 'indicator_id', (t) => `${t}.period_end, ${t}.id`),
      latestValue: leaf((t) => measurement(t, 'desc')),
      // progressOf in SQL: the share of the way from the start (baseline, else the first value) to the target by the newest value.
      progress: leaf(
        (t) => `(select case
          when m.last is null or ${t}.target - m.start = 0 then null
          when (${t}.direction = '${IndicatorDirection.INCREASE}') = (${t}.target - m.start > 0)
            then least(1::float8, greatest(0::float8, (m.last - m.start) / (${t}.target - m.start)))
          end from (select coalesce(${t}.baseline, ${measurement(t, 'asc')}) as start, ${measurement(t, 'desc')} as last) m)`,
      ),
    },
  },
  Measurement: { columns: ['periodStart', 'periodEnd', 'value', 'note'] },
  Evaluation: {
    node: { table: 'evaluation', visible: (t, scope) => visibleActivityIdSql(scope.viewer, `${t}.activity_id`) },
    columns: ['decision', 'rationale', 'decidedAt'],
    fields: { activity: byForeignKey('activity', 'activity_id') },
  },
};
