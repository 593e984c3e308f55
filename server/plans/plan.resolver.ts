import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ActivityConnection } from '../activities/activity.connection.js';
import { ActivityFilter } from '../activities/activity.filter.js';
import { nestedActivityPage } from '../activities/activity.service.js';
import { Area } from '../areas/area.entity.js';
import type { HubContext } from '../core/context.js';
import { PageArgs } from '../core/pagination.js';
import { SteeringGroup } from '../governance/steering-group.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { PlanConnection } from './plan.connection.js';
import { Plan } from './plan.entity.js';
import { PlanFilter } from './plan.filter.js';
import { CreatePlanInput, PlanPayload } from './plan.input.js';
import { planVisible } from '../auth/visibility.js';
import { createPlan, findPlanByCode, listPlans } from './plan.service.js';

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => PlanConnection, { description: 'The helhedsplaner, by code.' })
  plans(
    @Ctx() { em, viewer }: HubContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => PlanFilter, { nullable: true, description: 'Narrows the list.' }) filter?: PlanFilter,
  ) {
    return listPlans(em, viewer, { first, after, filter });
  }

  @Query(() => Plan, { nullable: true, description: 'The plan with this code, or null.' })
  async plan(@Ctx() { em, viewer }: HubContext, @Arg('code', () => String, { description: 'Code of the plan.' }) code: string) {
    const plan = await findPlanByCode(em, code);
    return plan && planVisible(viewer, plan) ? plan : null;
  }

  @Mutation(() => PlanPayload, { description: 'Adds a helhedsplan (COORDINATOR).' })
  createPlan(@Ctx() ctx: HubContext, @Arg('input', () => CreatePlanInput, { description: 'The new plan.' }) input: CreatePlanInput) {
    return createPlan(ctx, input);
  }

  @FieldResolver(() => [Area], { description: 'Areas the plan works in.' })
  areas(@Root() plan: Plan, @Ctx() { loaders }: HubContext): Promise<Area[]> {
    return loaders.planAreas.load(plan.id);
  }

  @FieldResolver(() => [Organisation], { description: 'Housing organisations behind the plan.' })
  housingOrganisations(@Root() plan: Plan, @Ctx() { loaders }: HubContext): Promise<Organisation[]> {
    return loaders.planHousingOrganisations.load(plan.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The project lead (projektleder).' })
  lead(@Root() plan: Plan, @Ctx() { loaders }: HubContext): Promise<Person | null> | null {
    return plan.lead ? loaders.person.load(plan.lead.id) : null;
  }

  @FieldResolver(() => SteeringGroup, { nullable: true, description: 'The steering group (styregruppe) of the plan.' })
  async steeringGroup(@Root() plan: Plan, @Ctx() { loaders }: HubContext): Promise<SteeringGroup | null> {
    return (await loaders.planSteeringGroups.load(plan.id))[0] ?? null;
  }

  @FieldResolver(() => ActivityConnection, { description: "The plan's activities, in order of registration." })
  activities(
    @Root() plan: Plan,
    @Ctx() { loaders, viewer }: HubContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Narrows the list.' }) filter?: ActivityFilter,
  ) {
    return nestedActivityPage(loaders.planActivities, viewer, plan.id, { first, after, filter });
  }
}
