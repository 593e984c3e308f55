import { redactContacts } from '../access/redact.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { activeActivitySql, liveActivitySql } from '../activities/activity.query.js';
import type { HubContext } from '../core/context.js';
import { badInput } from '../core/errors.js';
import { NodeEntity } from '../core/node.js';
import { loadNode } from '../core/node.resolver.js';
import { pageSize } from '../core/pagination.js';
import { DateTimeScalar } from '../core/scalars.js';
import { rows, type Row } from '../core/sql.js';
import { forWhom, HighlightKind, rankHighlights, where, type Candidate } from './ranking.js';

registerEnumType(HighlightKind, { name: 'HighlightKind', description: 'What kind of news a highlight is.' });

@ObjectType('Highlight', { description: 'Something worth telling the network about, ranked for a newsletter.' })
export class Highlight {
  @Field(() => HighlightKind, { description: 'What kind of news.' })
  kind!: HighlightKind;

  @Field(() => String, { description: 'Danish headline; never names a person.' })
  title!: string;

  @Field(() => String, { description: 'Danish summary; never personal data.' })
  summary!: string;

  @Field(() => DateTimeScalar, { description: 'When it happened (for ACTIVITY_STARTING: the start).' })
  occurredAt!: Date;

  @Field(() => Float, { description: 'Rank: kind weight x recency x reach, lowered for the plan and kind already above it (see the README).' })
  score!: number;

  subjectType!: string;
  subjectId!: number;
  planId!: number | null;
}

const DECISION_WORD: Record<string, string> = { CONTINUE: 'fortsætter', ADJUST: 'justeres', STOP: 'stoppes' };
const dk = (date: string) =>
  new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const shorten = (text: string, max = 280) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);
const NAMES = `
  (select coalesce(array_agg(ar.name order by ar.name), '{}') from activity_area aa join area ar on ar.id = aa.area_id where aa.activity_id = a.id) as areas,
  (select coalesce(array_agg(g.name order by g.name), '{}') from activity_target_group atg join target_group g on g.id = atg.target_group_id where atg.activity_id = a.id) as groups`;

async function candidates(em: EntityManager, since: Date, until: Date): Promise<Candidate[]> {
  const window = [since.toISOString(), until.toISOString()];
  const untilDate = until.toISOString().slice(0, 10);
  const [plans, created, starting, experiences, targets, evaluations, resolved] = await Promise.all([
    rows(
      em,
      `select p.id, p.name, p.description, p.start_date, p.end_date, p.created_at,
        (select coalesce(array_agg(ar.name order by ar.name), '{}') from plan_area pa join area ar on ar.id = pa.area_id where pa.plan_id = p.id) as areas,
        (select coalesce(sum(ar.residents), 0) from plan_area pa join area ar on ar.id = pa.area_id where pa.plan_id = p.id) as residents
      from plan p where p.status <> 'DRAFT' and p.created_at >= ?::timestamptz and p.created_at < ?::timestamptz`,
      window,
    ),
    rows(
      em,
      `select a.id, a.title, a.plan_id, a.created_at, a.capacity, p.name as plan_name, ${NAMES}
      from activity a join plan p on p.id = a.plan_id
      where p.status <> 'DRAFT' and a.created_at >= ?::timestamptz and a.created_at < ?::timestamptz and ${liveActivitySql('a')}`,
      window,
    ),
    rows(
      em,
      `select a.id, a.title, a.plan_id, a.start_date, a.capacity, p.name as plan_name, ${NAMES}
      from activity a join plan p on p.id = a.plan_id
      where p.status <> 'DRAFT' and a.start_date > ?::date and a.start_date <= ?::date + 30 and ${activeActivitySql('a')}`,
      [untilDate, untilDate],
    ),
    rows(
      em,
      `select e.id, e.title, e.body, e.recommendation, e.created_at, a.plan_id, m.name as method_name
      from experience e left join activity a on a.id = e.activity_id left join method m on m.id = e.method_id
      where e.publishable and e.created_at >= ?::timestamptz and e.created_at < ?::timestamptz
        and not exists (select 1 from plan d where d.id = a.plan_id and d.status = 'DRAFT')`,
      window,
    ),
    rows(
      em,
      `select i.id, i.name, i.unit, i.target, i.direction, coalesce(i.plan_id, a.plan_id) as plan_id, m.value, m.period_end,
        coalesce(p.name, a.title) as subject_name
      from measurement m join indicator i on i.id = m.indicator_id
      left join plan p on p.id = i.plan_id left join activity a on a.id = i.activity_id
      where m.period_end >= ?::date and m.period_end < ?::date
        and not exists (select 1 from plan d where d.id = coalesce(i.plan_id, a.plan_id) and d.status = 'DRAFT')
        and case i.direction when 'INCREASE' then m.value >= i.target else m.value <= i.target end
        and not exists (select 1 from measurement earlier where earlier.indicator_id = i.id and earlier.period_end < m.period_end
          and case i.direction when 'INCREASE' then earlier.value >= i.target else earlier.value <= i.target end)`,
      [since.toISOString().slice(0, 10), untilDate],
    ),
    rows(
      em,
      `select v.id, v.decision, v.rationale, v.decided_at, a.title, a.plan_id, a.capacity from evaluation v join activity a on a.id = v.activity_id
      where v.decided_at >= ?::timestamptz and v.decided_at < ?::timestamptz
        and not exists (select 1 from plan d where d.id = a.plan_id and d.status = 'DRAFT')`,
      window,
    ),
    rows(
      em,
      `select r.id, r.reviewed_at, x.id as a_id, x.title as a_title, y.title as b_title, x.plan_id, px.name as a_plan, py.name as b_plan
      from overlap_review r join activity x on x.id = r.activity_a_id join activity y on y.id = r.activity_b_id
      join plan px on px.id = x.plan_id join plan py on py.id = y.plan_id
      where r.decision = 'COORDINATED' and r.superseded_at is null and r.reviewed_at >= ?::timestamptz and r.reviewed_at < ?::timestamptz
        and px.status <> 'DRAFT' and py.status <> 'DRAFT'`,
      window,
    ),
  ]);
  const reachOfCapacity = (row: Row) => Math.min(1, Number(row.capacity ?? 15) / 40);
  return [
    ...plans.map((r) => ({
      kind: HighlightKind.NEW_PLAN,
      title: `Ny helhedsplan: ${r.name}`,
      summary: shorten(
        `${r.name} arbejder${where(String(r.name), r.areas as string[])} fra ${dk(String(r.start_date))} til ${dk(String(r.end_date))}. ${r.description ?? ''}`.trim(),
      ),
      occurredAt: new Date(String(r.created_at)),
      reach: Math.min(1, Number(r.residents) / 8000),
      subjectType: 'Plan' as const,
      subjectId: Number(r.id),
      planId: Number(r.id),
    })),
    ...created.map((r) => ({
      kind: HighlightKind.NEW_ACTIVITY,
      title: `Nyt tilbud: ${r.title}`,
      summary: `${r.plan_name} har registreret ${r.title}${where(String(r.title), r.areas as string[])}${forWhom(r.groups as string[])}.`,
      occurredAt: new Date(String(r.created_at)),
      reach: reachOfCapacity(r),
      subjectType: 'Activity' as const,
      subjectId: Number(r.id),
      planId: Number(r.plan_id),
    })),
    ...starting.map((r) => ({
      kind: HighlightKind.ACTIVITY_STARTING,
      title: `Starter snart: ${r.title}`,
      summary: `${r.title} starter ${dk(String(r.start_date))}${where(String(r.title), r.areas as string[])} (${r.plan_name})${forWhom(r.groups as string[])}.`,
      occurredAt: new Date(`${r.start_date}T08:00:00Z`),
      reach: reachOfCapacity(r),
      subjectType: 'Activity' as const,
      subjectId: Number(r.id),
      planId: Number(r.plan_id),
    })),
    ...experiences.map((r) => ({
      kind: HighlightKind.EXPERIENCE_PUBLISHED,
      title: `Erfaring${r.method_name ? ` med ${String(r.method_name).toLowerCase()}` : ''}: ${r.title}`,
      summary: shorten(`${r.body}${r.recommendation ? ` Anbefaling: ${r.recommendation}` : ''}`),
      occurredAt: new Date(String(r.created_at)),
      reach: 0.8,
      subjectType: 'Experience' as const,
      subjectId: Number(r.id),
      planId: r.plan_id === null ? null : Number(r.plan_id),
    })),
    ...targets.map((r) => ({
      kind: HighlightKind.TARGET_REACHED,
      title: `Mål nået: ${r.name} – ${r.subject_name}`,
      summary: `${r.subject_name} nåede ${Number(r.value).toLocaleString('da-DK')} ${r.unit} (målet var ${Number(r.target).toLocaleString('da-DK')}) i perioden til ${dk(String(r.period_end))}.`,
      occurredAt: new Date(`${r.period_end}T12:00:00Z`),
      reach: 0.9,
      subjectType: 'Indicator' as const,
      subjectId: Number(r.id),
      planId: Number(r.plan_id),
    })),
    ...evaluations.map((r) => ({
      kind: HighlightKind.EVALUATION,
      title: `Evaluering: ${r.title} ${DECISION_WORD[String(r.decision)]}`,
      summary: shorten(String(r.rationale)),
      occurredAt: new Date(String(r.decided_at)),
      reach: reachOfCapacity(r),
      subjectType: 'Evaluation' as const,
      subjectId: Number(r.id),
      planId: Number(r.plan_id),
    })),
    ...resolved.map((r) => ({
      // Two activities of one name ("Jobcafé i Egeparken" in two plans) are named once, as each plan's own.
      kind: HighlightKind.OVERLAP_RESOLVED,
      title: r.a_title === r.b_title ? `Samarbejde om ${r.a_title}` : `Samarbejde: ${r.a_title} og ${r.b_title}`,
      summary:
        r.a_plan === r.b_plan
          ? `${r.a_plan} koordinerer nu ${r.a_title === r.b_title ? `sine to tilbud ${r.a_title}` : `${r.a_title} og ${r.b_title}`}, så de supplerer hinanden.`
          : `${r.a_plan} og ${r.b_plan} koordinerer nu ${r.a_title === r.b_title ? `hver deres ${r.a_title}` : `${r.a_title} og ${r.b_title}`}, så tilbuddene supplerer hinanden i stedet for at konkurrere.`,
      occurredAt: new Date(String(r.reviewed_at)),
      reach: 0.9,
      subjectType: 'Activity' as const,
      subjectId: Number(r.a_id),
      planId: Number(r.plan_id),
    })),
  ];
}

/** Replaces every full name of the people register in a text with "en medarbejder": a title may name its organiser. */
async function nameRedactor(em: EntityManager): Promise<(text: string) => string> {
  const names = (await rows(em, "select distinct name from person where length(name) >= 4 and name like '% %'")).map((r) => String(r.name));
  if (!names.length) return (text) => text;
  const escaped = names.sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, 'en medarbejder');
}

/**
 * highlights(since, until, first): candidates of every kind in the period, scored
 *   kind weight x (0.5 + 0.5 recency) x (0.7 + 0.3 reach)
 * (recency 1 at the end of the period, 0 at its start; reach from capacity or residents), then picked greedily,
 * each pick lowering the plan's other items by 0.6 and the kind's by 0.8 per item already picked.
 * Equal scores keep a stable order: newer first, then kind, then subject.
 */
export async function highlights(em: EntityManager, since: Date, until: Date | null | undefined, first: number | null | undefined): Promise<Highlight[]> {
  const end = until ?? new Date();
  const limit = pageSize(first, 20);
  if (end <= since) throw badInput('until must be after since', { argument: 'until' });
  const withoutNames = await nameRedactor(em);
  // Newsletter text, whoever asks: no name of the people register, no e-mail address or phone number typed into it.
  const publishable = (text: string) => redactContacts(withoutNames(text));
  const pool = (await candidates(em, since, end)).map((c) => ({ ...c, title: publishable(c.title), summary: publishable(c.summary) }));
  return rankHighlights(pool, since, end, limit).map((picked) => Object.assign(new Highlight(), picked));
}

@Resolver(() => Highlight)
export class HighlightResolver {
  @Query(() => [Highlight], { description: 'Ranked items for a newsletter; publishable content only, never personal data.' })
  highlights(
    @Ctx() { em }: HubContext,
    @Arg('since', () => DateTimeScalar, { description: 'Start of the period.' }) since: Date,
    @Arg('until', () => DateTimeScalar, { nullable: true, description: 'End of the period; default now.' }) until?: Date | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many, default 20, at most 100.' }) first?: number | null,
  ): Promise<Highlight[]> {
    return highlights(em, since, until, first);
  }

  @FieldResolver(() => NodeEntity, { nullable: true, description: 'The plan, activity, experience, indicator or evaluation it is about.' })
  subject(@Root() highlight: Highlight, @Ctx() { loaders }: HubContext) {
    return loadNode(loaders, highlight.subjectType, highlight.subjectId);
  }
}
