import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../core/enums.js';
import { ConnectionType } from '../core/pagination.js';
import { UserError } from '../core/user-errors.js';
import { User } from './user.entity.js';

@InputType('CreateUserInput', { description: 'A new user, who signs in with the token the payload shows once.' })
export class CreateUserInput {
  @Field(() => String, { description: 'Name of the user or tool, at most 200 characters.' })
  name!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The staff member behind the user, if any.' })
  personId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Plans a PROJECT_LEAD may edit: at least one for a project lead, none for other roles.' })
  planIds?: string[] | null;
}

@ObjectType('CreateUserPayload', { description: 'The result of createUser.' })
export class CreateUserPayload {
  @Field(() => User, { nullable: true, description: 'The new user; null when userErrors is not empty.' })
  user!: User | null;

  @Field(() => String, { nullable: true, description: 'The bearer token, shown once; only its hash is stored.' })
  token!: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType('RevokeUserInput', { description: 'A user whose token stops working on every hub at once.' })
export class RevokeUserInput {
  @Field(() => ID, { description: 'The user.' })
  id!: string;
}

@InputType('RotateTokenInput', { description: 'A user who gets a new token; the old one stops working on every hub at once.' })
export class RotateTokenInput {
  @Field(() => ID, { nullable: true, description: 'The user (ADMIN); yourself when left out. A new token for a revoked user restores them.' })
  id?: string | null;
}

@InputType('UpdateUserInput', { description: 'What changes about a user; fields left out stay as they are.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'The user.' })
  id!: string;

  @Field(() => Role, { nullable: true, description: 'What the user may do.' })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'The staff member behind the user.' })
  personId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Plans a PROJECT_LEAD may edit (at least one); an empty list for other roles.' })
  planIds?: string[] | null;
}

@ObjectType('UserPayload', { description: 'The result of revokeUser and updateUser.' })
export class UserPayload {
  @Field(() => User, { nullable: true, description: 'The user after the change; null when userErrors is not empty.' })
  user!: User | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('RotateTokenPayload', { description: 'The result of rotateToken.' })
export class RotateTokenPayload {
  @Field(() => User, { nullable: true, description: 'The user; null when userErrors is not empty.' })
  user!: User | null;

  @Field(() => String, { nullable: true, description: 'The new bearer token, shown once; only its hash is stored.' })
  token!: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('UserConnection', { description: 'A page of users, by name.' })
export class UserConnection extends ConnectionType('User', User, 'user') {}
