import { Arg, Ctx, FieldResolver, Float, Mutation, Resolver, Root } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import type { HubContext } from '../core/context.js';
import { Plan } from '../plans/plan.entity.js';
import { Evaluation, Indicator, Measurement } from './effect.entity.js';
import { CreateIndicatorInput, EvaluateActivityInput, EvaluationPayload, IndicatorPayload, RecordMeasurementInput } from './effect.input.js';
import { createIndicator, evaluateActivity, progressOf, recordMeasurement } from './effect.service.js';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Mutation(() => IndicatorPayload, { description: 'Adds a success criterion to a plan or an activity (COORDINATOR; PROJECT_LEAD for their plans).' })
  createIndicator(@Ctx() ctx: HubContext, @Arg('input', () => CreateIndicatorInput, { description: 'The indicator.' }) input: CreateIndicatorInput) {
    return createIndicator(ctx, input);
  }

  @Mutation(() => IndicatorPayload, { description: 'Records the value of an indicator over a period (COORDINATOR; PROJECT_LEAD for their plans).' })
  recordMeasurement(@Ctx() ctx: HubContext, @Arg('input', () => RecordMeasurementInput, { description: 'The measurement.' }) input: RecordMeasurementInput) {
    return recordMeasurement(ctx, input);
  }

  @FieldResolver(() => Plan, { nullable: true, description: 'The plan it measures, if on a plan.' })
  plan(@Root() indicator: Indicator, @Ctx() { loaders }: HubContext): Promise<Plan | null> | null {
    return indicator.plan ? loaders.plan.load(indicator.plan.id) : null;
  }

  @FieldResolver(() => Activity, { nullable: true, description: 'The activity it measures, if on an activity.' })
  activity(@Root() indicator: Indicator, @Ctx() { loaders }: HubContext): Promise<Activity | null> | null {
    return indicator.activity ? loaders.activity.load(indicator.activity.id) : null;
  }

  @FieldResolver(() => [Measurement], { description: 'Measurements, oldest first.' })
  measurements(@Root() indicator: Indicator, @Ctx() { loaders }: HubContext): Promise<Measurement[]> {
    return loaders.measurements.load(indicator.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: "The newest measurement's value, null when none." })
  async latestValue(@Root() indicator: Indicator, @Ctx() { loaders }: HubContext): Promise<number | null> {
    return (await loaders.measurements.load(indicator.id)).at(-1)?.value ?? null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: '0..1 share of the way from baseline to target by the newest measurement; null when it cannot be computed.',
  })
  async progress(@Root() indicator: Indicator, @Ctx() { loaders }: HubContext): Promise<number | null> {
    return progressOf(indicator, await loaders.measurements.load(indicator.id));
  }
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Mutation(() => EvaluationPayload, { description: 'Decides to continue, adjust or stop an activity (COORDINATOR; PROJECT_LEAD for their plans).' })
  evaluateActivity(@Ctx() ctx: HubContext, @Arg('input', () => EvaluateActivityInput, { description: 'The decision.' }) input: EvaluateActivityInput) {
    return evaluateActivity(ctx, input);
  }

  @FieldResolver(() => Activity, { description: 'The activity evaluated.' })
  async activity(@Root() evaluation: Evaluation, @Ctx() { loaders }: HubContext): Promise<Activity> {
    return (await loaders.activity.load(evaluation.activity.id))!;
  }
}

/** Plan.indicators and Activity.indicators live with the data they read. */
@Resolver(() => Plan)
export class PlanIndicatorsResolver {
  @FieldResolver(() => [Indicator], { description: 'Success criteria of the plan.' })
  indicators(@Root() plan: Plan, @Ctx() { loaders }: HubContext): Promise<Indicator[]> {
    return loaders.planIndicators.load(plan.id);
  }
}

@Resolver(() => Activity)
export class ActivityIndicatorsResolver {
  @FieldResolver(() => [Indicator], { description: 'Success criteria of this activity.' })
  indicators(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Indicator[]> {
    return loaders.activityIndicators.load(activity.id);
  }

  @FieldResolver(() => [Evaluation], { description: 'Decisions on this activity (continue, adjust, stop), newest first.' })
  evaluations(@Root() activity: Activity, @Ctx() { loaders }: HubContext): Promise<Evaluation[]> {
    return loaders.activityEvaluations.load(activity.id);
  }
}
