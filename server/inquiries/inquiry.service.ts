import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../core/audit-trail.js';
import { mayEditPlan, requireMutation } from '../access/permissions.js';
import { visiblePlanIdSql } from '../access/visibility.js';
import type { HubContext, Viewer } from '../core/context.js';
import { badInput } from '../core/errors.js';
import { expectIds, toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TITLE, runMutation } from '../core/mutation.js';
import { Conditions, pgArray, rows } from '../core/sql.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';
import { Plan } from '../plans/plan.entity.js';
import { InquiryChannel, InquiryCount, InquiryGrouping } from './inquiry.entity.js';
import { InquiryStat, type RecordInquiriesInput } from './inquiry.types.js';

/** Shapes of personal data that must never be stored as a topic: a CPR number, an e-mail address, a phone number. */
const CPR = /(?<!\d)[0-3]\d[ .-]?[01]\d[ .-]?\d\d[ .-]?\d{4}(?!\d)/;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
// Danish numbers: eight digits, in pairs or fours, after an optional +45; "2027-2030" (a period) is not one.
const PHONE = /(?<![\d-])(?:(?:\+|00)45[ .]?)?(?:\d{8}|\d{2}(?:[ .]\d{2}){3}|\d{4}[ .]\d{4})(?![\d-])/;

/** The topic as the personal-data checks read it: full-width and other compatibility forms folded (NFKC), "(at)" and "(dot)" written out. */
export function topicForChecks(topic: string): string {
  return topic
    .normalize('NFKC')
    .replace(/\s*[([{<]\s*(?:at|snabel-?a)\s*[)\]}>]\s*/gi, '@')
    .replace(/\s*[([{<]\s*(?:dot|punktum)\s*[)\]}>]\s*/gi, '.')
    .replace(/\s*@\s*/g, '@');
}

/** Whether a topic holds something that looks like personal data. */
export function looksPersonal(topic: string): boolean {
  const text = topicForChecks(topic);
  return CPR.test(text) || EMAIL.test(text) || PHONE.test(text);
}

/** Inquiries one record may count: far above a month of a busy secretariat, far below what sums can hold. */
export const MAX_INQUIRIES_PER_RECORD = 1_000_000;
/** All counts together stay within a GraphQL Int, so that no sum of them can overflow. */
const MAX_INQUIRIES_IN_ALL = 2_147_483_647;

const GROUP_COLUMNS: Record<InquiryGrouping, string> = {
  [InquiryGrouping.CHANNEL]: 'channel',
  [InquiryGrouping.TOPIC]: 'topic',
  [InquiryGrouping.MONTH]: "to_char(period_start, 'YYYY-MM')",
  [InquiryGrouping.PLAN]: 'plan_id',
};

export interface InquiryStatsArgs {
  groupBy: InquiryGrouping[];
  planIds?: string[] | null;
  from?: string | null;
  to?: string | null;
}

const GROUP_ORDER = [InquiryGrouping.CHANNEL, InquiryGrouping.TOPIC, InquiryGrouping.MONTH, InquiryGrouping.PLAN];
const GROUP_TYPES: Record<InquiryGrouping, string> = { CHANNEL: 'text', TOPIC: 'text', MONTH: 'text', PLAN: 'int' };

/**
 * The SQL of inquiryStats: one row per group (channel, topic, month, plan; null where not grouped by), its sum as
 * `count` and the sum over all groups as `total`, in the order of `groupBy`; `count` is null when nothing matched.
 */
export function inquirySums(viewer: Viewer | null, args: InquiryStatsArgs): { sql: (conditions: string) => string; where: Conditions; orderBy: string[] } {
  const groups = [...new Set(args.groupBy)];
  const where = new Conditions();
  where.add(visiblePlanIdSql(viewer, 'plan_id'));
  const planIds = expectIds(args.planIds, 'Plan', 'planIds');
  if (planIds) where.add('plan_id = any(?::int[])', pgArray(planIds));
  if (args.from) where.add('period_start >= ?::date', args.from);
  if (args.to) where.add('period_start <= ?::date', args.to);
  if (args.from && args.to && args.to < args.from) throw badInput('to is before from', { argument: 'to' });
  const select = GROUP_ORDER.map((g) => `${groups.includes(g) ? GROUP_COLUMNS[g] : 'null'}::${GROUP_TYPES[g]} as ${g.toLowerCase()}`);
  const grouped = GROUP_ORDER.flatMap((g, i) => (groups.includes(g) ? [i + 1] : []));
  const sql = (conditions: string) =>
    `select ${[...select, 'sum(count)::bigint as count', 'sum(sum(count)) over () as total'].join(', ')} from inquiry_count where ${conditions}` +
    (grouped.length ? ` group by ${grouped.join(', ')}` : '');
  return { sql, where, orderBy: groups.map((g) => g.toLowerCase()) };
}

/** inquiryStats: counts of the periods starting between from and to, summed by the chosen groups, with shares of the total. */
export async function inquiryStats(em: EntityManager, viewer: Viewer | null, args: InquiryStatsArgs): Promise<InquiryStat[]> {
  const { sql, where, orderBy } = inquirySums(viewer, args);
  const result = await rows(em, `${sql(where.toSql())}${orderBy.length ? ` order by ${orderBy.join(', ')}` : ''}`, where.params);
  return result
    .filter((row) => row.count !== null)
    .map((row) =>
      Object.assign(new InquiryStat(), {
        channel: (row.channel as InquiryChannel | null) ?? null,
        topic: (row.topic as string | null) ?? null,
        month: (row.month as string | null) ?? null,
        planId: row.plan === null ? null : Number(row.plan),
        count: Number(row.count),
        share: Number(row.total) > 0 ? Number(row.count) / Number(row.total) : 0,
      }),
    );
}

export function recordInquiries(ctx: HubContext, input: RecordInquiriesInput) {
  return runMutation(ctx, { stats: [] as InquiryStat[] }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'recordInquiries');
    const check = new InputChecker(tx);
    const plan = await check.ref(['input', 'planId'], input.planId, Plan);
    const topic = check.text(['input', 'topic'], input.topic, { required: true, max: MAX_TITLE });
    if (topic && looksPersonal(topic)) {
      check.problems.add(
        ['input', 'topic'],
        UserErrorCode.INVALID,
        message(
          'A topic must not hold personal data such as a CPR number, an e-mail address or a phone number',
          'Emnet må ikke indeholde personoplysninger som CPR-nummer, e-mailadresse eller telefonnummer',
        ),
      );
    }
    check.atMost(['input', 'count'], input.count, MAX_INQUIRIES_PER_RECORD);
    check.ordered(input.periodStart, input.periodEnd, 'period');
    check.check();
    if (!mayEditPlan(viewer, plan!.id))
      refuse(
        ['input', 'planId'],
        UserErrorCode.FORBIDDEN,
        message('You may only record inquiries for your own plans', 'Du kan kun registrere henvendelser for dine egne helhedsplaner'),
      );
    // One writer at a time checks the grand total, so two records cannot pass it together.
    await tx.execute("select pg_advisory_xact_lock(hashtext('inquiry_count'))");
    const [{ total }] = (await tx.execute('select coalesce(sum(count), 0)::bigint as total from inquiry_count')) as { total: string }[];
    if (Number(total) + input.count > MAX_INQUIRIES_IN_ALL) {
      refuse(
        ['input', 'count'],
        UserErrorCode.INVALID,
        message(
          `All recorded inquiries together may not exceed ${MAX_INQUIRIES_IN_ALL.toLocaleString('en')}`,
          `Alle registrerede henvendelser tilsammen må ikke overstige ${MAX_INQUIRIES_IN_ALL.toLocaleString('da-DK')}`,
        ),
      );
    }
    const record = tx.create(InquiryCount, {
      plan: plan!,
      channel: input.channel,
      topic: topic!,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      count: input.count,
      createdAt: new Date(),
    });
    await tx.flush();
    recordAudit(tx, viewer, 'recordInquiries', { type: 'Plan', id: plan!.id }, null, {
      plan: toGlobalId('Plan', plan!.id),
      channel: record.channel,
      topic: record.topic,
      periodStart: record.periodStart,
      periodEnd: record.periodEnd,
      count: record.count,
    });
    const stats = await inquiryStats(tx, viewer, {
      groupBy: [InquiryGrouping.CHANNEL],
      planIds: [toGlobalId('Plan', plan!.id)],
      from: input.periodStart,
      to: input.periodEnd,
    });
    return { stats };
  });
}
