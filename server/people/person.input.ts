import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { EmailAddressScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { Person } from './person.entity.js';

@InputType('CreatePersonInput', { description: 'A new staff member (never a citizen).' })
export class CreatePersonInput {
  @Field(() => String, { description: 'Full name, at most 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'Where the person works.' })
  organisationId?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true, description: 'Work e-mail.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone: digits, spaces, "+", "-" and parentheses.' })
  phone?: string | null;
}

@ObjectType('PersonPayload', { description: 'The result of createPerson.' })
export class PersonPayload {
  @Field(() => Person, { nullable: true, description: 'The new person; null when userErrors is not empty.' })
  person!: Person | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
