import { PlanStatus, Role } from '../core/enums.js';
import type { Viewer } from '../core/context.js';

/**
 * Who may see what, one rule per type, used on every path (lists, node(id), nested fields, highlights):
 * readers (the newsletter tooling) see neither DRAFT plans, nor the activities of such plans, nor unpublished experiences.
 */
export const seesEverything = (viewer: Viewer | null): boolean => !!viewer && viewer.role !== Role.READER;

export const planVisible = (viewer: Viewer | null, plan: { status: string }): boolean => seesEverything(viewer) || plan.status !== PlanStatus.DRAFT;

export const experienceVisible = (viewer: Viewer | null, experience: { publishable: boolean }): boolean => seesEverything(viewer) || experience.publishable;

/** SQL on a plan alias: true where the viewer may see the plan (and so its activities). */
export const visiblePlanSql = (viewer: Viewer | null, alias: string): string => (seesEverything(viewer) ? 'true' : `${alias}.status <> '${PlanStatus.DRAFT}'`);

/** SQL on an activity alias: true where the viewer may see the activity's plan. */
export const visibleActivitySql = (viewer: Viewer | null, alias: string): string =>
  seesEverything(viewer) ? 'true' : `exists (select 1 from plan vp where vp.id = ${alias}.plan_id and vp.status <> '${PlanStatus.DRAFT}')`;
