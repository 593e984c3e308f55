import { Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { Organisation } from './organisation.entity.js';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation], { description: 'All organisations, by name.' })
  organisations(@Ctx() { em }: HubContext): Promise<Organisation[]> {
    return em.find(Organisation, {}, { orderBy: { name: 'asc', id: 'asc' } });
  }
}
