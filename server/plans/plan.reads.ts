import { visiblePlanSql } from '../access/visibility.js';
import { expectIds } from '../core/global-id.js';
import { byForeignKey, byPivot, type TypeReads } from '../core/reads.js';
import { Conditions, descendantsSql, pgArray } from '../core/sql.js';
import type { PlanFilter } from './plan.filter.js';

/** The plans' reads for the read planner: as listPlans, findPlanByCode and the plan's field resolvers answer. */
export const planReads: TypeReads = {
  Query: {
    fields: {
      plans: {
        kind: 'connection',
        source: (c) => {
          const filter = (c.args.filter ?? {}) as PlanFilter;
          const where = new Conditions().add(visiblePlanSql(c.scope.viewer, 'p'));
          if (filter.status) where.add('p.status = any(?::text[])', pgArray(filter.status));
          const areaIds = expectIds(filter.areaIds, 'Area', 'filter.areaIds');
          if (areaIds) {
            where.add(`exists (select 1 from plan_area pa where pa.plan_id = p.id and pa.area_id in (${descendantsSql('area')}))`, pgArray(areaIds));
          }
          return { from: `(select p.* from plan p where ${where.toSqlWith(c.param)}) ${c.t}` };
        },
        orderBy: (t) => `${t}.code, ${t}.id`,
        key: (t) => [`${t}.code`, `${t}.id`],
        kinds: ['string', 'number'],
        after: (t, key, param) => `(${t}.code, ${t}.id) > (${param(key[0])}, ${param(key[1])})`,
      },
      plan: { kind: 'one', source: (c) => ({ from: `plan ${c.t}`, where: `${c.t}.code = ${c.param(c.args.code)}` }) },
    },
  },
  Plan: {
    node: { table: 'plan', visible: (t, scope) => visiblePlanSql(scope.viewer, t) },
    columns: ['code', 'name', 'status', 'startDate', 'endDate', 'description'],
    visible: (t, scope) => visiblePlanSql(scope.viewer, t),
    fields: {
      areas: byPivot({ table: 'plan_area', owner: 'plan_id', target: 'area_id', targetTable: 'area', orderBy: (t) => `${t}.name` }),
      housingOrganisations: byPivot({
        table: 'plan_housing_organisation',
        owner: 'plan_id',
        target: 'organisation_id',
        targetTable: 'organisation',
        orderBy: (t) => `${t}.name`,
      }),
      lead: byForeignKey('person', 'lead_id'),
    },
  },
};
