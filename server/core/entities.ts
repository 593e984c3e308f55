import { Activity, ActivityArea, ActivityPartner, ActivityTargetGroup, ActivityTheme } from '../activities/activity.entity.js';
import { Area } from '../areas/area.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { User, UserPlan } from '../auth/user.entity.js';
import { Method } from '../catalogue/method.entity.js';
import { Evaluation, Indicator, Measurement } from '../effect/effect.entity.js';
import { Experience } from '../experience/experience.entity.js';
import { ActionItem, Meeting } from '../governance/meeting.entity.js';
import { InquiryCount } from '../inquiries/inquiry.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { Theme } from '../catalogue/theme.entity.js';
import { SteeringGroup, SteeringGroupMember } from '../governance/steering-group.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { ActivityOverlap, AreaMatch, HubSetting, OverlapReviewRecord, TargetGroupMatch } from '../overlap/overlap.entity.js';
import { Plan, PlanArea, PlanHousingOrganisation } from '../plans/plan.entity.js';

/** Every entity the ORM maps, in dependency order. */
export const entities = [
  Area,
  Organisation,
  Person,
  Theme,
  TargetGroup,
  Method,
  Plan,
  PlanArea,
  PlanHousingOrganisation,
  Activity,
  ActivityTheme,
  ActivityTargetGroup,
  ActivityArea,
  ActivityPartner,
  SteeringGroup,
  SteeringGroupMember,
  User,
  UserPlan,
  AuditEvent,
  ActivityOverlap,
  OverlapReviewRecord,
  AreaMatch,
  TargetGroupMatch,
  HubSetting,
  Experience,
  Indicator,
  Measurement,
  Evaluation,
  Meeting,
  ActionItem,
  InquiryCount,
];

/** Entity classes that are GraphQL Node types, by type name: node(id) resolves through this. */
export const nodeEntities = {
  Area,
  Organisation,
  Person,
  Theme,
  TargetGroup,
  Method,
  Plan,
  Activity,
  SteeringGroup,
  User,
  Experience,
  Indicator,
  Evaluation,
  Meeting,
  ActionItem,
};
export type NodeTypeName = keyof typeof nodeEntities;
