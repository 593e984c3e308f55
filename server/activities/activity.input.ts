import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ActivityStatus } from '../core/enums.js';
import { LocalDateScalar, NonNegativeIntScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { Activity } from './activity.entity.js';
import { ScheduleSlotInput } from './schedule.js';

@InputType('CreateActivityInput', { description: 'A new activity of a plan.' })
export class CreateActivityInput {
  @Field(() => ID, { description: 'The plan it belongs to; a project lead may only use their own plans.' })
  planId!: string;

  @Field(() => String, { description: 'Title, at most 200 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What happens, for whom and how; at most 10,000 characters.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Method from the shared catalogue.' })
  methodId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Themes it works on.' })
  themeIds?: string[] | null;

  @Field(() => [ID], { description: 'Target groups it serves; at least one.' })
  targetGroupIds!: string[];

  @Field(() => [ID], { description: 'Areas where it takes place; at least one.' })
  areaIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'Organisations it is run with.' })
  partnerIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Who to contact about it (a Person).' })
  contactId?: string | null;

  @Field(() => ActivityStatus, { nullable: true, description: 'Default PLANNED.' })
  status?: ActivityStatus | null;

  @Field(() => LocalDateScalar, { description: 'First day.' })
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; leave out while open-ended.' })
  endDate?: string | null;

  @Field(() => [ScheduleSlotInput], { nullable: true, description: 'Weekly time slots.' })
  schedule?: ScheduleSlotInput[] | null;

  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'Participants it can take at once.' })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: "The plan's own reference for it, unique within the plan; at most 100 characters." })
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'A retry with the same key returns the first result instead of creating a second activity.' })
  idempotencyKey?: string | null;
}

@InputType('UpdateActivityInput', { description: 'Fields left out are unchanged; a field given as null is cleared where it is nullable.' })
export class UpdateActivityInput {
  @Field(() => ID, { description: 'The activity to change.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a newer version on the server answers VERSION_CONFLICT.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'New title; cannot be cleared.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; null clears it.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'New method; null clears it.' })
  methodId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'New themes; null or [] clears them.' })
  themeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'New target groups; at least one.' })
  targetGroupIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'New areas; at least one.' })
  areaIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'New partners; null or [] clears them.' })
  partnerIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'New contact; null clears it.' })
  contactId?: string | null;

  @Field(() => ActivityStatus, { nullable: true, description: 'New status; cannot be cleared.' })
  status?: ActivityStatus | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'New first day; cannot be cleared.' })
  startDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'New last day; null makes it open-ended.' })
  endDate?: string | null;

  @Field(() => [ScheduleSlotInput], { nullable: true, description: 'New weekly slots; null or [] clears them.' })
  schedule?: ScheduleSlotInput[] | null;

  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'New capacity; null clears it.' })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: 'New reference, unique within the plan; null clears it.' })
  reference?: string | null;
}

@InputType('ArchiveActivityInput', { description: 'An activity to archive: it leaves lists and overlap analysis, and stays readable by id.' })
export class ArchiveActivityInput {
  @Field(() => ID, { description: 'The activity to archive.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  expectedVersion!: number;
}

@ObjectType('ActivityPayload', { description: 'The result of createActivity, updateActivity and archiveActivity.' })
export class ActivityPayload {
  @Field(() => Activity, { nullable: true, description: 'The activity as stored; null when userErrors is not empty.' })
  activity!: Activity | null;

  /** The activity whose similar activities the payload lists (create and update); the overlap module answers the field. */
  similarTo?: number;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
