import { ArrayMaxSize, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ScheduleSlotInput } from '../activities/schedule.js';
import { AreaKind } from '../core/enums.js';
import { LocalDateScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { Overlap, OverlapDecision } from './overlap.types.js';

/** How long a decision can be taken back by whoever made it. */
export const UNDO_MINUTES = 10;
/** Decisions one undo takes back at most: a large group's review. */
export const MAX_UNDO = 2000;

@InputType('OverlapFilter', { description: 'Narrows the list of overlaps; all given conditions must hold.' })
export class OverlapFilter {
  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Overlaps in which at least one activity belongs to one of these plans.' })
  planIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Overlaps in which at least one activity is in one of these areas or their sub-areas.' })
  areaIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Overlaps in which at least one activity serves one of these target groups or their sub-groups.' })
  targetGroupIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Overlaps in which at least one activity has one of these themes.' })
  themeIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], {
    nullable: true,
    description:
      'Overlaps in which at least one activity is of one of these kinds of work: its method, or the method inferred from its words with confidence from 0.5.',
  })
  methodIds?: string[] | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'Only pairs whose activities are both active on this date. Default: pairs whose common period has not ended before today (current and future overlaps).',
  })
  activeOn?: string | null;

  @Min(0)
  @Max(1)
  @Field(() => Float, {
    nullable: true,
    description: "Lowest score returned. Default: the implementation's calibrated threshold, the one that separates true overlaps from near misses.",
  })
  minScore?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false: reviewed pairs are hidden.' })
  includeReviewed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true: pairs inside one plan count too.' })
  includeSamePlan?: boolean | null;
}

@InputType('ActivityDraftInput', { description: 'What an activity would be, for similarActivities; same fields as CreateActivityInput.' })
export class ActivityDraftInput {
  @Field(() => ID, { nullable: true, description: 'The plan it would belong to; its other activities count as well.' })
  planId?: string | null;

  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Method from the catalogue.' })
  methodId?: string | null;

  @ArrayMaxSize(50)
  @Field(() => [ID], { nullable: true, description: 'Themes.' })
  themeIds?: string[] | null;

  @ArrayMaxSize(50)
  @Field(() => [ID], { description: 'Target groups; at least one.' })
  targetGroupIds!: string[];

  @ArrayMaxSize(50)
  @Field(() => [ID], { description: 'Areas; at least one.' })
  areaIds!: string[];

  @Field(() => LocalDateScalar, { description: 'First day.' })
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; leave out for open-ended.' })
  endDate?: string | null;

  @ArrayMaxSize(50)
  @Field(() => [ScheduleSlotInput], { nullable: true, description: 'Weekly slots.' })
  schedule?: ScheduleSlotInput[] | null;
}

@InputType('ReviewOverlapInput', { description: 'A decision on a pair of overlapping activities.' })
export class ReviewOverlapInput {
  @Field(() => [ID], { description: 'The two activities of the pair.' })
  activityIds!: string[];

  @Field(() => OverlapDecision, { description: 'What was decided.' })
  decision!: OverlapDecision;

  @Field(() => String, { nullable: true, description: 'Why, or what was agreed; at most 10,000 characters.' })
  note?: string | null;
}

@ObjectType('OverlapReviewPayload', { description: 'The result of reviewOverlap.' })
export class OverlapReviewPayload {
  @Field(() => Overlap, { nullable: true, description: 'The pair with its new review; null when userErrors is not empty.' })
  overlap!: Overlap | null;

  @Field(() => [ID], { description: `The decisions recorded: give them to undoOverlapReviews within ${UNDO_MINUTES} minutes to take them back.` })
  reviewIds!: string[];

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType('UndoOverlapReviewsInput', { description: 'Decisions to take back, as a review mutation named them.' })
export class UndoOverlapReviewsInput {
  @ArrayMaxSize(MAX_UNDO)
  @Field(() => [ID], { description: `The reviewIds of reviewOverlap or reviewOverlapGroup, at most ${MAX_UNDO}.` })
  reviewIds!: string[];
}

@ObjectType('UndoOverlapReviewsPayload', { description: 'The result of undoOverlapReviews.' })
export class UndoOverlapReviewsPayload {
  @Field(() => Int, { description: 'Decisions taken back (the pair has the decision before them again, or none).' })
  undoneCount!: number;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType('CoverageFilter', { description: 'Which cells of the coverage matrix to count.' })
export class CoverageFilter {
  @Field(() => AreaKind, { nullable: true, description: 'Rows of the matrix: areas of this kind (default DISTRICT unless areaIds are given).' })
  areaKind?: AreaKind | null;

  @ArrayMaxSize(500)
  @Field(() => [ID], { nullable: true, description: 'Rows of the matrix: these areas.' })
  areaIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Columns: these target groups (default all).' })
  targetGroupIds?: string[] | null;

  @ArrayMaxSize(50)
  @Field(() => [ID], { nullable: true, description: 'When given, every cell is split by these themes.' })
  themeIds?: string[] | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Default: today.' })
  activeOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cells with no active activity.' })
  gapsOnly?: boolean | null;
}
