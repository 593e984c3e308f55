import { withReaderRedaction } from '../access/reader-redaction.js';
import { Area } from '../areas/area.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { Theme } from '../catalogue/theme.entity.js';
import type { HubModule } from '../core/module.js';
import { byIdLoader, groupedLoader, pivotLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { planOpenTo } from '../plans/plan.visibility.js';
import { Activity, ActivityArea, ActivityPartner, ActivityTargetGroup, ActivityTheme } from './activity.entity.js';
import { activityCountsLoader, activityPagesLoader } from './activity.loaders.js';
import { ActivityResolver, MethodActivitiesResolver, PlanActivitiesResolver } from './activity.resolver.js';
import { activityReads } from './activity.reads.js';

const loaders = {
  activity: (em) => byIdLoader(em, Activity),
  planActivities: (em) => ({ pages: activityPagesLoader(em, 'plan_id'), counts: activityCountsLoader(em, 'plan_id') }),
  methodActivities: (em) => ({ pages: activityPagesLoader(em, 'method_id'), counts: activityCountsLoader(em, 'method_id') }),
  // The themes a method's work usually has: those of at least half of the live activities that name it.
  methodTypicalThemes: (em) =>
    groupedLoader(
      em,
      Theme,
      `select m.method_id as __owner, t.* from (
       select a.method_id, at.theme_id, count(*)::float8 / (select count(*) from activity x where x.method_id = a.method_id and not x.archived) as share
       from activity a join activity_theme at on at.activity_id = a.id
       where a.method_id = any(?::int[]) and not a.archived group by 1, 2) m
     join theme t on t.id = m.theme_id where m.share >= 0.5 order by t.code`,
    ),
  activityThemes: (em) =>
    pivotLoader(em, Theme, { table: 'activity_theme', owner: 'activity_id', target: 'theme_id', targetTable: 'theme', orderBy: 't.code' }),
  activityTargetGroups: (em) =>
    pivotLoader(em, TargetGroup, {
      table: 'activity_target_group',
      owner: 'activity_id',
      target: 'target_group_id',
      targetTable: 'target_group',
      orderBy: 't.name',
    }),
  activityAreas: (em) => pivotLoader(em, Area, { table: 'activity_area', owner: 'activity_id', target: 'area_id', targetTable: 'area', orderBy: 't.name' }),
  activityPartners: (em) =>
    pivotLoader(em, Organisation, {
      table: 'activity_partner',
      owner: 'activity_id',
      target: 'organisation_id',
      targetTable: 'organisation',
      orderBy: 't.name',
    }),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const activityModule: HubModule = {
  name: 'activities',
  reads: activityReads,
  // Free text a lead may have written a phone number or an e-mail address into.
  schemaTransforms: [withReaderRedaction(['Activity.description'])],
  resolvers: [ActivityResolver, PlanActivitiesResolver, MethodActivitiesResolver],
  entities: [Activity, ActivityTheme, ActivityTargetGroup, ActivityArea, ActivityPartner],
  loaders,
  nodes: [nodeType({ entity: Activity, loader: (l) => l.activity, visible: (ctx, activity) => planOpenTo(ctx, activity.plan.id) })],
};
