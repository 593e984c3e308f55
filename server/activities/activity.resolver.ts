import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { Method } from '../catalogue/method.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { Theme } from '../catalogue/theme.entity.js';
import type { HubContext } from '../core/context.js';
import { PageArgs } from '../core/pagination.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { archiveActivity, createActivity, updateActivity } from './activity.commands.js';
import { ActivityConnection } from './activity.connection.js';
import { Activity } from './activity.entity.js';
import { ActivityFilter } from './activity.filter.js';
import { InferredMethod, MIN_INFERENCE_CONFIDENCE } from './inferred-method.js';
import { ActivityPayload, ArchiveActivityInput, CreateActivityInput, UpdateActivityInput } from './activity.input.js';
import { listActivities, nestedActivityPage } from './activity.service.js';

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, { description: 'Activities across all plans, in order of registration.' })
  activities(
    @Ctx() { em, viewer }: HubContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Narrows the list.' }) filter?: ActivityFilter,
  ) {
    return listActivities(em, viewer, { first, after, filter });
  }

  @Mutation(() => ActivityPayload, { description: 'Registers an activity (COORDINATOR; PROJECT_LEAD in their own plans).' })
  createActivity(@Ctx() ctx: HubContext, @Arg('input', () => CreateActivityInput, { description: 'The new activity.' }) input: CreateActivityInput) {
    return createActivity(ctx, input);
  }

  @Mutation(() => ActivityPayload, { description: 'Changes an activity, checking expectedVersion (COORDINATOR; PROJECT_LEAD in their own plans).' })
  updateActivity(@Ctx() ctx: HubContext, @Arg('input', () => UpdateActivityInput, { description: 'The changes.' }) input: UpdateActivityInput) {
    return updateActivity(ctx, input);
  }

  @Mutation(() => ActivityPayload, { description: 'Archives an activity, checking expectedVersion (COORDINATOR; PROJECT_LEAD in their own plans).' })
  archiveActivity(@Ctx() ctx: HubContext, @Arg('input', () => ArchiveActivityInput, { description: 'The activity.' }) input: ArchiveActivityInput) {
    return archiveActivity(ctx, input);
  }

  @FieldResolver(() => Plan, { description: 'The plan the activity belongs to.' })
  async plan(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Plan> {
    return (await loaders.plan.load(activity.plan.id))!;
  }

  @FieldResolver(() => Method, { nullable: true, description: 'The method from the shared catalogue, if any.' })
  method(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Method | null> | null {
    return activity.method ? loaders.method.load(activity.method.id) : null;
  }

  @FieldResolver(() => InferredMethod, {
    nullable: true,
    description: 'When it names no method: the method its title and description point to, if any (also below the confidence that counts in scoring).',
  })
  async inferredMethod(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<InferredMethod | null> {
    if (activity.method || !activity.inferredMethod || activity.inferredConfidence == null) return null;
    const method = await loaders.method.load(activity.inferredMethod.id);
    return method ? { method, confidence: activity.inferredConfidence, words: activity.inferredWords ?? [] } : null;
  }

  @FieldResolver(() => [Theme], { description: 'Themes (indsatsområder) it works on.' })
  themes(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Theme[]> {
    return loaders.activityThemes.load(activity.id);
  }

  @FieldResolver(() => [Theme], {
    description: 'When it names no theme: the themes its kind of work (its method, named or inferred) usually has, for a client to offer; empty otherwise.',
  })
  async inferredThemes(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Theme[]> {
    if ((await loaders.activityThemes.load(activity.id)).length > 0) return [];
    const inferred = activity.inferredConfidence != null && activity.inferredConfidence >= MIN_INFERENCE_CONFIDENCE ? activity.inferredMethod?.id : undefined;
    const methodId = activity.method?.id ?? inferred;
    return methodId ? loaders.methodTypicalThemes.load(methodId) : [];
  }

  @FieldResolver(() => [TargetGroup], { description: 'Target groups it serves.' })
  targetGroups(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<TargetGroup[]> {
    return loaders.activityTargetGroups.load(activity.id);
  }

  @FieldResolver(() => [Area], { description: 'Areas where it takes place or recruits.' })
  areas(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Area[]> {
    return loaders.activityAreas.load(activity.id);
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations it is run with.' })
  partners(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Organisation[]> {
    return loaders.activityPartners.load(activity.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who to contact about it.' })
  contact(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Person | null> | null {
    return activity.contact ? loaders.person.load(activity.contact.id) : null;
  }
}

/** A plan's activities: the activities module adds the field to the plan's type. */
@Resolver(() => Plan)
export class PlanActivitiesResolver {
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

/** A method's activities, across plans. */
@Resolver(() => Method)
export class MethodActivitiesResolver {
  @FieldResolver(() => ActivityConnection, { description: 'Activities across all plans that use this method.' })
  activities(
    @Root() method: Method,
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Narrows the list.' }) filter?: ActivityFilter,
  ) {
    return nestedActivityPage(ctx.loaders.methodActivities, ctx.viewer, method.id, { first, after, filter });
  }
}
