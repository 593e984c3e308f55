import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';
import { rows } from '../core/sql.js';
import { coverage } from '../overlap/coverage.js';
import { OverlapGrouping, overlapGroups } from '../overlap/overlap-groups.js';
import { addDays, latestSlot, localTime } from './clock.js';
import type { DigestPayload } from './mail.js';
import { EmailState, NotificationFrequency, NotificationKind } from './notification.entity.js';
import { frequencySql } from './notification.service.js';

/** Days before a follow-up's deadline its owner is reminded. */
export const REMIND_DAYS_BEFORE = 3;
/** An overdue follow-up is reminded of once, within this many days of its deadline (not every old one when the hub starts). */
const OVERDUE_WINDOW_DAYS = 7;
/** An indicator without a new value for this many months is named in the digest. */
const SILENT_MONTHS = 6;

export interface ReminderNews {
  actionItemId: number;
  stage: 'SOON' | 'OVERDUE';
}

/**
 * Reminders for follow-up points whose owner is a user: one 3 days before the deadline (or as soon as a later one is written), one the
 * day it goes overdue. The dedupe key makes each once only, whichever hub writes it first.
 */
export async function scheduleReminders(em: EntityManager, now: Date): Promise<number> {
  const today = localTime(now).date;
  const written = await rows(
    em,
    `insert into notification (recipient_id, kind, title, link, payload, dedupe_key, created_at, email_state)
     select u.id, ?, left(case when ai.due_date < ?::date then 'Opfølgning overskredet: ' else 'Opfølgning snart: ' end || ai.description, 500),
       '/plans/' || p.code,
       jsonb_build_object('actionItemId', ai.id, 'stage', case when ai.due_date < ?::date then 'OVERDUE' else 'SOON' end),
       'reminder:' || ai.id || case when ai.due_date < ?::date then ':overdue' else ':soon' end, ?, ?
     from action_item ai
     join meeting m on m.id = ai.meeting_id join steering_group g on g.id = m.steering_group_id join plan p on p.id = g.plan_id
     join app_user u on u.person_id = ai.owner_id
     where ai.status = 'OPEN' and ai.due_date between ?::date and ?::date
     on conflict (recipient_id, dedupe_key) do nothing returning id`,
    [NotificationKind.REMINDER, today, today, today, now, EmailState.PENDING, addDays(today, -OVERDUE_WINDOW_DAYS), addDays(today, REMIND_DAYS_BEFORE)],
  );
  // A follow-up due today or later is "soon"; one past its day is overdue: the same item may get both, never either twice.
  return written.length;
}

/** The digest's payload: what the e-mail shows, and the gaps the next digest compares with. */
export interface DigestNews extends DigestPayload {
  gaps: { key: string; label: string }[];
}

/** What the digest tells at a time: the city as coordinators see it, compared with the recipient's previous digest. */
async function digestFacts(em: EntityManager, viewer: Viewer, today: string): Promise<Omit<DigestNews, 'period' | 'newGroups' | 'openedGaps' | 'closedGaps'>> {
  const groups = (await overlapGroups(em, viewer, OverlapGrouping.AREA_AND_KIND, {})).map((g) => ({ key: g.key, label: g.label }));
  const cells = await coverage(em, viewer, { gapsOnly: true });
  const names = async (table: string, ids: number[]) =>
    new Map((await rows(em, `select id, name from ${table} where id = any(?::int[])`, [`{${ids.join(',')}}`])).map((r) => [Number(r.id), String(r.name)]));
  const areas = await names('area', [...new Set(cells.map((c) => c.areaId))]);
  const targetGroups = await names('target_group', [...new Set(cells.map((c) => c.targetGroupId))]);
  const gaps = cells.map((c) => ({ key: `${c.areaId}:${c.targetGroupId}`, label: `${areas.get(c.areaId)}: ${targetGroups.get(c.targetGroupId)}` }));
  const overdueRows = await rows(
    em,
    `select ai.description, to_char(ai.due_date, 'YYYY-MM-DD') as due_date, p.name as plan, o.name as owner, count(*) over () as total
     from action_item ai join meeting m on m.id = ai.meeting_id join steering_group g on g.id = m.steering_group_id
     left join plan p on p.id = g.plan_id left join person o on o.id = ai.owner_id
     where ai.status = 'OPEN' and ai.due_date < ?::date order by ai.due_date desc, ai.id limit 50`,
    [today],
  );
  const overdueCount = Number(overdueRows[0]?.total ?? 0);
  // The most recently overdue first: last week's news, not the oldest debts.
  const overdue = overdueRows.map((r) => ({
    description: String(r.description),
    dueDate: String(r.due_date),
    plan: String(r.plan ?? ''),
    owner: (r.owner as string | null) ?? null,
  }));
  const silentIndicators = (
    await rows(
      em,
      `select i.name, coalesce(p.name, ap.name) as plan, to_char(max(ms.period_end), 'YYYY-MM-DD') as last
       from indicator i left join plan p on p.id = i.plan_id left join activity a on a.id = i.activity_id left join plan ap on ap.id = a.plan_id
       left join measurement ms on ms.indicator_id = i.id
       where (a.id is null or not a.archived)
       group by i.id, i.name, p.name, ap.name, i.created_at
       having coalesce(max(ms.period_end), i.created_at::date) < (?::date - make_interval(months => ${SILENT_MONTHS}))::date
       order by 3 nulls first, 1 limit 50`,
      [today],
    )
  ).map((r) => ({ name: String(r.name), plan: String(r.plan ?? ''), last: (r.last as string | null) ?? null }));
  return { groups, gaps, overdue, overdueCount, silentIndicators };
}

/**
 * The coordinators' digest at its time (Monday 07:00 Copenhagen, or every morning for those who chose DAILY): once per period and
 * coordinator (dedupe key), within a day of its time (a hub that was down longer skips to the next).
 */
export async function scheduleDigests(em: EntityManager, now: Date): Promise<number> {
  const coordinators = await rows(
    em,
    `select u.id, u.person_id, ${frequencySql('u.id', `'${NotificationKind.DIGEST}'`)} as frequency from app_user u where u.role = ?`,
    [Role.COORDINATOR],
  );
  const facts = new Map<string, Awaited<ReturnType<typeof digestFacts>>>();
  let written = 0;
  for (const coordinator of coordinators) {
    const schedule = coordinator.frequency === NotificationFrequency.DAILY ? 'DAILY' : 'WEEKLY';
    const slot = latestSlot(now, schedule);
    if (now.getTime() - slot.getTime() > 24 * 3600_000) continue;
    const to = localTime(slot).date;
    const key = `digest:${to}`;
    const userId = Number(coordinator.id);
    const [exists] = await rows(em, `select 1 from notification where recipient_id = ? and dedupe_key = ?`, [userId, key]);
    if (exists) continue;
    const viewer: Viewer = { userId, role: Role.COORDINATOR, personId: coordinator.person_id === null ? null : Number(coordinator.person_id), planIds: [] };
    if (!facts.has(to)) facts.set(to, await digestFacts(em, viewer, to));
    const now_ = facts.get(to)!;
    const [previous] = await rows(em, `select payload from notification where recipient_id = ? and kind = ? order by id desc limit 1`, [
      userId,
      NotificationKind.DIGEST,
    ]);
    const before = previous ? ((typeof previous.payload === 'string' ? JSON.parse(previous.payload) : previous.payload) as DigestNews) : null;
    const keys = (list: { key: string }[] | undefined) => new Set((list ?? []).map((x) => x.key));
    const [groupsBefore, gapsBefore, gapsNow] = [keys(before?.groups), keys(before?.gaps), keys(now_.gaps)];
    const news: DigestNews = {
      period: { from: before?.period.to ?? addDays(to, schedule === 'DAILY' ? -1 : -7), to },
      ...now_,
      newGroups: now_.groups.filter((g) => !groupsBefore.has(g.key)).map((g) => g.label),
      openedGaps: before ? now_.gaps.filter((g) => !gapsBefore.has(g.key)).map((g) => g.label) : [],
      closedGaps: (before?.gaps ?? []).filter((g) => !gapsNow.has(g.key)).map((g) => g.label),
    };
    const title = `Ugens overblik ${to}: ${news.newGroups.length} nye overlapgrupper, ${news.overdueCount} opfølgninger overskredet`;
    const inserted = await rows(
      em,
      `insert into notification (recipient_id, kind, title, link, payload, dedupe_key, created_at, email_state)
       values (?, ?, ?, '/', ?::jsonb, ?, ?, ?) on conflict (recipient_id, dedupe_key) do nothing returning id`,
      [
        userId,
        NotificationKind.DIGEST,
        schedule === 'DAILY' ? title.replace('Ugens overblik', 'Dagens overblik') : title,
        JSON.stringify(news),
        key,
        now,
        EmailState.PENDING,
      ],
    );
    written += inserted.length;
  }
  return written;
}
