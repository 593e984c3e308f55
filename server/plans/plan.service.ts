import type { EntityManager } from '@mikro-orm/postgresql';
import { expectIds } from '../core/global-id.js';
import { decodeCursor, pageSize, toPage, type Page } from '../core/pagination.js';
import { Conditions, descendantsSql, pgArray, rows } from '../core/sql.js';
import type { PlanFilter } from './plan.filter.js';
import { Plan } from './plan.entity.js';

export interface PlanListArgs {
  first?: number | null;
  after?: string | null;
  filter?: PlanFilter | null;
}

/** Plans by code, keyset-paged on (code, id). */
export async function listPlans(em: EntityManager, args: PlanListArgs): Promise<Page<Plan>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'number']);
  const where = new Conditions();
  if (args.filter?.status) where.add('p.status = any(?::text[])', pgArray(args.filter.status));
  const areaIds = expectIds(args.filter?.areaIds, 'Area', 'filter.areaIds');
  if (areaIds) {
    where.add(
      `exists (select 1 from plan_area pa where pa.plan_id = p.id and pa.area_id in (${descendantsSql('area')}))`,
      pgArray(areaIds),
    );
  }
  const [count] = await rows(em, `select count(*)::int as total from plan p where ${where.toSql()}`, where.params);
  const page = new Conditions().add(where.toSql(), ...where.params);
  if (after) page.add('(p.code, p.id) > (?, ?)', after[0], after[1]);
  const result = await rows(em, `select p.* from plan p where ${page.toSql()} order by p.code, p.id limit ?`, [
    ...page.params,
    first + 1,
  ]);
  const plans = result.map((row) => em.map(Plan, row as never));
  return toPage(plans, first, Number(count?.total ?? 0), after !== undefined, (plan) => [plan.code, plan.id]);
}

export async function findPlanByCode(em: EntityManager, code: string): Promise<Plan | null> {
  return em.findOne(Plan, { code });
}
