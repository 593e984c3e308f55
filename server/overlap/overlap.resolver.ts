import { Arg, Args, Ctx, FieldResolver, Float, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import { ActivityPayload } from '../activities/activity.input.js';
import type { HubContext } from '../core/context.js';
import { PageArgs } from '../core/pagination.js';
import { Person } from '../people/person.entity.js';
import {
  ActivityDraftInput,
  OverlapFilter,
  OverlapReviewPayload,
  ReviewOverlapInput,
  UNDO_MINUTES,
  UndoOverlapReviewsInput,
  UndoOverlapReviewsPayload,
} from './overlap.input.js';
import {
  inferDraftMethod,
  listOverlaps,
  minScoreOf,
  reasonsOf,
  reviewOverlap,
  similarToActivity,
  similarToDraft,
  undoOverlapReviews,
} from './overlap.service.js';
import { InferredMethod } from '../activities/inferred-method.js';
import { badInput } from '../core/errors.js';
import { MAX_TEXT, MAX_TITLE } from '../core/mutation.js';
import { Overlap, OverlapConnection, OverlapReason, OverlapReview, ReasonLanguage } from './overlap.types.js';

@Resolver(() => Overlap)
export class OverlapResolver {
  @Query(() => OverlapConnection, { description: 'Pairs of activities that overlap, best first.' })
  overlaps(
    @Ctx() { em, viewer }: HubContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => OverlapFilter, { nullable: true, description: 'Narrows the list.' }) filter?: OverlapFilter,
  ) {
    return listOverlaps(em, viewer, { first, after, filter });
  }

  @Query(() => [Overlap], {
    description:
      'Existing activities that a draft would overlap, best first: asked before registering. Each Overlap names only the existing activity, as the draft has no id yet.',
  })
  similarActivities(
    @Ctx() { em, viewer }: HubContext,
    @Arg('draft', () => ActivityDraftInput, { description: 'The activity as it would be registered.' }) draft: ActivityDraftInput,
    @Arg('first', () => Int, { nullable: true, description: 'How many, default 10, at most 100.' }) first?: number | null,
  ) {
    return similarToDraft(em, viewer, draft, first);
  }

  @Query(() => InferredMethod, {
    nullable: true,
    description:
      'The method the words of a draft point to, as Activity.inferredMethod will be once it is saved without one: for a form to offer while the lead types.',
  })
  async inferMethod(
    @Ctx() { em, loaders }: HubContext,
    @Arg('title', () => String, { description: 'The title as typed, at most 200 characters.' }) title: string,
    @Arg('description', () => String, { nullable: true, description: 'The description as typed, at most 10,000 characters.' }) description?: string | null,
  ): Promise<InferredMethod | null> {
    if (title.length > MAX_TITLE) throw badInput(`title is longer than ${MAX_TITLE} characters`, { argument: 'title' });
    if ((description?.length ?? 0) > MAX_TEXT) throw badInput(`description is longer than ${MAX_TEXT} characters`, { argument: 'description' });
    const inferred = await inferDraftMethod(em, title, description);
    const method = inferred && (await loaders.method.load(inferred.methodId));
    return inferred && method ? { method, confidence: inferred.confidence, words: inferred.words } : null;
  }

  @Mutation(() => OverlapReviewPayload, { description: 'Records a decision on a pair (COORDINATOR; PROJECT_LEAD when one activity is in their plans).' })
  reviewOverlap(@Ctx() ctx: HubContext, @Arg('input', () => ReviewOverlapInput, { description: 'The pair and the decision.' }) input: ReviewOverlapInput) {
    return reviewOverlap(ctx, input);
  }

  @Mutation(() => UndoOverlapReviewsPayload, {
    description: `Takes back your own decisions on overlaps within ${UNDO_MINUTES} minutes ("Fortryd"): each pair has the decision before it again, or none.`,
  })
  undoOverlapReviews(
    @Ctx() ctx: HubContext,
    @Arg('input', () => UndoOverlapReviewsInput, { description: 'The decisions, as the review mutation named them.' }) input: UndoOverlapReviewsInput,
  ) {
    return undoOverlapReviews(ctx, input);
  }

  @FieldResolver(() => [Activity], { description: 'Exactly two activities, ordered by id (for a draft: the existing one).' })
  async activities(@Root() overlap: Overlap, @Ctx() { loaders }: HubContext): Promise<Activity[]> {
    return (await loaders.activity.loadMany(overlap.activityIds)).filter((a): a is Activity => a instanceof Activity);
  }

  @FieldResolver(() => [OverlapReason], { description: 'The signals behind the score; their weights add up to the score.' })
  reasons(
    @Root() overlap: Overlap,
    @Ctx() { language }: HubContext,
    @Arg('language', () => ReasonLanguage, {
      nullable: true,
      description: 'The language of the details: Danish unless asked for here or by an Accept-Language header that prefers English.',
    })
    asked?: ReasonLanguage | null,
  ): OverlapReason[] {
    return reasonsOf(overlap, asked ? (asked === ReasonLanguage.EN ? 'en' : 'da') : language);
  }

  @FieldResolver(() => OverlapReview, { nullable: true, description: 'The current decision on the pair, if any.' })
  review(@Root() overlap: Overlap, @Ctx() { loaders }: HubContext): Promise<OverlapReview | null> | null {
    return overlap.activityIds.length === 2 ? loaders.overlapReview.load(overlap.activityIds.join(':')) : null;
  }
}

@Resolver(() => OverlapReview)
export class OverlapReviewResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'Who recorded it (the person behind the user, if any).' })
  async reviewedBy(@Root() review: OverlapReview, @Ctx() { loaders }: HubContext): Promise<Person | null> {
    if (review.reviewedByUserId === null) return null;
    const user = await loaders.user.load(review.reviewedByUserId);
    return user?.person ? loaders.person.load(user.person.id) : null;
  }
}

/** Activity.overlaps lives with the data it reads. */
@Resolver(() => Activity)
export class ActivityOverlapsResolver {
  @FieldResolver(() => [Overlap], { description: 'Unreviewed overlaps this activity takes part in, best first.' })
  overlaps(
    @Root() activity: Activity,
    @Ctx() { loaders }: HubContext,
    @Arg('minScore', () => Float, { nullable: true, description: 'Lowest score returned; default the calibrated threshold.' }) minScore?: number | null,
  ): Promise<Overlap[]> {
    return loaders.activityOverlaps.load({ activityId: activity.id, minScore: minScoreOf(minScore) });
  }
}

/** The warning a project lead gets on registering: the overlap module adds it to the activities module's payload. */
@Resolver(() => ActivityPayload)
export class ActivityPayloadOverlapsResolver {
  @FieldResolver(() => [Overlap], { description: 'For create and update: existing activities the result overlaps, best first.' })
  similarActivities(@Root() payload: ActivityPayload, @Ctx() { em }: HubContext): Promise<Overlap[]> | Overlap[] {
    return payload.similarTo === undefined ? [] : similarToActivity(em, payload.similarTo);
  }
}
