import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../core/pagination.js';
import type { HubContext } from '../core/context.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { User } from './user.entity.js';
import {
  CreateUserInput,
  CreateUserPayload,
  RevokeUserInput,
  RotateTokenInput,
  RotateTokenPayload,
  UpdateUserInput,
  UserConnection,
  UserPayload,
} from './user.input.js';
import { createUser, listUsers, revokeUser, rotateToken, updateUser } from './user.service.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user.' })
  viewer(@Ctx() { viewer, loaders }: HubContext): Promise<User | null> | null {
    return viewer ? loaders.user.load(viewer.userId) : null;
  }

  @Query(() => UserConnection, { description: 'Every user by name, revoked ones included (ADMIN).' })
  users(@Ctx() ctx: HubContext, @Args(() => PageArgs) { first, after }: PageArgs) {
    return listUsers(ctx, { first, after });
  }

  @Mutation(() => CreateUserPayload, { description: 'Adds a user and shows their token once (ADMIN).' })
  createUser(@Ctx() ctx: HubContext, @Arg('input', () => CreateUserInput, { description: 'The new user.' }) input: CreateUserInput) {
    return createUser(ctx, input);
  }

  @Mutation(() => UserPayload, { description: 'Revokes a user: their token is refused on every hub within a second (ADMIN).' })
  revokeUser(@Ctx() ctx: HubContext, @Arg('input', () => RevokeUserInput, { description: 'The user.' }) input: RevokeUserInput) {
    return revokeUser(ctx, input);
  }

  @Mutation(() => RotateTokenPayload, {
    description: 'A new token, shown once; the old one stops working on every hub within a second (yourself, or anyone as ADMIN).',
  })
  rotateToken(
    @Ctx() ctx: HubContext,
    @Arg('input', () => RotateTokenInput, { nullable: true, description: 'Whose token; yours when left out.' }) input?: RotateTokenInput | null,
  ) {
    return rotateToken(ctx, input ?? {});
  }

  @Mutation(() => UserPayload, { description: "Changes a user's role, person or plans (ADMIN)." })
  updateUser(@Ctx() ctx: HubContext, @Arg('input', () => UpdateUserInput, { description: 'The user and what changes.' }) input: UpdateUserInput) {
    return updateUser(ctx, input);
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
