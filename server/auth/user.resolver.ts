import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { User } from './user.entity.js';
import { CreateUserInput, CreateUserPayload } from './user.input.js';
import { createUser } from './user.service.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user.' })
  viewer(@Ctx() { viewer, loaders }: HubContext): Promise<User | null> | null {
    return viewer ? loaders.user.load(viewer.userId) : null;
  }

  @Mutation(() => CreateUserPayload, { description: 'Adds a user and shows their token once (ADMIN).' })
  createUser(@Ctx() ctx: HubContext, @Arg('input', () => CreateUserInput, { description: 'The new user.' }) input: CreateUserInput) {
    return createUser(ctx, input);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The staff member behind the user, if any.' })
  person(@Root() user: User, @Ctx() { loaders }: HubContext): Promise<Person | null> | null {
    return user.person ? loaders.person.load(user.person.id) : null;
  }

  @FieldResolver(() => [Plan], { description: 'Plans a PROJECT_LEAD may edit.' })
  plans(@Root() user: User, @Ctx() { loaders }: HubContext): Promise<Plan[]> {
    return loaders.userPlans.load(user.id);
  }
}
