import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import { NodeEntity } from '../core/node.js';
import { LocalDateScalar } from '../core/scalars.js';
import { Plan } from '../plans/plan.entity.js';

export enum IndicatorDirection {
  INCREASE = 'INCREASE',
  DECREASE = 'DECREASE',
}
registerEnumType(IndicatorDirection, { name: 'IndicatorDirection', description: 'Whether success means a higher or a lower value.' });

@ObjectType('Measurement', { description: 'The value of an indicator over one period.' })
export class Measurement {
  @Field(() => LocalDateScalar, { description: 'First day measured.' })
  periodStart!: string;

  @Field(() => LocalDateScalar, { description: 'Last day measured.' })
  periodEnd!: string;

  @Field(() => Float, { description: 'The measured value.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'How it was measured or what explains it.' })
  note?: string | null;
}

@ObjectType('Indicator', {
  implements: NodeEntity,
  description: 'A success criterion (succeskriterie) with baseline and target, on a plan or an activity.',
})
export class Indicator extends NodeEntity {
  @Field(() => String, { description: 'What is measured.' })
  name!: string;

  @Field(() => String, { description: 'Unit, e.g. "deltagere" or "%".' })
  unit!: string;

  @Field(() => IndicatorDirection, { description: 'Whether success means higher or lower.' })
  direction!: IndicatorDirection;

  @Field(() => Float, { nullable: true, description: 'Value at the start.' })
  baseline?: number | null;

  @Field(() => Float, { description: 'Value to reach.' })
  target!: number;

  @Field(() => Plan, { nullable: true, description: 'The plan it measures, if on a plan.' })
  plan?: Plan | null;

  @Field(() => Activity, { nullable: true, description: 'The activity it measures, if on an activity.' })
  activity?: Activity | null;

  @Field(() => [Measurement], { description: 'Measurements, oldest first.' })
  measurements!: Measurement[];

  @Field(() => Float, { nullable: true, description: "The newest measurement's value, null when none." })
  latestValue?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '0..1 share of the way from baseline to target by the newest measurement; null when it cannot be computed.',
  })
  progress?: number | null;
}
