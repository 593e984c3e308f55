import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../core/enums.js';
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
