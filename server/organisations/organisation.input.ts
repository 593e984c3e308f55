import { Field, InputType, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../core/enums.js';
import { UserError } from '../core/user-errors.js';
import { Organisation } from './organisation.entity.js';

@InputType('CreateOrganisationInput', { description: 'A new organisation.' })
export class CreateOrganisationInput {
  @Field(() => String, { description: 'Name, at most 200 characters.' })
  name!: string;

  @Field(() => OrganisationKind, { description: 'What kind of organisation it is.' })
  kind!: OrganisationKind;
}

@ObjectType('OrganisationPayload', { description: 'The result of createOrganisation.' })
export class OrganisationPayload {
  @Field(() => Organisation, { nullable: true, description: 'The new organisation; null when userErrors is not empty.' })
  organisation!: Organisation | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
