import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { EmailAddressScalar } from '../core/scalars.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { CreatePersonInput, PersonPayload } from './person.input.js';
import { canSeeContactData, createPerson } from './person.service.js';
import { Person } from './person.entity.js';

@Resolver(() => Person)
export class PersonResolver {
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
