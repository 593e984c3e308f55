import type { Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';

const REFERENCE_DATA = [Role.ADMIN, Role.COORDINATOR] as const;
const PLAN_WORK = [Role.COORDINATOR, Role.PROJECT_LEAD] as const;
/** What concerns only the caller (their own notifications and choices). */
const EVERYONE = [Role.ADMIN, Role.COORDINATOR, Role.PROJECT_LEAD, Role.READER] as const;

/**
 * Every mutation and the roles that may call it at all: one rule each, checked first by every mutation
 * (`requireMutation`), and a test fails for a mutation of the schema without one. Project leads are further
 * limited to their own plans by the service, on the loaded plan (`mayEditPlan`).
 */
export const MUTATION_ROLES = {
  createArea: REFERENCE_DATA,
  createOrganisation: REFERENCE_DATA,
  createTheme: REFERENCE_DATA,
  createTargetGroup: REFERENCE_DATA,
  createMethod: REFERENCE_DATA,
  updateMethod: REFERENCE_DATA,
  createPerson: REFERENCE_DATA,
  createUser: [Role.ADMIN],
  revokeUser: [Role.ADMIN],
  updateUser: [Role.ADMIN],
  // Anyone may take a new token for themselves (a token seen by others); administrators for anyone.
  rotateToken: EVERYONE,
  createPlan: [Role.COORDINATOR],
  createActivity: PLAN_WORK,
  updateActivity: PLAN_WORK,
  archiveActivity: PLAN_WORK,
  importActivities: PLAN_WORK,
  reviewOverlap: PLAN_WORK,
  reviewOverlapGroup: PLAN_WORK,
  undoOverlapReviews: PLAN_WORK,
  createSteeringGroup: PLAN_WORK,
  recordMeeting: PLAN_WORK,
  completeActionItem: PLAN_WORK,
  createIndicator: PLAN_WORK,
  recordMeasurement: PLAN_WORK,
  evaluateActivity: PLAN_WORK,
  recordInquiries: PLAN_WORK,
  createExperience: PLAN_WORK,
  markNotificationsRead: EVERYONE,
  updateNotificationSettings: EVERYONE,
  revokeCalendarUrl: PLAN_WORK,
} as const satisfies Record<string, readonly Role[]>;

export type MutationName = keyof typeof MUTATION_ROLES;

/** Which mutations each role may call at all. */
export const ROLE_MUTATIONS: Record<Role, ReadonlySet<MutationName>> = Object.fromEntries(
  Object.values(Role).map((role) => [
    role,
    new Set((Object.keys(MUTATION_ROLES) as MutationName[]).filter((name) => (MUTATION_ROLES[name] as readonly Role[]).includes(role))),
  ]),
) as unknown as Record<Role, ReadonlySet<MutationName>>;

const ROLE_NAMES: Record<Role, string> = {
  [Role.ADMIN]: 'an administrator',
  [Role.COORDINATOR]: 'a coordinator',
  [Role.PROJECT_LEAD]: 'a project lead',
  [Role.READER]: 'a reader',
};
const DANISH_ROLE_NAMES: Record<Role, string> = {
  [Role.ADMIN]: 'administrator',
  [Role.COORDINATOR]: 'koordinator',
  [Role.PROJECT_LEAD]: 'projektleder',
  [Role.READER]: 'læser',
};

/** Refuses the whole input when the viewer's role may not call this mutation. */
export function requireMutation(viewer: Viewer | null, mutation: MutationName): Viewer {
  if (!viewer || !ROLE_MUTATIONS[viewer.role].has(mutation)) {
    refuse(
      [],
      UserErrorCode.FORBIDDEN,
      message(
        `${viewer ? `As ${ROLE_NAMES[viewer.role]} you` : 'You'} may not call ${mutation}`,
        `${viewer ? `Som ${DANISH_ROLE_NAMES[viewer.role]} har du` : 'Du har'} ikke adgang til dette (${mutation})`,
      ),
    );
  }
  return viewer;
}

/** Whether the viewer may change the activities of this plan: coordinators all, project leads their own. */
export function mayEditPlan(viewer: Viewer, planId: number): boolean {
  return viewer.role === Role.COORDINATOR || (viewer.role === Role.PROJECT_LEAD && viewer.planIds.includes(planId));
}

export function requirePlan(viewer: Viewer, planId: number, field: string[], planName: string): void {
  if (!mayEditPlan(viewer, planId)) {
    refuse(
      field,
      UserErrorCode.FORBIDDEN,
      message(
        `You may only change activities of your own plans; "${planName}" is not one of them`,
        `Du kan kun ændre aktiviteter i dine egne helhedsplaner; "${planName}" er ikke en af dem`,
      ),
    );
  }
}

/** Audit log and staff contact data: not for readers. */
export function mayReadAudit(viewer: Viewer | null): boolean {
  return viewer?.role === Role.ADMIN || viewer?.role === Role.COORDINATOR;
}
