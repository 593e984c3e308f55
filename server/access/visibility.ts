import type { Viewer } from '../core/context.js';
import { PlanStatus, Role } from '../core/enums.js';

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
