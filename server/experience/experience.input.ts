import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-errors.js';
import { Experience, ExperienceOutcome } from './experience.entity.js';

@InputType('ExperienceFilter', { description: 'Narrows a list of experiences; all given conditions must hold.' })
export class ExperienceFilter {
  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Experiences with any of these methods.' })
  methodIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Experiences from activities for any of these target groups or their sub-groups.' })
  targetGroupIds?: string[] | null;

  @ArrayMaxSize(200)
  @Field(() => [ID], { nullable: true, description: 'Experiences from activities with any of these themes.' })
  themeIds?: string[] | null;

  @Field(() => [ExperienceOutcome], { nullable: true, description: 'Experiences with any of these outcomes.' })
  outcome?: ExperienceOutcome[] | null;

  @MaxLength(500)
  @Field(() => String, { nullable: true, description: 'Free text, Danish-aware, over title, body and recommendation.' })
  text?: string | null;
}

@InputType('CreateExperienceInput', { description: 'A lesson learned, on an activity and/or a method.' })
export class CreateExperienceInput {
  @Field(() => String, { description: 'Short title, at most 200 characters.' })
  title!: string;

  @Field(() => String, { description: 'What happened and what was learned, at most 10,000 characters.' })
  body!: string;

  @Field(() => ExperienceOutcome, { description: 'Whether it worked.' })
  outcome!: ExperienceOutcome;

  @Field(() => String, { nullable: true, description: 'Advice to others, at most 10,000 characters.' })
  recommendation?: string | null;

  @Field(() => ID, { nullable: true, description: 'The activity it comes from; a project lead may only use activities of their plans.' })
  activityId?: string | null;

  @Field(() => ID, { nullable: true, description: "The method it concerns; default the activity's method." })
  methodId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether readers and the newsletter may see it. Default false.' })
  publishable?: boolean | null;
}

@ObjectType('ExperiencePayload', { description: 'The result of createExperience.' })
export class ExperiencePayload {
  @Field(() => Experience, { nullable: true, description: 'The new experience; null when userErrors is not empty.' })
  experience!: Experience | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
