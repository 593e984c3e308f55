import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Activity } from '../activities/activity.entity.js';
import { activityWrites } from '../activities/activity.hooks.js';
import { recordAudit } from '../core/audit-trail.js';
import { mayEditPlan, requireMutation } from '../access/permissions.js';
import type { HubContext } from '../core/context.js';
import { today } from '../core/dates.js';
import { ActivityStatus } from '../core/enums.js';
import { toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TEXT, MAX_TITLE, runMutation } from '../core/mutation.js';
import { groupedLoader } from '../core/loader-kit.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';
import { Plan } from '../plans/plan.entity.js';
import { Evaluation, EvaluationDecision, Indicator, IndicatorDirection, Measurement } from './effect.entity.js';
import type { CreateIndicatorInput, EvaluateActivityInput, RecordMeasurementInput } from './effect.input.js';

/** The plan an indicator belongs to, directly or through its activity. */
async function planOfIndicator(em: EntityManager, indicator: Indicator): Promise<number> {
  if (indicator.plan) return indicator.plan.id;
  return (await em.findOneOrFail(Activity, indicator.activity!.id)).plan.id;
}

/**
 * Share of the way from the baseline (or, without one, the first measurement) to the target reached by the
 * newest measurement, 0..1, whichever the direction; null without measurements or when start and target meet.
 */
export function progressOf(indicator: Indicator, measurements: Measurement[]): number | null {
  if (!measurements.length) return null;
  const start = indicator.baseline ?? measurements[0]!.value;
  const span = indicator.target - start;
  if (span === 0) return null;
  const share = (measurements.at(-1)!.value - start) / span;
  // A move away from the target is no progress; the direction says which way is forward.
  const forward = indicator.direction === IndicatorDirection.INCREASE ? span > 0 : span < 0;
  return forward ? Math.min(1, Math.max(0, share)) : null;
}

export const measurementsLoader = (em: EntityManager) =>
  groupedLoader(em, Measurement, 'select t.indicator_id as __owner, t.* from measurement t where t.indicator_id = any(?::int[]) order by t.period_end, t.id');
export const planIndicatorsLoader = (em: EntityManager) =>
  groupedLoader(em, Indicator, 'select t.plan_id as __owner, t.* from indicator t where t.plan_id = any(?::int[]) order by t.id');
export const activityIndicatorsLoader = (em: EntityManager) =>
  groupedLoader(em, Indicator, 'select t.activity_id as __owner, t.* from indicator t where t.activity_id = any(?::int[]) order by t.id');

export const activityEvaluationsLoader = (em: EntityManager) =>
  groupedLoader(
    em,
    Evaluation,
    'select t.activity_id as __owner, t.* from evaluation t where t.activity_id = any(?::int[]) order by t.decided_at desc, t.id desc',
  );

export function createIndicator(ctx: HubContext, input: CreateIndicatorInput) {
  return runMutation(ctx, { indicator: null as Indicator | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'createIndicator');
    const check = new InputChecker(tx);
    const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
    const unit = check.text(['input', 'unit'], input.unit, { required: true, max: 40 });
    const plan = await check.ref(['input', 'planId'], input.planId, Plan);
    const activity = await check.ref(['input', 'activityId'], input.activityId, Activity);
    if (!input.planId === !input.activityId)
      check.problems.add([], UserErrorCode.INVALID, message('Give exactly one of planId and activityId', 'Vælg enten en helhedsplan eller en aktivitet'));
    if (input.baseline !== null && input.baseline !== undefined && input.baseline === input.target) {
      check.problems.add(
        ['input', 'target'],
        UserErrorCode.INVALID,
        message('The target equals the baseline: there is nothing to reach', 'Målet er det samme som udgangspunktet: der er intet at nå'),
      );
    }
    check.check();
    const planId = plan?.id ?? activity!.plan.id;
    if (!mayEditPlan(viewer, planId))
      refuse(
        ['input', plan ? 'planId' : 'activityId'],
        UserErrorCode.FORBIDDEN,
        message('You may only add indicators to your own plans', 'Du kan kun tilføje indikatorer til dine egne helhedsplaner'),
      );
    const indicator = tx.create(Indicator, {
      name: name!,
      unit: unit!,
      direction: input.direction,
      baseline: input.baseline ?? null,
      target: input.target,
      plan,
      activity,
    });
    await tx.flush();
    recordAudit(tx, viewer, 'createIndicator', { type: 'Indicator', id: indicator.id }, null, {
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      baseline: indicator.baseline ?? null,
      target: indicator.target,
      plan: plan ? toGlobalId('Plan', plan.id) : null,
      activity: activity ? toGlobalId('Activity', activity.id) : null,
    });
    return { indicator };
  });
}

export function recordMeasurement(ctx: HubContext, input: RecordMeasurementInput) {
  return runMutation(ctx, { indicator: null as Indicator | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'recordMeasurement');
    const check = new InputChecker(tx);
    const found = await check.ref(['input', 'indicatorId'], input.indicatorId, Indicator);
    const note = check.text(['input', 'note'], input.note, { max: MAX_TEXT });
    check.ordered(input.periodStart, input.periodEnd, 'period');
    if (!Number.isFinite(input.value))
      check.problems.add(['input', 'value'], UserErrorCode.INVALID, message('value must be a finite number', 'Værdien skal være et tal'));
    check.check();
    // The indicator row lock serializes measurements of one indicator, so two overlapping periods cannot both pass.
    const indicator = await tx.findOneOrFail(Indicator, found!.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!mayEditPlan(viewer, await planOfIndicator(tx, indicator))) {
      refuse(
        ['input', 'indicatorId'],
        UserErrorCode.FORBIDDEN,
        message('You may only record measurements for your own plans', 'Du kan kun registrere målinger for dine egne helhedsplaner'),
      );
    }
    const clash = await tx.findOne(Measurement, { indicator: indicator.id, periodStart: { $lte: input.periodEnd }, periodEnd: { $gte: input.periodStart } });
    if (clash) {
      refuse(
        ['input', 'periodStart'],
        UserErrorCode.INVALID,
        message(
          `The period overlaps the measurement of ${clash.periodStart} to ${clash.periodEnd}; periods of one indicator never overlap`,
          `Perioden overlapper målingen fra ${clash.periodStart} til ${clash.periodEnd}; en indikators perioder må ikke overlappe`,
        ),
      );
    }
    tx.create(Measurement, { indicator, periodStart: input.periodStart, periodEnd: input.periodEnd, value: input.value, note });
    await tx.flush();
    recordAudit(tx, viewer, 'recordMeasurement', { type: 'Indicator', id: indicator.id }, null, {
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      value: input.value,
      note,
    });
    return { indicator };
  });
}

export function evaluateActivity(ctx: HubContext, input: EvaluateActivityInput) {
  return runMutation(ctx, { evaluation: null as Evaluation | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'evaluateActivity');
    const check = new InputChecker(tx);
    const found = await check.ref(['input', 'activityId'], input.activityId, Activity);
    const rationale = check.text(['input', 'rationale'], input.rationale, { required: true, max: MAX_TEXT });
    check.check();
    // A STOP changes the activity's pairs, so it locks its part of the city first, like every activity write.
    if (input.decision === EvaluationDecision.STOP) await activityWrites.lockActivity.run(tx, found!.id, []);
    else await tx.execute('select id from activity where id = ? for no key update', [found!.id]);
    const activity = await tx.findOneOrFail(Activity, found!.id, { refresh: true });
    if (!mayEditPlan(viewer, activity.plan.id))
      refuse(
        ['input', 'activityId'],
        UserErrorCode.FORBIDDEN,
        message('You may only evaluate activities of your own plans', 'Du kan kun vurdere aktiviteter i dine egne helhedsplaner'),
      );
    if (activity.archived)
      refuse(
        ['input', 'activityId'],
        UserErrorCode.INVALID,
        message('The activity is archived and can no longer be evaluated', 'Aktiviteten er arkiveret og kan ikke længere vurderes'),
      );
    const decidedAt = new Date();
    const evaluation = tx.create(Evaluation, { activity, decision: input.decision, rationale: rationale!, decidedAt, decidedBy: viewer.userId });
    if (input.decision === EvaluationDecision.STOP) {
      // STOP ends the activity in the same transaction: an open end becomes the day of the decision.
      const before = { status: activity.status, endDate: activity.endDate ?? null };
      activity.status = ActivityStatus.ENDED;
      if (!activity.endDate || activity.endDate > today()) activity.endDate = today() < activity.startDate ? activity.startDate : today();
      activity.updatedAt = decidedAt;
      recordAudit(tx, viewer, 'evaluateActivity', { type: 'Activity', id: activity.id }, before, { status: activity.status, endDate: activity.endDate });
    }
    await tx.flush();
    recordAudit(tx, viewer, 'evaluateActivity', { type: 'Evaluation', id: evaluation.id }, null, {
      activity: toGlobalId('Activity', activity.id),
      decision: input.decision,
      rationale,
    });
    if (input.decision === EvaluationDecision.STOP) await activityWrites.changed.run(tx, [activity.id], { reopenReviews: false });
    return { evaluation };
  });
}
