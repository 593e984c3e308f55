import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ActivityStatus } from '../core/enums.js';
import { expectIds } from '../core/global-id.js';
import { LocalDateScalar } from '../core/scalars.js';

@InputType('ActivityFilter', { description: 'Narrows a list of activities; all given conditions must hold.' })
export class ActivityFilter {
  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Activities of any of these plans.' })
  planIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Activities in any of these areas or their sub-areas.' })
  areaIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Activities for any of these target groups or their sub-groups.' })
  targetGroupIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Activities with any of these themes.' })
  themeIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Activities using any of these methods.' })
  methodIds?: string[] | null;

  @Field(() => [ActivityStatus], { nullable: true, description: 'Activities in any of these statuses.' })
  status?: ActivityStatus[] | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Activities whose period includes this date.' })
  activeOn?: string | null;

  @MaxLength(500)
  @Field(() => String, {
    nullable: true,
    description: 'Free text, Danish-aware (stemming), over title and description: every word must begin a word of the activity, accents optional.',
  })
  text?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  includeArchived?: boolean | null;
}

/** An ActivityFilter with its ids decoded: what the SQL builder works from. */
export interface ActivityCriteria {
  planIds?: number[];
  areaIds?: number[];
  targetGroupIds?: number[];
  themeIds?: number[];
  methodIds?: number[];
  status?: ActivityStatus[];
  activeOn?: string;
  text?: string;
  includeArchived: boolean;
  /** SQL on `a` limiting to what the viewer may see (access/visibility.ts). */
  visibleSql?: string;
}

export function toActivityCriteria(filter: ActivityFilter | null | undefined): ActivityCriteria {
  const text = filter?.text?.trim();
  return {
    planIds: expectIds(filter?.planIds, 'Plan', 'filter.planIds'),
    areaIds: expectIds(filter?.areaIds, 'Area', 'filter.areaIds'),
    targetGroupIds: expectIds(filter?.targetGroupIds, 'TargetGroup', 'filter.targetGroupIds'),
    themeIds: expectIds(filter?.themeIds, 'Theme', 'filter.themeIds'),
    methodIds: expectIds(filter?.methodIds, 'Method', 'filter.methodIds'),
    status: filter?.status ?? undefined,
    activeOn: filter?.activeOn ?? undefined,
    text: text ? text : undefined,
    includeArchived: filter?.includeArchived ?? false,
  };
}
