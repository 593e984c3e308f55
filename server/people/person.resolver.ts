import { MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../core/pagination.js';
import { PersonConnection } from './person.connection.js';
import { MAX_PEOPLE_SEARCH } from './person.query.js';
import type { HubContext } from '../core/context.js';
import { EmailAddressScalar } from '../core/scalars.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { CreatePersonInput, PersonPayload } from './person.input.js';
import { canSeeContactData, createPerson, listPeople } from './person.service.js';
import { Person } from './person.entity.js';

@ArgsType()
class PeopleArgs extends PageArgs {
  @MaxLength(MAX_PEOPLE_SEARCH)
  @Field(() => String, {
    nullable: true,
    description: `Words the name or job title must hold, in any order and case; at most ${MAX_PEOPLE_SEARCH} characters.`,
  })
  search?: string | null;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'Staff, by name: e.g. to pick the contact person of an activity. E-mail and phone as on Person.' })
  people(@Ctx() { em }: HubContext, @Args(() => PeopleArgs) { first, after, search }: PeopleArgs) {
    return listPeople(em, { first, after, search });
  }

  @Mutation(() => PersonPayload, { description: 'Adds a staff member (ADMIN, COORDINATOR).' })
  createPerson(@Ctx() ctx: HubContext, @Arg('input', () => CreatePersonInput, { description: 'The new person.' }) input: CreatePersonInput) {
    return createPerson(ctx, input);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Where the person works.' })
  organisation(@Root() person: Person, @Ctx() { loaders }: HubContext): Promise<Organisation | null> | null {
    return person.organisation ? loaders.organisation.load(person.organisation.id) : null;
  }

  @FieldResolver(() => EmailAddressScalar, { nullable: true, description: 'Work e-mail; null for READER and unauthenticated callers.' })
  email(@Root() person: Person, @Ctx() { viewer }: HubContext): string | null {
    return canSeeContactData(viewer) ? (person.email ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Work phone; null for READER and unauthenticated callers.' })
  phone(@Root() person: Person, @Ctx() { viewer }: HubContext): string | null {
    return canSeeContactData(viewer) ? (person.phone ?? null) : null;
  }
}
