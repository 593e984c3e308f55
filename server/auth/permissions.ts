import type { Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';
import { refuse, UserErrorCode } from '../core/user-errors.js';

export type MutationName =
  | 'createArea'
  | 'createOrganisation'
  | 'createTheme'
  | 'createTargetGroup'
  | 'createMethod'
  | 'updateMethod'
  | 'createPerson'
  | 'createPlan'
  | 'createUser'
  | 'createActivity'
  | 'updateActivity'
  | 'archiveActivity';

const REFERENCE_DATA: MutationName[] = ['createArea', 'createOrganisation', 'createTheme', 'createTargetGroup', 'createMethod', 'updateMethod', 'createPerson'];
const ACTIVITIES: MutationName[] = ['createActivity', 'updateActivity', 'archiveActivity'];

/** Which mutations each role may call at all; PROJECT_LEAD is further limited to their own plans. */
export const ROLE_MUTATIONS: Record<Role, ReadonlySet<MutationName>> = {
  [Role.ADMIN]: new Set([...REFERENCE_DATA, 'createUser']),
  [Role.COORDINATOR]: new Set([...REFERENCE_DATA, 'createPlan', ...ACTIVITIES]),
  [Role.PROJECT_LEAD]: new Set(ACTIVITIES),
  [Role.READER]: new Set(),
};

const ROLE_NAMES: Record<Role, string> = {
  [Role.ADMIN]: 'an administrator',
  [Role.COORDINATOR]: 'a coordinator',
  [Role.PROJECT_LEAD]: 'a project lead',
  [Role.READER]: 'a reader',
};

/** Refuses the whole input when the viewer's role may not call this mutation. */
export function requireMutation(viewer: Viewer | null, mutation: MutationName): Viewer {
  if (!viewer || !ROLE_MUTATIONS[viewer.role].has(mutation)) {
    refuse([], UserErrorCode.FORBIDDEN, `${viewer ? `As ${ROLE_NAMES[viewer.role]} you` : 'You'} may not call ${mutation}`);
  }
  return viewer;
}

/** Whether the viewer may change the activities of this plan: coordinators all, project leads their own. */
export function mayEditPlan(viewer: Viewer, planId: number): boolean {
  return viewer.role === Role.COORDINATOR || (viewer.role === Role.PROJECT_LEAD && viewer.planIds.includes(planId));
}

export function requirePlan(viewer: Viewer, planId: number, field: string[], planName: string): void {
  if (!mayEditPlan(viewer, planId)) {
    refuse(field, UserErrorCode.FORBIDDEN, `You may only change activities of your own plans; "${planName}" is not one of them`);
  }
}

/** Audit log and staff contact data: not for readers. */
export function mayReadAudit(viewer: Viewer | null): boolean {
  return viewer?.role === Role.ADMIN || viewer?.role === Role.COORDINATOR;
}
