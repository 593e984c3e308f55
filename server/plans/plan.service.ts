import { readModelOf } from '../core/read-model.js';
import { visiblePlanSql } from '../access/visibility.js';
import type { Viewer } from '../core/context.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Area } from '../areas/area.entity.js';
import { recordAudit } from '../core/audit-trail.js';
import { requireMutation } from '../access/permissions.js';
import { checkCode, checkCodeFree } from '../core/codes.js';
import type { HubContext } from '../core/context.js';
import { PlanStatus, OrganisationKind } from '../core/enums.js';
import { expectIds, toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TEXT, MAX_TITLE, runMutation } from '../core/mutation.js';
import { UserErrorCode, message } from '../core/user-errors.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import type { CreatePlanInput } from './plan.input.js';
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
export async function listPlans(em: EntityManager, viewer: Viewer | null, args: PlanListArgs): Promise<Page<Plan>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'number']);
  const where = new Conditions();
  where.add(visiblePlanSql(viewer, 'p'));
  if (args.filter?.status) where.add('p.status = any(?::text[])', pgArray(args.filter.status));
  const areaIds = expectIds(args.filter?.areaIds, 'Area', 'filter.areaIds');
  if (areaIds) {
    where.add(`exists (select 1 from plan_area pa where pa.plan_id = p.id and pa.area_id in (${descendantsSql('area')}))`, pgArray(areaIds));
  }
  const count = async () => Number((await rows(em, `select count(*)::int as total from plan p where ${where.toSql()}`, where.params))[0]?.total ?? 0);
  const page = new Conditions().add(where.toSql(), ...where.params);
  if (after) page.add('(p.code, p.id) > (?, ?)', after[0], after[1]);
  const result = await rows(em, `select p.* from plan p where ${page.toSql()} order by p.code, p.id limit ?`, [...page.params, first + 1]);
  const plans = result.map((row) => readModelOf(em, Plan)(row));
  return toPage(plans, first, count, after !== undefined, (plan) => [plan.code, plan.id]);
}

export async function findPlanByCode(em: EntityManager, code: string): Promise<Plan | null> {
  const toModel = readModelOf(em, Plan);
  const [row] = await rows(em, `select ${toModel.columns} from plan t where t.code = ?`, [code]);
  return row ? toModel(row) : null;
}

export function createPlan(ctx: HubContext, input: CreatePlanInput) {
  return runMutation(
    ctx,
    { plan: null as Plan | null },
    async (tx) => {
      const viewer = requireMutation(ctx.viewer, 'createPlan');
      const check = new InputChecker(tx);
      const code = checkCode(check, ['input', 'code'], input.code);
      const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
      const description = check.text(['input', 'description'], input.description, { max: MAX_TEXT });
      check.ordered(input.startDate, input.endDate, 'dates');
      const areas = await check.refs(['input', 'areaIds'], input.areaIds, Area, { min: 1 });
      const housing = await check.refs(['input', 'housingOrganisationIds'], input.housingOrganisationIds, Organisation);
      housing.forEach((organisation, i) => {
        if (organisation.kind !== OrganisationKind.HOUSING_ORGANISATION) {
          check.problems.add(
            ['input', 'housingOrganisationIds', i],
            UserErrorCode.INVALID,
            message(`"${organisation.name}" is not a housing organisation`, `"${organisation.name}" er ikke en boligorganisation`),
          );
        }
      });
      const lead = await check.ref(['input', 'leadId'], input.leadId, Person);
      await checkCodeFree(check, ['input', 'code'], 'plan', code, message('A plan', 'En helhedsplan'));
      check.check();
      const plan = tx.create(Plan, {
        code: code!,
        name: name!,
        status: input.status ?? PlanStatus.ACTIVE,
        startDate: input.startDate,
        endDate: input.endDate,
        description,
        lead: lead ?? null,
      });
      plan.areas.set(areas);
      plan.housingOrganisations.set(housing);
      await tx.flush();
      recordAudit(tx, viewer, 'createPlan', { type: 'Plan', id: plan.id }, null, {
        code: plan.code,
        name: plan.name,
        status: plan.status,
        startDate: plan.startDate,
        endDate: plan.endDate,
        description,
        areas: areas.map((a) => toGlobalId('Area', a.id)),
        housingOrganisations: housing.map((o) => toGlobalId('Organisation', o.id)),
        lead: lead ? toGlobalId('Person', lead.id) : null,
      });
      return { plan };
    },
    {
      field: ['input', 'code'],
      message: message(`A plan with the code "${input.code}" exists already`, `Der findes allerede en helhedsplan med koden "${input.code}"`),
    },
  );
}
