import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import { Method } from '../catalogue/method.entity.js';
import type { HubContext } from '../core/context.js';
import { PageArgs } from '../core/pagination.js';
import { Person } from '../people/person.entity.js';
import { Experience, ExperienceConnection } from './experience.entity.js';
import { CreateExperienceInput, ExperienceFilter, ExperiencePayload } from './experience.input.js';
import { createExperience, listExperiences, methodExperiencePage, publishableOnly } from './experience.service.js';

@Resolver(() => Experience)
export class ExperienceResolver {
  @Query(() => ExperienceConnection, { description: 'Lessons learned across all plans, newest first; readers see publishable ones only.' })
  experiences(
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ExperienceFilter, { nullable: true, description: 'Narrows the list.' }) filter?: ExperienceFilter,
  ) {
    return listExperiences(ctx, { first, after, filter });
  }

  @Mutation(() => ExperiencePayload, { description: 'Records a lesson learned (COORDINATOR; PROJECT_LEAD for their plans).' })
  createExperience(@Ctx() ctx: HubContext, @Arg('input', () => CreateExperienceInput, { description: 'The experience.' }) input: CreateExperienceInput) {
    return createExperience(ctx, input);
  }

  @FieldResolver(() => Activity, { nullable: true, description: 'The activity it comes from.' })
  activity(@Root() experience: Experience, @Ctx() { loaders }: HubContext): Promise<Activity | null> | null {
    return experience.activity ? loaders.activity.load(experience.activity.id) : null;
  }

  @FieldResolver(() => Method, { nullable: true, description: 'The method it concerns.' })
  method(@Root() experience: Experience, @Ctx() { loaders }: HubContext): Promise<Method | null> | null {
    return experience.method ? loaders.method.load(experience.method.id) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who wrote it.' })
  author(@Root() experience: Experience, @Ctx() { loaders }: HubContext): Promise<Person | null> | null {
    return experience.author ? loaders.person.load(experience.author.id) : null;
  }
}

/** Activity.experiences and Method.experiences live with the data they read. */
@Resolver(() => Activity)
export class ActivityExperiencesResolver {
  @FieldResolver(() => [Experience], { description: 'Lessons learned on this activity, newest first.' })
  experiences(@Root() activity: Activity, @Ctx() { loaders, viewer }: HubContext): Promise<Experience[]> {
    return (publishableOnly(viewer) ? loaders.publishableActivityExperiences : loaders.activityExperiences).load(activity.id);
  }
}

@Resolver(() => Method)
export class MethodExperiencesResolver {
  @FieldResolver(() => ExperienceConnection, { description: 'Lessons learned with this method across all plans, newest first.' })
  experiences(@Root() method: Method, @Ctx() { loaders, viewer }: HubContext, @Args(() => PageArgs) { first, after }: PageArgs) {
    return methodExperiencePage(publishableOnly(viewer) ? loaders.publishableMethodExperiences : loaders.methodExperiences, method.id, first, after);
  }
}
