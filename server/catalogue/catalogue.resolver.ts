import { readAll } from '../core/read-model.js';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../core/context.js';
import {
  CreateMethodInput,
  CreateTargetGroupInput,
  CreateThemeInput,
  MethodPayload,
  TargetGroupPayload,
  ThemePayload,
  UpdateMethodInput,
} from './catalogue.input.js';
import { createMethod, createTargetGroup, createTheme, updateMethod } from './catalogue.service.js';
import { Method } from './method.entity.js';
import { TargetGroup } from './target-group.entity.js';
import { Theme } from './theme.entity.js';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme], { description: 'The themes (indsatsområder), by code.' })
  themes(@Ctx() { em }: HubContext): Promise<Theme[]> {
    return readAll(em, Theme, 't.code');
  }

  @Mutation(() => ThemePayload, { description: 'Adds a theme (ADMIN, COORDINATOR).' })
  createTheme(@Ctx() ctx: HubContext, @Arg('input', () => CreateThemeInput, { description: 'The new theme.' }) input: CreateThemeInput) {
    return createTheme(ctx, input);
  }
}

@Resolver(() => TargetGroup)
export class TargetGroupResolver {
  @Query(() => [TargetGroup], { description: 'All target groups, youngest first, then by name.' })
  targetGroups(@Ctx() { em }: HubContext): Promise<TargetGroup[]> {
    return readAll(em, TargetGroup, 't.min_age asc nulls last, t.name, t.id');
  }

  @Mutation(() => TargetGroupPayload, { description: 'Adds a target group (ADMIN, COORDINATOR).' })
  createTargetGroup(
    @Ctx() ctx: HubContext,
    @Arg('input', () => CreateTargetGroupInput, { description: 'The new target group.' }) input: CreateTargetGroupInput,
  ) {
    return createTargetGroup(ctx, input);
  }

  @FieldResolver(() => TargetGroup, { nullable: true, description: 'The wider group this one is part of.' })
  parent(@Root() group: TargetGroup, @Ctx() { loaders }: HubContext): Promise<TargetGroup | null> | null {
    return group.parent ? loaders.targetGroup.load(group.parent.id) : null;
  }

  @FieldResolver(() => [TargetGroup], { description: 'Groups that are part of this one.' })
  children(@Root() group: TargetGroup, @Ctx() { loaders }: HubContext): Promise<TargetGroup[]> {
    return loaders.targetGroupChildren.load(group.id);
  }
}

@Resolver(() => Method)
export class MethodResolver {
  @Query(() => [Method], { description: 'The method catalogue, by name.' })
  methods(@Ctx() { em }: HubContext): Promise<Method[]> {
    return readAll(em, Method, 't.name, t.id');
  }

  @Mutation(() => MethodPayload, { description: 'Adds a method to the catalogue (ADMIN, COORDINATOR).' })
  createMethod(@Ctx() ctx: HubContext, @Arg('input', () => CreateMethodInput, { description: 'The new method.' }) input: CreateMethodInput) {
    return createMethod(ctx, input);
  }

  @Mutation(() => MethodPayload, { description: "Changes a method's name, description or keywords (ADMIN, COORDINATOR)." })
  updateMethod(@Ctx() ctx: HubContext, @Arg('input', () => UpdateMethodInput, { description: 'The method and what changes.' }) input: UpdateMethodInput) {
    return updateMethod(ctx, input);
  }
}
