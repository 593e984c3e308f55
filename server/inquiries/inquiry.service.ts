import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit.service.js';
import { mayEditPlan } from '../auth/permissions.js';
import type { HubContext } from '../core/context.js';
import { Role } from '../core/enums.js';
import { badInput } from '../core/errors.js';
import { expectIds, toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TITLE, runMutation } from '../core/mutation.js';
import { Conditions, pgArray, rows } from '../core/sql.js';
import { refuse, UserErrorCode } from '../core/user-errors.js';
import { Plan } from '../plans/plan.entity.js';
import { InquiryChannel, InquiryCount, InquiryGrouping } from './inquiry.entity.js';
import { InquiryStat, type RecordInquiriesInput } from './inquiry.types.js';

/** Shapes of personal data that must never be stored as a topic: a CPR number or an e-mail address. */
const CPR = /(^|\D)[0-3]\d[01]\d\d\d-?\d{4}(\D|$)/;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

const GROUP_COLUMNS: Record<InquiryGrouping, string> = {
  [InquiryGrouping.CHANNEL]: 'channel',
  [InquiryGrouping.TOPIC]: 'topic',
  [InquiryGrouping.MONTH]: "to_char(period_start, 'YYYY-MM')",
  [InquiryGrouping.PLAN]: 'plan_id',
};

/** inquiryStats: counts of the periods starting between from and to, summed by the chosen groups, with shares of the total. */
export async function inquiryStats(
  em: EntityManager,
  args: { groupBy: InquiryGrouping[]; planIds?: string[] | null; from?: string | null; to?: string | null },
): Promise<InquiryStat[]> {
  const groups = [...new Set(args.groupBy)];
  const where = new Conditions();
  const planIds = expectIds(args.planIds, 'Plan', 'planIds');
  if (planIds) where.add('plan_id = any(?::int[])', pgArray(planIds));
  if (args.from) where.add('period_start >= ?::date', args.from);
  if (args.to) where.add('period_start <= ?::date', args.to);
  if (args.from && args.to && args.to < args.from) throw badInput('to is before from', { argument: 'to' });
  const select = groups.map((g) => `${GROUP_COLUMNS[g]} as ${g.toLowerCase()}`);
  const result = await rows(
    em,
    `select ${[...select, 'sum(count)::bigint as count', 'sum(sum(count)) over () as total'].join(', ')}
     from inquiry_count where ${where.toSql()}
     ${groups.length ? `group by ${groups.map((_, i) => i + 1).join(', ')} order by ${groups.map((_, i) => i + 1).join(', ')}` : ''}`,
    where.params,
  );
  return result
    .filter((row) => row.count !== null)
    .map((row) =>
      Object.assign(new InquiryStat(), {
        channel: (row.channel as InquiryChannel | undefined) ?? null,
        topic: (row.topic as string | undefined) ?? null,
        month: (row.month as string | undefined) ?? null,
        planId: row.plan === undefined ? null : Number(row.plan),
        count: Number(row.count),
        share: Number(row.total) > 0 ? Number(row.count) / Number(row.total) : 0,
      }),
    );
}

export function recordInquiries(ctx: HubContext, input: RecordInquiriesInput) {
  return runMutation(ctx, { stats: [] as InquiryStat[] }, async (tx) => {
    const viewer = ctx.viewer;
    if (!viewer || (viewer.role !== Role.COORDINATOR && viewer.role !== Role.PROJECT_LEAD)) {
      refuse([], UserErrorCode.FORBIDDEN, 'Only coordinators and project leads may record inquiries');
    }
    const check = new InputChecker(tx);
    const plan = await check.ref(['input', 'planId'], input.planId, Plan);
    const topic = check.text(['input', 'topic'], input.topic, { required: true, max: MAX_TITLE });
    if (topic && (CPR.test(topic) || EMAIL.test(topic))) {
      check.problems.add(['input', 'topic'], UserErrorCode.INVALID, 'A topic must not hold personal data such as a CPR number or an e-mail address');
    }
    if (input.periodEnd < input.periodStart) {
      check.problems.add(['input', 'periodEnd'], UserErrorCode.INVALID, `periodEnd (${input.periodEnd}) is before periodStart (${input.periodStart})`);
    }
    check.check();
    if (!mayEditPlan(viewer, plan!.id)) refuse(['input', 'planId'], UserErrorCode.FORBIDDEN, 'You may only record inquiries for your own plans');
    const record = tx.create(InquiryCount, {
      plan: plan!, channel: input.channel, topic: topic!, periodStart: input.periodStart, periodEnd: input.periodEnd, count: input.count, createdAt: new Date(),
    });
    await tx.flush();
    recordAudit(tx, viewer, 'recordInquiries', { type: 'Plan', id: plan!.id }, null, {
      plan: toGlobalId('Plan', plan!.id), channel: record.channel, topic: record.topic, periodStart: record.periodStart, periodEnd: record.periodEnd, count: record.count,
    });
    const stats = await inquiryStats(tx, { groupBy: [InquiryGrouping.CHANNEL], planIds: [toGlobalId('Plan', plan!.id)], from: input.periodStart, to: input.periodEnd });
    return { stats };
  });
}
