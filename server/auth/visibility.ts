import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Activity } from '../activities/activity.entity.js';
import type { HubContext, Viewer } from '../core/context.js';
import { PlanStatus, Role } from '../core/enums.js';
import type { Plan } from '../plans/plan.entity.js';

/**
 * Who may see what, one rule per type, used on every path (lists, node(id), nested fields, highlights):
 * readers (the newsletter tooling) see neither DRAFT plans, nor the activities of such plans, nor unpublished experiences.
 */
export const seesEverything = (viewer: Viewer | null): boolean => !!viewer && viewer.role !== Role.READER;

export const planVisible = (viewer: Viewer | null, plan: { status: string }): boolean => seesEverything(viewer) || plan.status !== PlanStatus.DRAFT;

export const experienceVisible = (viewer: Viewer | null, experience: { publishable: boolean }): boolean => seesEverything(viewer) || experience.publishable;

/** SQL on a plan alias: true where the viewer may see the plan (and so its activities). */
export const visiblePlanSql = (viewer: Viewer | null, alias: string): string => (seesEverything(viewer) ? 'true' : `${alias}.status <> '${PlanStatus.DRAFT}'`);

/** SQL on a plan id expression (null allowed): false only where the viewer may not see that plan. */
export const visiblePlanIdSql = (viewer: Viewer | null, planId: string): string =>
  seesEverything(viewer) ? 'true' : `not exists (select 1 from plan vp where vp.id = ${planId} and vp.status = '${PlanStatus.DRAFT}')`;

/** SQL on an activity id expression (null allowed): false only where the viewer may not see that activity. */
export const visibleActivityIdSql = (viewer: Viewer | null, activityId: string): string =>
  seesEverything(viewer)
    ? 'true'
    : `not exists (select 1 from activity va join plan vp on vp.id = va.plan_id where va.id = ${activityId} and vp.status = '${PlanStatus.DRAFT}')`;

/** SQL on an activity alias: true where the viewer may see the activity's plan. */
export const visibleActivitySql = (viewer: Viewer | null, alias: string): string =>
  seesEverything(viewer) ? 'true' : `exists (select 1 from plan vp where vp.id = ${alias}.plan_id and vp.status <> '${PlanStatus.DRAFT}')`;

/**
 * Every nullable field that answers one plan or one activity (a steering group's, an indicator's, an experience's,
 * an inquiry figure's) answers null where the viewer may not see it, so no path reaches what the lists leave out.
 */
export function withVisibility(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isObjectType(field.type) || (field.type.name !== 'Plan' && field.type.name !== 'Activity')) continue;
      const isPlan = field.type.name === 'Plan';
      const resolve: GraphQLFieldResolver<unknown, HubContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const result = resolve(source, args, context, info);
        if (seesEverything(context.viewer)) return result;
        return Promise.resolve(result as Plan | Activity | null | undefined).then(async (value) => {
          if (!value) return value;
          const plan = isPlan ? (value as Plan) : await context.loaders.plan.load((value as Activity).plan.id);
          return plan && planVisible(context.viewer, plan) ? value : null;
        });
      };
    }
  }
  return schema;
}
