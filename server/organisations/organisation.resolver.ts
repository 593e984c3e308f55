import { readAll } from '../core/read-model.js';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { Organisation } from './organisation.entity.js';
import { CreateOrganisationInput, OrganisationPayload } from './organisation.input.js';
import { createOrganisation } from './organisation.service.js';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation], { description: 'All organisations, by name.' })
  organisations(@Ctx() { em }: HubContext): Promise<Organisation[]> {
    return readAll(em, Organisation, 't.name, t.id');
  }

  @Mutation(() => OrganisationPayload, { description: 'Adds an organisation (ADMIN, COORDINATOR).' })
  createOrganisation(
    @Ctx() ctx: HubContext,
    @Arg('input', () => CreateOrganisationInput, { description: 'The new organisation.' }) input: CreateOrganisationInput,
  ) {
    return createOrganisation(ctx, input);
  }
}
