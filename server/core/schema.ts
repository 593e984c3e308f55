import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActivityResolver } from '../activities/activity.resolver.js';
import { AreaResolver } from '../areas/area.resolver.js';
import { HighlightResolver } from '../newsletter/highlight.js';
import { InquiryResolver } from '../inquiries/inquiry.resolver.js';
import { ActivityIndicatorsResolver, EvaluationResolver, IndicatorResolver, PlanIndicatorsResolver } from '../effect/effect.resolver.js';
import { ActivityExperiencesResolver, ExperienceResolver, MethodExperiencesResolver } from '../experience/experience.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { UserResolver } from '../auth/user.resolver.js';
import { MethodResolver, TargetGroupResolver, ThemeResolver } from '../catalogue/catalogue.resolver.js';
import { ActionItemResolver, MeetingResolver } from '../governance/governance.resolver.js';
import { SteeringGroupMemberResolver, SteeringGroupResolver } from '../governance/steering-group.resolver.js';
import { OrganisationResolver } from '../organisations/organisation.resolver.js';
import { CoverageResolver } from '../overlap/coverage.js';
import { OverlapGroupResolver } from '../overlap/overlap-groups.js';
import { ActivityOverlapsResolver, OverlapResolver, OverlapReviewResolver } from '../overlap/overlap.resolver.js';
import { PersonResolver } from '../people/person.resolver.js';
import { PlanResolver } from '../plans/plan.resolver.js';
import { withVisibility } from '../auth/visibility.js';
import { withExecutionBudget } from './cost.js';
import { validateArgument } from './input-guard.js';
import { NodeResolver } from './node.resolver.js';
import { withPlainFields } from './plain-fields.js';

export const resolvers = [
  NodeResolver,
  AreaResolver,
  OrganisationResolver,
  PersonResolver,
  ThemeResolver,
  TargetGroupResolver,
  MethodResolver,
  PlanResolver,
  ActivityResolver,
  SteeringGroupResolver,
  SteeringGroupMemberResolver,
  UserResolver,
  AuditResolver,
  OverlapResolver,
  OverlapReviewResolver,
  OverlapGroupResolver,
  ActivityOverlapsResolver,
  CoverageResolver,
  ExperienceResolver,
  ActivityExperiencesResolver,
  MethodExperiencesResolver,
  IndicatorResolver,
  EvaluationResolver,
  PlanIndicatorsResolver,
  ActivityIndicatorsResolver,
  MeetingResolver,
  ActionItemResolver,
  InquiryResolver,
  HighlightResolver,
] as const;

let schema: Promise<GraphQLSchema> | undefined;

/** The hub's GraphQL schema, built once per process from the resolvers. */
export function hubSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers,
    validateFn: validateArgument,
    emitSchemaFile: false,
  })
    .then(withPlainFields)
    .then(withVisibility)
    .then(withExecutionBudget);
  return schema;
}
