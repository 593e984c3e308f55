import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../core/scalars.js';
import { UserError } from '../core/user-errors.js';
import { Evaluation, EvaluationDecision, Indicator, IndicatorDirection } from './effect.entity.js';

@InputType('CreateIndicatorInput', { description: 'A success criterion on exactly one of a plan or an activity.' })
export class CreateIndicatorInput {
  @Field(() => ID, { nullable: true, description: 'The plan it measures (or give activityId).' })
  planId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The activity it measures (or give planId).' })
  activityId?: string | null;

  @Field(() => String, { description: 'What is measured, at most 200 characters.' })
  name!: string;

  @Field(() => String, { description: 'Unit, e.g. "deltagere" or "%", at most 40 characters.' })
  unit!: string;

  @Field(() => IndicatorDirection, { description: 'Whether success means a higher or a lower value.' })
  direction!: IndicatorDirection;

  @Field(() => Float, { nullable: true, description: 'Value at the start; without it progress counts from the first measurement.' })
  baseline?: number | null;

  @Field(() => Float, { description: 'Value to reach.' })
  target!: number;
}

@InputType('RecordMeasurementInput', { description: 'The value of an indicator over a period.' })
export class RecordMeasurementInput {
  @Field(() => ID, { description: 'The indicator.' })
  indicatorId!: string;

  @Field(() => LocalDateScalar, { description: 'First day measured.' })
  periodStart!: string;

  @Field(() => LocalDateScalar, { description: 'Last day measured; not before periodStart. Periods of one indicator never overlap.' })
  periodEnd!: string;

  @Field(() => Float, { description: 'The measured value.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'How it was measured or what explains it.' })
  note?: string | null;
}

@InputType('EvaluateActivityInput', { description: 'A decision on an activity, on evidence.' })
export class EvaluateActivityInput {
  @Field(() => ID, { description: 'The activity.' })
  activityId!: string;

  @Field(() => EvaluationDecision, { description: 'Continue, adjust or stop; STOP ends the activity.' })
  decision!: EvaluationDecision;

  @Field(() => String, { description: 'Why, on what evidence; at most 10,000 characters.' })
  rationale!: string;
}

@ObjectType('IndicatorPayload', { description: 'The result of createIndicator and recordMeasurement.' })
export class IndicatorPayload {
  @Field(() => Indicator, { nullable: true, description: 'The indicator as stored; null when userErrors is not empty.' })
  indicator!: Indicator | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('EvaluationPayload', { description: 'The result of evaluateActivity.' })
export class EvaluationPayload {
  @Field(() => Evaluation, { nullable: true, description: 'The evaluation; null when userErrors is not empty.' })
  evaluation!: Evaluation | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
