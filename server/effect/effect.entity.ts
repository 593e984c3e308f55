import { type Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import { User } from '../auth/user.entity.js';
import { NodeEntity } from '../core/node.js';
import { DateTimeScalar, LocalDateScalar } from '../core/scalars.js';
import { Plan } from '../plans/plan.entity.js';

export enum IndicatorDirection {
  INCREASE = 'INCREASE',
  DECREASE = 'DECREASE',
}
registerEnumType(IndicatorDirection, { name: 'IndicatorDirection', description: 'Whether success means a higher or a lower value.' });

export enum EvaluationDecision {
  CONTINUE = 'CONTINUE',
  ADJUST = 'ADJUST',
  STOP = 'STOP',
}
registerEnumType(EvaluationDecision, {
  name: 'EvaluationDecision',
  description: 'What an evaluation decided for an activity.',
  valuesConfig: {
    CONTINUE: { description: 'It works: go on as it is.' },
    ADJUST: { description: 'Go on, changed.' },
    STOP: { description: 'Stop it: the activity ends on the day of the decision.' },
  },
});

@Entity({ tableName: 'indicator' })
@Check({ name: 'indicator_one_subject_check', expression: '(plan_id is null) <> (activity_id is null)' })
@ObjectType('Indicator', {
  implements: NodeEntity,
  description: 'A success criterion (succeskriterie) with baseline and target, on a plan or an activity.',
})
export class Indicator extends NodeEntity {
  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'What is measured.' })
  name!: string;

  @Property({ type: 'string', length: 40 })
  @Field(() => String, { description: 'Unit, e.g. "deltagere" or "%".' })
  unit!: string;

  @Enum({ items: () => IndicatorDirection, type: 'string' })
  @Field(() => IndicatorDirection, { description: 'Whether success means higher or lower.' })
  direction!: IndicatorDirection;

  @Property({ type: 'double', nullable: true })
  @Field(() => Float, { nullable: true, description: 'Value at the start.' })
  baseline?: number | null;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'Value to reach.' })
  target!: number;

  @Index()
  @ManyToOne(() => Plan, { ref: true, nullable: true, deleteRule: 'cascade' })
  plan?: Ref<Plan> | null;

  @Index()
  @ManyToOne(() => Activity, { ref: true, nullable: true, deleteRule: 'cascade' })
  activity?: Ref<Activity> | null;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'measurement' })
@Index({ name: 'measurement_indicator_period_index', properties: ['indicator', 'periodStart'] })
@Check({ name: 'measurement_period_check', expression: 'period_end >= period_start' })
@ObjectType('Measurement', { description: 'The value of an indicator over one period.' })
export class Measurement {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => Indicator, { ref: true, deleteRule: 'cascade' })
  indicator!: Ref<Indicator>;

  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day measured.' })
  periodStart!: string;

  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Last day measured.' })
  periodEnd!: string;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'The measured value.' })
  value!: number;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How it was measured or what explains it.' })
  note?: string | null;
}

@Entity({ tableName: 'evaluation' })
@ObjectType('Evaluation', { implements: NodeEntity, description: 'A decision on an activity, on evidence: continue, adjust or stop.' })
export class Evaluation extends NodeEntity {
  @Index()
  @ManyToOne(() => Activity, { ref: true, deleteRule: 'cascade' })
  activity!: Ref<Activity>;

  @Enum({ items: () => EvaluationDecision, type: 'string' })
  @Field(() => EvaluationDecision, { description: 'Continue, adjust or stop.' })
  decision!: EvaluationDecision;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'Why, on what evidence.' })
  rationale!: string;

  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: 'When it was decided.' })
  decidedAt!: Date;

  @Index()
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy?: Ref<User> | null;
}
