import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { Meeting } from './meeting.entity.js';
import { SteeringGroup, SteeringGroupMember } from './steering-group.entity.js';

@Resolver(() => SteeringGroup)
export class SteeringGroupResolver {
  @FieldResolver(() => Plan, { nullable: true, description: 'The plan it steers.' })
  plan(@Root() group: SteeringGroup, @Ctx() { loaders }: HubContext): Promise<Plan | null> | null {
    return group.plan ? loaders.plan.load(group.plan.id) : null;
  }

  @FieldResolver(() => [SteeringGroupMember], { description: 'Members and their roles.' })
  members(@Root() group: SteeringGroup, @Ctx() { loaders }: HubContext): Promise<SteeringGroupMember[]> {
    return loaders.steeringGroupMembers.load(group.id);
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings, newest first.' })
  meetings(@Root() group: SteeringGroup, @Ctx() { loaders }: HubContext): Promise<Meeting[]> {
    return loaders.steeringGroupMeetings.load(group.id);
  }
}

@Resolver(() => SteeringGroupMember)
export class SteeringGroupMemberResolver {
  @FieldResolver(() => Person, { description: 'The member.' })
  async person(@Root() member: SteeringGroupMember, @Ctx() { loaders }: HubContext): Promise<Person> {
    return (await loaders.person.load(member.person.id))!;
  }
}

/** A plan's steering group: the governance module adds the field to the plan's type. */
@Resolver(() => Plan)
export class PlanSteeringGroupResolver {
  @FieldResolver(() => SteeringGroup, { nullable: true, description: 'The steering group (styregruppe) of the plan.' })
  async steeringGroup(@Root() plan: Plan, @Ctx() { loaders }: HubContext): Promise<SteeringGroup | null> {
    return (await loaders.planSteeringGroups.load(plan.id))[0] ?? null;
  }
}
