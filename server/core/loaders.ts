import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './context.js';
import { Activity } from '../activities/activity.entity.js';
import { activityCountsLoader, activityPagesLoader } from '../activities/activity.loaders.js';
import { Area } from '../areas/area.entity.js';
import { User } from '../auth/user.entity.js';
import { Method } from '../catalogue/method.entity.js';
import { Evaluation, Indicator } from '../effect/effect.entity.js';
import { activityEvaluationsLoader, activityIndicatorsLoader, measurementsLoader, planIndicatorsLoader } from '../effect/effect.service.js';
import { Experience } from '../experience/experience.entity.js';
import { experiencesLoader, methodExperiencePagesLoader } from '../experience/experience.service.js';
import { actionItemsLoader, meetingsLoader } from '../governance/governance.service.js';
import { ActionItem, Meeting } from '../governance/meeting.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { Theme } from '../catalogue/theme.entity.js';
import { SteeringGroup, SteeringGroupMember } from '../governance/steering-group.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { activityOverlapsLoader, overlapPairLoader, overlapReviewLoader } from '../overlap/overlap.service.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { byIdLoader, groupedLoader, pivotLoader } from './loader-kit.js';

/** How each loader of a request is made from that request's EntityManager fork and viewer. */
const factories = {
  area: (em) => byIdLoader(em, Area),
  organisation: (em) => byIdLoader(em, Organisation),
  person: (em) => byIdLoader(em, Person),
  theme: (em) => byIdLoader(em, Theme),
  targetGroup: (em) => byIdLoader(em, TargetGroup),
  method: (em) => byIdLoader(em, Method),
  plan: (em) => byIdLoader(em, Plan),
  activity: (em) => byIdLoader(em, Activity),
  steeringGroup: (em) => byIdLoader(em, SteeringGroup),
  user: (em) => byIdLoader(em, User),
  experience: (em) => byIdLoader(em, Experience),
  indicator: (em) => byIdLoader(em, Indicator),
  evaluation: (em) => byIdLoader(em, Evaluation),
  meeting: (em) => byIdLoader(em, Meeting),
  actionItem: (em) => byIdLoader(em, ActionItem),
  userPlans: (em) => pivotLoader(em, Plan, { table: 'user_plan', owner: 'user_id', target: 'plan_id', targetTable: 'plan', orderBy: 't.code' }),
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
  areaChildren: (em) => groupedLoader(em, Area, 'select t.parent_id as __owner, t.* from area t where t.parent_id = any(?::int[]) order by t.name, t.id'),
  targetGroupChildren: (em) =>
    groupedLoader(
      em,
      TargetGroup,
      'select t.parent_id as __owner, t.* from target_group t where t.parent_id = any(?::int[]) order by t.min_age nulls last, t.name, t.id',
    ),
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
  planAreas: (em) => pivotLoader(em, Area, { table: 'plan_area', owner: 'plan_id', target: 'area_id', targetTable: 'area', orderBy: 't.name' }),
  planHousingOrganisations: (em) =>
    pivotLoader(em, Organisation, {
      table: 'plan_housing_organisation',
      owner: 'plan_id',
      target: 'organisation_id',
      targetTable: 'organisation',
      orderBy: 't.name',
    }),
  planSteeringGroups: (em) => groupedLoader(em, SteeringGroup, 'select t.plan_id as __owner, t.* from steering_group t where t.plan_id = any(?::int[])'),
  planActivities: (em) => ({ pages: activityPagesLoader(em, 'plan_id'), counts: activityCountsLoader(em, 'plan_id') }),
  methodActivities: (em) => ({ pages: activityPagesLoader(em, 'method_id'), counts: activityCountsLoader(em, 'method_id') }),
  activityOverlaps: (em, viewer) => activityOverlapsLoader(em, viewer),
  overlapPair: (em) => overlapPairLoader(em),
  steeringGroupMeetings: (em) => meetingsLoader(em),
  meetingActionItems: (em) => actionItemsLoader(em),
  measurements: (em) => measurementsLoader(em),
  planIndicators: (em) => planIndicatorsLoader(em),
  activityIndicators: (em) => activityIndicatorsLoader(em),
  activityEvaluations: (em) => activityEvaluationsLoader(em),
  activityExperiences: (em) => experiencesLoader(em, 'activity_id', false),
  publishableActivityExperiences: (em) => experiencesLoader(em, 'activity_id', true),
  methodExperiences: (em) => methodExperiencePagesLoader(em, false),
  publishableMethodExperiences: (em) => methodExperiencePagesLoader(em, true),
  overlapReview: (em) => overlapReviewLoader(em),
  activityThemes: (em) =>
    pivotLoader(em, Theme, {
      table: 'activity_theme',
      owner: 'activity_id',
      target: 'theme_id',
      targetTable: 'theme',
      orderBy: 't.code',
    }),
  activityTargetGroups: (em) =>
    pivotLoader(em, TargetGroup, {
      table: 'activity_target_group',
      owner: 'activity_id',
      target: 'target_group_id',
      targetTable: 'target_group',
      orderBy: 't.name',
    }),
  activityAreas: (em) =>
    pivotLoader(em, Area, {
      table: 'activity_area',
      owner: 'activity_id',
      target: 'area_id',
      targetTable: 'area',
      orderBy: 't.name',
    }),
  activityPartners: (em) =>
    pivotLoader(em, Organisation, {
      table: 'activity_partner',
      owner: 'activity_id',
      target: 'organisation_id',
      targetTable: 'organisation',
      orderBy: 't.name',
    }),
  steeringGroupMembers: (em) =>
    groupedLoader(
      em,
      SteeringGroupMember,
      'select t.steering_group_id as __owner, t.* from steering_group_member t where t.steering_group_id = any(?::int[]) order by t.id',
    ),
} satisfies Record<string, (em: EntityManager, viewer: Viewer | null) => unknown>;

type Factories = typeof factories;
export type Loaders = { readonly [K in keyof Factories]: ReturnType<Factories[K]> };

/** A request's loaders, each made on first use: a request asks for a few of the 43. */
class RequestLoaders {
  constructor(
    readonly em: () => EntityManager,
    readonly viewer: Viewer | null,
  ) {}
}
for (const [name, make] of Object.entries(factories) as [string, (em: EntityManager, viewer: Viewer | null) => unknown][]) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      const loader = make(this.em(), this.viewer);
      Object.defineProperty(this, name, { value: loader });
      return loader;
    },
  });
}

/** A fresh set of DataLoaders for one request, bound to that request's EntityManager fork (taken when first needed). */
export function createLoaders(em: () => EntityManager, viewer: Viewer | null): Loaders {
  return new RequestLoaders(em, viewer) as unknown as Loaders;
}
