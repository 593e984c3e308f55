import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PlanStatus } from '../core/enums.js';
import { LocalDateScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { Plan } from './plan.entity.js';

@InputType('CreatePlanInput', { description: 'A new helhedsplan.' })
export class CreatePlanInput {
  @Field(() => String, { description: 'Unique short code, e.g. "VOL-2027".' })
  code!: string;

  @Field(() => String, { description: 'Name, at most 200 characters.' })
  name!: string;

  @Field(() => PlanStatus, { nullable: true, description: 'Default ACTIVE.' })
  status?: PlanStatus | null;

  @Field(() => LocalDateScalar, { description: 'First day of the plan period.' })
  startDate!: string;

  @Field(() => LocalDateScalar, { description: 'Last day of the plan period; not before startDate.' })
  endDate!: string;

  @Field(() => String, { nullable: true, description: 'What the plan sets out to do, at most 10,000 characters.' })
  description?: string | null;

  @Field(() => [ID], { description: 'Areas the plan works in; at least one.' })
  areaIds!: string[];

  @Field(() => [ID], { nullable: true, description: 'Housing organisations behind the plan.' })
  housingOrganisationIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The project lead (a Person).' })
  leadId?: string | null;
}

@ObjectType('PlanPayload', { description: 'The result of createPlan.' })
export class PlanPayload {
  @Field(() => Plan, { nullable: true, description: 'The new plan; null when userErrors is not empty.' })
  plan!: Plan | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
