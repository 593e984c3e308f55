import { withReaderRedaction } from '../access/reader-redaction.js';
import { planVisible } from '../access/visibility.js';
import { Area } from '../areas/area.entity.js';
import type { HubModule } from '../core/module.js';
import { byIdLoader, groupedLoader, pivotLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Plan, PlanArea, PlanHousingOrganisation } from './plan.entity.js';
import { AreaPlansResolver, PlanResolver } from './plan.resolver.js';
import { withVisibility } from './plan.visibility.js';
import { planReads } from './plan.reads.js';

const loaders = {
  plan: (em) => byIdLoader(em, Plan),
  planAreas: (em) => pivotLoader(em, Area, { table: 'plan_area', owner: 'plan_id', target: 'area_id', targetTable: 'area', orderBy: 't.name' }),
  planHousingOrganisations: (em) =>
    pivotLoader(em, Organisation, {
      table: 'plan_housing_organisation',
      owner: 'plan_id',
      target: 'organisation_id',
      targetTable: 'organisation',
      orderBy: 't.name',
    }),
  areaPlans: (em) =>
    groupedLoader(
      em,
      Plan,
      `with recursive tree(root, id) as (
       select id, id from area where id = any(?::int[])
       union select tree.root, c.id from area c join tree on c.parent_id = tree.id)
     select distinct tree.root as __owner, p.* from tree
     join plan_area pa on pa.area_id = tree.id join plan p on p.id = pa.plan_id
     order by p.code`,
    ),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const planModule: HubModule = {
  name: 'plans',
  reads: planReads,
  resolvers: [PlanResolver, AreaPlansResolver],
  entities: [Plan, PlanArea, PlanHousingOrganisation],
  loaders,
  nodes: [nodeType({ entity: Plan, loader: (l) => l.plan, visible: (ctx, plan) => planVisible(ctx.viewer, plan) })],
  schemaTransforms: [withVisibility, withReaderRedaction(['Plan.description'])],
};
