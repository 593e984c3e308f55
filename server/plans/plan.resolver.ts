import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import type { HubContext } from '../core/context.js';
import { PageArgs } from '../core/pagination.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { PlanConnection } from './plan.connection.js';
import { Plan } from './plan.entity.js';
import { PlanFilter } from './plan.filter.js';
import { CreatePlanInput, PlanPayload } from './plan.input.js';
import { planVisible } from '../access/visibility.js';
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
}

/** The plans of an area: the plans module adds the field to the area's type. */
@Resolver(() => Area)
export class AreaPlansResolver {
  @FieldResolver(() => [Plan], { description: 'Plans working in this area or any area inside it, by code.' })
  async plans(@Root() area: Area, @Ctx() { loaders, viewer }: HubContext): Promise<Plan[]> {
    return (await loaders.areaPlans.load(area.id)).filter((plan) => planVisible(viewer, plan));
  }
}
