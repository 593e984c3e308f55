import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { NonNegativeIntScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { Method } from './method.entity.js';
import { TargetGroup } from './target-group.entity.js';
import { Theme } from './theme.entity.js';

@InputType('CreateThemeInput', { description: 'A new theme (indsatsområde).' })
export class CreateThemeInput {
  @Field(() => String, { description: 'Unique short code.' })
  code!: string;

  @Field(() => String, { description: 'Name, at most 200 characters.' })
  name!: string;
}

@InputType('CreateTargetGroupInput', { description: 'A new target group (målgruppe).' })
export class CreateTargetGroupInput {
  @Field(() => String, { description: 'Unique short code.' })
  code!: string;

  @Field(() => String, { description: 'Name, at most 200 characters.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The wider group this one is part of.' })
  parentId?: string | null;

  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'Youngest age served, at most 150.' })
  minAge?: number | null;

  @Field(() => NonNegativeIntScalar, { nullable: true, description: 'Oldest age served, at most 150; not below minAge.' })
  maxAge?: number | null;
}

@InputType('CreateMethodInput', { description: 'A new method for the shared catalogue.' })
export class CreateMethodInput {
  @Field(() => String, { description: 'Unique short code.' })
  code!: string;

  @Field(() => String, { description: 'Name, at most 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the method is, at most 10,000 characters.' })
  description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Danish words that show the method in an activity\'s title or description, at most 50 of at most 40 letters each, one word each (e.g. "lektie", "lektiehjælp").',
  })
  keywords?: string[] | null;
}

@ObjectType('ThemePayload', { description: 'The result of createTheme.' })
export class ThemePayload {
  @Field(() => Theme, { nullable: true, description: 'The new theme; null when userErrors is not empty.' })
  theme!: Theme | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('TargetGroupPayload', { description: 'The result of createTargetGroup.' })
export class TargetGroupPayload {
  @Field(() => TargetGroup, { nullable: true, description: 'The new target group; null when userErrors is not empty.' })
  targetGroup!: TargetGroup | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType('UpdateMethodInput', { description: 'What changes in a method of the catalogue; fields left out stay as they are.' })
export class UpdateMethodInput {
  @Field(() => ID, { description: 'The method.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name, at most 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description, at most 10,000 characters; null clears it.' })
  description?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The new keywords, replacing the old ones (see Method.keywords); the methods of activities registered without one are inferred again.',
  })
  keywords?: string[] | null;
}

@ObjectType('MethodPayload', { description: 'The result of createMethod and updateMethod.' })
export class MethodPayload {
  @Field(() => Method, { nullable: true, description: 'The new method; null when userErrors is not empty.' })
  method!: Method | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
