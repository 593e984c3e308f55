import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import { AreaKind } from '../core/enums.js';
import { Area } from './area.entity.js';
import { AreaPayload, CreateAreaInput } from './area.input.js';
import { createArea, listAreas } from './area.service.js';

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => [Area], { description: 'Areas, municipality first, then districts and estates, each by name.' })
  areas(
    @Ctx() { em }: HubContext,
    @Arg('kind', () => AreaKind, { nullable: true, description: 'Only areas of this kind.' }) kind?: AreaKind | null,
  ): Promise<Area[]> {
    return listAreas(em, kind);
  }

  @Mutation(() => AreaPayload, { description: 'Adds a municipality, district or estate (ADMIN, COORDINATOR).' })
  createArea(@Ctx() ctx: HubContext, @Arg('input', () => CreateAreaInput, { description: 'The new area.' }) input: CreateAreaInput) {
    return createArea(ctx, input);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area this one lies in.' })
  parent(@Root() area: Area, @Ctx() { loaders }: HubContext): Promise<Area | null> | null {
    return area.parent ? loaders.area.load(area.parent.id) : null;
  }

  @FieldResolver(() => [Area], { description: 'Areas directly inside this one, by name.' })
  children(@Root() area: Area, @Ctx() { loaders }: HubContext): Promise<Area[]> {
    return loaders.areaChildren.load(area.id);
  }
}
