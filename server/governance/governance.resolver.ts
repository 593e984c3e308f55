import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { Person } from '../people/person.entity.js';
import {
  ActionItemPayload,
  CompleteActionItemInput,
  CreateSteeringGroupInput,
  MeetingPayload,
  RecordMeetingInput,
  SteeringGroupPayload,
} from './governance.input.js';
import { completeActionItem, createSteeringGroup, listActionItems, recordMeeting } from './governance.service.js';
import { ActionItem, ActionItemStatus, Meeting } from './meeting.entity.js';
import { SteeringGroup } from './steering-group.entity.js';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Mutation(() => SteeringGroupPayload, { description: 'Sets up a steering group with its members (COORDINATOR; PROJECT_LEAD for their plans).' })
  createSteeringGroup(@Ctx() ctx: HubContext, @Arg('input', () => CreateSteeringGroupInput, { description: 'The group.' }) input: CreateSteeringGroupInput) {
    return createSteeringGroup(ctx, input);
  }

  @Mutation(() => MeetingPayload, {
    description: 'Records a meeting with agenda, minutes, decisions and follow-ups (COORDINATOR; PROJECT_LEAD for their plans).',
  })
  recordMeeting(@Ctx() ctx: HubContext, @Arg('input', () => RecordMeetingInput, { description: 'The meeting.' }) input: RecordMeetingInput) {
    return recordMeeting(ctx, input);
  }

  @FieldResolver(() => SteeringGroup, { description: 'The group that met.' })
  async steeringGroup(@Root() meeting: Meeting, @Ctx() { loaders }: HubContext): Promise<SteeringGroup> {
    return (await loaders.steeringGroup.load(meeting.steeringGroup.id))!;
  }

  @FieldResolver(() => [ActionItem], { description: 'Follow-ups agreed, by due date.' })
  actionItems(@Root() meeting: Meeting, @Ctx() { loaders }: HubContext): Promise<ActionItem[]> {
    return loaders.meetingActionItems.load(meeting.id);
  }
}

@Resolver(() => ActionItem)
export class ActionItemResolver {
  @Query(() => [ActionItem], { description: 'Follow-ups by due date; overdue: open with a due date before today.' })
  actionItems(
    @Ctx() { em, viewer }: HubContext,
    @Arg('overdue', () => Boolean, { nullable: true, description: 'true: only overdue; false: only those not overdue.' }) overdue?: boolean | null,
    @Arg('steeringGroupId', () => ID, { nullable: true, description: 'Only this steering group.' }) steeringGroupId?: string | null,
    @Arg('planIds', () => [ID], { nullable: true, description: 'Only the follow-ups of these plans (at most 200).' }) planIds?: string[] | null,
    @Arg('status', () => ActionItemStatus, { nullable: true, description: 'Only open or only done follow-ups.' }) status?: ActionItemStatus | null,
  ): Promise<ActionItem[]> {
    return listActionItems(em, viewer, { overdue, steeringGroupId, planIds, status });
  }

  @Mutation(() => ActionItemPayload, { description: 'Marks a follow-up done (COORDINATOR; PROJECT_LEAD for their plans).' })
  completeActionItem(@Ctx() ctx: HubContext, @Arg('input', () => CompleteActionItemInput, { description: 'The follow-up.' }) input: CompleteActionItemInput) {
    return completeActionItem(ctx, input);
  }

  @FieldResolver(() => Meeting, { description: 'Where it was agreed.' })
  async meeting(@Root() item: ActionItem, @Ctx() { loaders }: HubContext): Promise<Meeting> {
    return (await loaders.meeting.load(item.meeting.id))!;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who does it.' })
  owner(@Root() item: ActionItem, @Ctx() { loaders }: HubContext): Promise<Person | null> | null {
    return item.owner ? loaders.person.load(item.owner.id) : null;
  }
}
