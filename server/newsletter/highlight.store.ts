import { stayOnPrimary } from '../core/read-routing.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { redactContacts } from '../access/redact.js';
import { ACTIVE_STATUSES, liveActivitySql } from '../activities/activity.query.js';
import { pgArray, rows, type Row } from '../core/sql.js';
import { forWhom, HighlightKind, KIND_WEIGHT, rankHighlights, SAME_KIND_FACTOR, where, type Candidate, type Ranked } from './ranking.js';

/** A candidate as stored: ACTIVITY_STARTING and TARGET_REACHED are found by the day their period filter reads. */
type Stored = Candidate & { day?: string };

const DECISION_WORD: Record<string, string> = { CONTINUE: 'fortsætter', ADJUST: 'justeres', STOP: 'stoppes' };
const dk = (date: string) =>
  new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const shorten = (text: string, max = 280) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);
const NAMES = `
  (select coalesce(array_agg(ar.name order by ar.name), '{}') from activity_area aa join area ar on ar.id = aa.area_id where aa.activity_id = a.id) as areas,
  (select coalesce(array_agg(g.name order by g.name), '{}') from activity_target_group atg join target_group g on g.id = atg.target_group_id where atg.activity_id = a.id) as groups`;

/** The candidates of every kind, one kind at a time (the whole city's at once would not fit in the hub's heap). */
async function* candidates(em: EntityManager): AsyncGenerator<Stored[]> {
  const reachOfCapacity = (row: Row) => Math.min(1, Number(row.capacity ?? 15) / 40);
  const plans = await rows(
    em,
    `select p.id, p.name, p.description, p.start_date, p.end_date, p.created_at,
        (select coalesce(array_agg(ar.name order by ar.name), '{}') from plan_area pa join area ar on ar.id = pa.area_id where pa.plan_id = p.id) as areas,
        (select coalesce(sum(ar.residents), 0) from plan_area pa join area ar on ar.id = pa.area_id where pa.plan_id = p.id) as residents
      from plan p where p.status <> 'DRAFT'`,
  );
  yield plans.map((r) => ({
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
  }));
  // Live activities once: each is new news, and the planned or running ones also news of their start.
  const live = await rows(
    em,
    `select a.id, a.title, a.plan_id, a.created_at, a.start_date, a.status, a.capacity, p.name as plan_name, ${NAMES}
      from activity a join plan p on p.id = a.plan_id
      where p.status <> 'DRAFT' and ${liveActivitySql('a')}`,
  );
  yield live.map((r) => ({
    kind: HighlightKind.NEW_ACTIVITY,
    title: `Nyt tilbud: ${r.title}`,
    summary: `${r.plan_name} har registreret ${r.title}${where(String(r.title), r.areas as string[])}${forWhom(r.groups as string[])}.`,
    occurredAt: new Date(String(r.created_at)),
    reach: reachOfCapacity(r),
    subjectType: 'Activity' as const,
    subjectId: Number(r.id),
    planId: Number(r.plan_id),
  }));
  const starting = live.filter((r) => ACTIVE_STATUSES.has(String(r.status)));
  yield starting.map((r) => ({
    kind: HighlightKind.ACTIVITY_STARTING,
    title: `Starter snart: ${r.title}`,
    summary: `${r.title} starter ${dk(String(r.start_date))}${where(String(r.title), r.areas as string[])} (${r.plan_name})${forWhom(r.groups as string[])}.`,
    occurredAt: new Date(`${r.start_date}T08:00:00Z`),
    day: String(r.start_date),
    reach: reachOfCapacity(r),
    subjectType: 'Activity' as const,
    subjectId: Number(r.id),
    planId: Number(r.plan_id),
  }));
  const experiences = await rows(
    em,
    `select e.id, e.title, e.body, e.recommendation, e.created_at, a.plan_id, m.name as method_name
      from experience e left join activity a on a.id = e.activity_id left join method m on m.id = e.method_id
      where e.publishable
        and not exists (select 1 from plan d where d.id = a.plan_id and d.status = 'DRAFT')`,
  );
  yield experiences.map((r) => ({
    kind: HighlightKind.EXPERIENCE_PUBLISHED,
    title: `Erfaring${r.method_name ? ` med ${String(r.method_name).toLowerCase()}` : ''}: ${r.title}`,
    summary: shorten(`${r.body}${r.recommendation ? ` Anbefaling: ${r.recommendation}` : ''}`),
    occurredAt: new Date(String(r.created_at)),
    reach: 0.8,
    subjectType: 'Experience' as const,
    subjectId: Number(r.id),
    planId: r.plan_id === null ? null : Number(r.plan_id),
  }));
  const targets = await rows(
    em,
    `select i.id, i.name, i.unit, i.target, i.direction, coalesce(i.plan_id, a.plan_id) as plan_id, m.value, m.period_end,
        coalesce(p.name, a.title) as subject_name
      from measurement m join indicator i on i.id = m.indicator_id
      left join plan p on p.id = i.plan_id left join activity a on a.id = i.activity_id
      where not exists (select 1 from plan d where d.id = coalesce(i.plan_id, a.plan_id) and d.status = 'DRAFT')
        and case i.direction when 'INCREASE' then m.value >= i.target else m.value <= i.target end
        and not exists (select 1 from measurement earlier where earlier.indicator_id = i.id and earlier.period_end < m.period_end
          and case i.direction when 'INCREASE' then earlier.value >= i.target else earlier.value <= i.target end)`,
  );
  yield targets.map((r) => ({
    kind: HighlightKind.TARGET_REACHED,
    title: `Mål nået: ${r.name} – ${r.subject_name}`,
    summary: `${r.subject_name} nåede ${Number(r.value).toLocaleString('da-DK')} ${r.unit} (målet var ${Number(r.target).toLocaleString('da-DK')}) i perioden til ${dk(String(r.period_end))}.`,
    occurredAt: new Date(`${r.period_end}T12:00:00Z`),
    day: String(r.period_end),
    reach: 0.9,
    subjectType: 'Indicator' as const,
    subjectId: Number(r.id),
    planId: Number(r.plan_id),
  }));
  const evaluations = await rows(
    em,
    `select v.id, v.decision, v.rationale, v.decided_at, a.title, a.plan_id, a.capacity from evaluation v join activity a on a.id = v.activity_id
      where not exists (select 1 from plan d where d.id = a.plan_id and d.status = 'DRAFT')`,
  );
  yield evaluations.map((r) => ({
    kind: HighlightKind.EVALUATION,
    title: `Evaluering: ${r.title} ${DECISION_WORD[String(r.decision)]}`,
    summary: shorten(String(r.rationale)),
    occurredAt: new Date(String(r.decided_at)),
    reach: reachOfCapacity(r),
    subjectType: 'Evaluation' as const,
    subjectId: Number(r.id),
    planId: Number(r.plan_id),
  }));
  const resolved = await rows(
    em,
    `select r.id, r.reviewed_at, x.id as a_id, x.title as a_title, y.title as b_title, x.plan_id, px.name as a_plan, py.name as b_plan
      from overlap_review r join activity x on x.id = r.activity_a_id join activity y on y.id = r.activity_b_id
      join plan px on px.id = x.plan_id join plan py on py.id = y.plan_id
      where r.decision = 'COORDINATED' and r.superseded_at is null
        and px.status <> 'DRAFT' and py.status <> 'DRAFT'`,
  );
  yield resolved.map((r) => ({
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
  }));
}

/** Replaces every full name of the people register in a text with "en medarbejder": a title may name its organiser. */
async function nameRedactor(em: EntityManager): Promise<(text: string) => string> {
  const names = (await rows(em, "select distinct name from person where length(name) >= 4 and name like '% %'")).map((r) => String(r.name));
  if (!names.length) return (text) => text;
  const escaped = names.sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  // A name begins with a word of its own: texts without any such first word (nearly all) skip the long pattern.
  const firstWords = new Set(names.map((name) => name.split(/\s+/)[0]!.toLowerCase()));
  const mayName = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).some((word) => firstWords.has(word.toLowerCase()));
  return (text) => (mayName(text) ? text.replace(pattern, 'en medarbejder') : text);
}

/** hub_setting key: the count of changes (sequence highlight_change) the stored candidates were built at; empty while unsure. */
const BUILT_AT = 'highlights_built_at';
/** Candidates written per statement: the build's memory stays small whatever the size of the city. */
const INSERT_ROWS = 1000;

/** The build in progress per database (a process may serve several). */
const building = new WeakMap<object, Promise<void>>();

/**
 * The stored candidates, rebuilt first when any table they are read from has changed since they were built (statement
 * triggers count changes in the sequence highlight_change, without a lock between writers). A request after a change
 * builds them once, the next requests read them. Several hubs build one at a time (an advisory lock). Built while a
 * writer was still at work, they are marked unsure and built again on the next request, so none is ever left stale.
 */
export async function ensureHighlights(em: EntityManager): Promise<void> {
  const database = em.getConnection();
  // A build that was already under way may have started before the latest change: then one of its own.
  for (;;) {
    const [state] = await rows(
      em,
      `select (select case when is_called then last_value else 0 end from highlight_change)::text as change, (select value from hub_setting where key = ?) as built`,
      [BUILT_AT],
    );
    if (state!.change === state!.built) return;
    const joined = building.get(database);
    if (joined) {
      await joined;
      continue;
    }
    const running = build(em).finally(() => building.delete(database));
    building.set(database, running);
    return running;
  }
}

async function build(em: EntityManager): Promise<void> {
  await em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('highlight_item'))`);
    // Read after the lock: the count, and whether another transaction was writing (its change may not be visible yet; a snapshot
    // does not list the newest running transactions, pg_stat_activity does).
    const [state] = (await tx.execute(
      `select (select case when is_called then last_value else 0 end from highlight_change)::text as change,
        not exists (select from pg_stat_activity where backend_xid is not null and pid <> pg_backend_pid()) as settled,
        (select value from hub_setting where key = ?) as built`,
      [BUILT_AT],
    )) as { change: string; settled: boolean; built: string | null }[];
    if (state!.change === state!.built) return;
    const withoutNames = await nameRedactor(tx);
    // Newsletter text, whoever asks: no name of the people register, no e-mail address or phone number typed into it.
    const publishable = (text: string) => redactContacts(withoutNames(text));
    await tx.execute('delete from highlight_item');
    for await (const kind of candidates(tx)) {
      for (let from = 0; from < kind.length; from += INSERT_ROWS) {
        const items = kind.slice(from, from + INSERT_ROWS);
        for (const item of items) {
          item.title = publishable(item.title);
          item.summary = publishable(item.summary);
        }
        await tx.execute(
          `insert into highlight_item (kind, subject_type, subject_id, plan_id, title, summary, occurred_at, day, reach)
           select k, s, si, p, t, su, o, d, r
           from unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::timestamptz[], ?::date[], ?::float8[]) with ordinality as i(k, s, si, p, t, su, o, d, r, n)
           order by n`,
          [
            pgArray(items.map((i) => i.kind)),
            pgArray(items.map((i) => i.subjectType)),
            pgArray(items.map((i) => i.subjectId)),
            `{${items.map((i) => (i.planId === null ? 'NULL' : String(i.planId))).join(',')}}`,
            pgArray(items.map((i) => i.title)),
            pgArray(items.map((i) => i.summary)),
            pgArray(items.map((i) => i.occurredAt.toISOString())),
            `{${items.map((i) => i.day ?? 'NULL').join(',')}}`,
            `{${items.map((i) => String(i.reach)).join(',')}}`,
          ],
        );
      }
    }
    await tx.execute(`insert into hub_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value`, [
      BUILT_AT,
      state!.settled ? state!.change : '',
    ]);
  });
}

/**
 * The SQL of a candidate's score before any pick lowers it: kind weight x (0.5 + 0.5 recency) x (0.7 + 0.3 reach), in
 * the floating-point steps rankHighlights takes; `?` the period's end and length in milliseconds.
 */
const BASE_SQL = `(case kind ${Object.entries(KIND_WEIGHT)
  .map(([kind, weight]) => `when '${kind}' then ${weight}::float8`)
  .join(' ')} end)
  * (0.5 + 0.5 * least(1, greatest(0, 1 - abs(?::float8 - (extract(epoch from occurred_at) * 1000)::float8) / ?::float8)))
  * (0.7 + 0.3 * reach)`;

/** What a period's candidates are: news that happened in it, activities starting within 30 days of its end, targets reached in it. */
const IN_PERIOD = `(kind not in ('ACTIVITY_STARTING', 'TARGET_REACHED') and occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz)
  or (kind = 'ACTIVITY_STARTING' and day > ?::date and day <= ?::date + 30)
  or (kind = 'TARGET_REACHED' and day >= ?::date and day < ?::date)`;

/**
 * The period's highlights, ranked. Picks only ever score lower as the ranking goes on, and a candidate left out scores
 * at most its score before any pick, lowered for each pick of its kind: so the best `2 x limit` of each kind are read
 * first (a page of rows, not the whole period), and more only when a pick does not clear the best left out of every kind.
 */
export async function rankedHighlights(em: EntityManager, since: Date, until: Date, limit: number): Promise<Ranked[]> {
  // Candidates this hub may just have built on the primary are read there, not from a replica that has not replayed them.
  stayOnPrimary();
  await ensureHighlights(em);
  const untilDate = until.toISOString().slice(0, 10);
  const period = [since.toISOString(), until.toISOString(), untilDate, untilDate, since.toISOString().slice(0, 10), untilDate];
  const span = until.getTime() - since.getTime();
  for (let page = Math.max(2 * limit, 16); ; page *= 4) {
    const found = await rows(
      em,
      `select * from (
         select id, kind, subject_type, subject_id, plan_id, title, summary, occurred_at, reach, base, row_number() over (partition by kind order by base desc, id) as n
         from (select *, ${BASE_SQL} as base from highlight_item where ${IN_PERIOD}) c) c
       where n <= ?`,
      [until.getTime(), span, ...period, page + 1],
    );
    const read = found.filter((r) => Number(r.n) <= page);
    const leftOut = new Map(found.filter((r) => Number(r.n) > page).map((r) => [String(r.kind), Number(r.base)]));
    // The pool in the order rankHighlights has always seen it (by id), so that equal scores are broken as before.
    read.sort((x, y) => Number(x.id) - Number(y.id));
    const picked = rankHighlights(read.map(candidateOf), since, until, limit);
    if (leftOut.size === 0 || (picked.length === limit && clearsLeftOut(picked, leftOut))) return picked;
  }
}

/** Whether every pick scored above anything left out could have at its turn: the best left out of each kind, lowered for the kind's picks before, plus half a rounding step. */
function clearsLeftOut(picked: readonly Ranked[], leftOut: ReadonlyMap<string, number>): boolean {
  const kindPicks = new Map<string, number>();
  for (const pick of picked) {
    for (const [kind, base] of leftOut) {
      if (pick.score <= base * SAME_KIND_FACTOR ** (kindPicks.get(kind) ?? 0) * (1 + 1e-12) + 0.00005) return false;
    }
    kindPicks.set(pick.kind, (kindPicks.get(pick.kind) ?? 0) + 1);
  }
  return true;
}

function candidateOf(r: Row): Candidate {
  return {
    kind: r.kind as HighlightKind,
    title: String(r.title),
    summary: String(r.summary),
    occurredAt: new Date(String(r.occurred_at)),
    reach: Number(r.reach),
    subjectType: String(r.subject_type),
    subjectId: Number(r.subject_id),
    planId: r.plan_id === null ? null : Number(r.plan_id),
  };
}

/** Every stored candidate of a period, in the order they were stored (the reference the ranked page is checked against). */
export async function candidatesOf(em: EntityManager, since: Date, until: Date): Promise<Candidate[]> {
  await ensureHighlights(em);
  const untilDate = until.toISOString().slice(0, 10);
  const found = await rows(
    em,
    `select kind, subject_type, subject_id, plan_id, title, summary, occurred_at, reach from highlight_item where ${IN_PERIOD} order by id`,
    [since.toISOString(), until.toISOString(), untilDate, untilDate, since.toISOString().slice(0, 10), untilDate],
  );
  return found.map(candidateOf);
}
