import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { ActionItem, Meeting } from './meeting.entity.js';
import { SteeringGroup } from './steering-group.entity.js';

@InputType('SteeringGroupMemberInput', { description: 'A member of a steering group.' })
export class SteeringGroupMemberInput {
  @Field(() => ID, { description: 'The person.' })
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Role in the group, e.g. "Formand".' })
  role?: string | null;
}

@InputType('CreateSteeringGroupInput', { description: 'A new steering group (styregruppe).' })
export class CreateSteeringGroupInput {
  @Field(() => ID, { nullable: true, description: 'The plan it steers; a plan has at most one steering group.' })
  planId?: string | null;

  @Field(() => String, { description: 'Name, at most 200 characters.' })
  name!: string;

  @ArrayMaxSize(100)
  @Field(() => [SteeringGroupMemberInput], { nullable: true, description: 'Members; each person once.' })
  members?: SteeringGroupMemberInput[] | null;
}

@InputType('ActionItemInput', { description: 'A follow-up agreed at a meeting.' })
export class ActionItemInput {
  @Field(() => String, { description: 'What is to be done.' })
  description!: string;

  @Field(() => ID, { nullable: true, description: 'Who does it (a Person).' })
  ownerId?: string | null;

  @Field(() => LocalDateScalar, { description: 'When it is due.' })
  dueDate!: string;
}

@InputType('RecordMeetingInput', { description: 'A steering-group meeting with its agenda, minutes, decisions and follow-ups.' })
export class RecordMeetingInput {
  @Field(() => ID, { description: 'The steering group.' })
  steeringGroupId!: string;

  @Field(() => LocalDateScalar, { description: 'Date of the meeting.' })
  date!: string;

  @ArrayMaxSize(100)
  @Field(() => [String], { nullable: true, description: 'Agenda items in order.' })
  agenda?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Minutes, at most 10,000 characters.' })
  minutes?: string | null;

  @ArrayMaxSize(100)
  @Field(() => [String], { nullable: true, description: 'Decisions taken.' })
  decisions?: string[] | null;

  @ArrayMaxSize(100)
  @Field(() => [ActionItemInput], { nullable: true, description: 'Follow-ups agreed.' })
  actionItems?: ActionItemInput[] | null;
}

@InputType('CompleteActionItemInput', { description: 'A follow-up that is done.' })
export class CompleteActionItemInput {
  @Field(() => ID, { description: 'The action item.' })
  id!: string;
}

@ObjectType('SteeringGroupPayload', { description: 'The result of createSteeringGroup.' })
export class SteeringGroupPayload {
  @Field(() => SteeringGroup, { nullable: true, description: 'The new steering group; null when userErrors is not empty.' })
  steeringGroup!: SteeringGroup | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('MeetingPayload', { description: 'The result of recordMeeting.' })
export class MeetingPayload {
  @Field(() => Meeting, { nullable: true, description: 'The meeting; null when userErrors is not empty.' })
  meeting!: Meeting | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('ActionItemPayload', { description: 'The result of completeActionItem.' })
export class ActionItemPayload {
  @Field(() => ActionItem, { nullable: true, description: 'The action item; null when userErrors is not empty.' })
  actionItem!: ActionItem | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
