import type { EntityManager } from '@mikro-orm/postgresql';
import { DateTime } from 'luxon';
import icalGenerator, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalWeekday } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { activeActivitySql } from '../activities/activity.query.js';
import { Role } from '../core/enums.js';
import type { PublicRoute } from '../core/http.js';
import { rows } from '../core/sql.js';
import { addDays, HUB_TIME_ZONE } from './clock.js';
import { sign, signingSecret, verify } from './signing.js';

/** The roles whose plans have meetings and deadlines to show. */
export const CALENDAR_ROLES: readonly Role[] = [Role.COORDINATOR, Role.PROJECT_LEAD];

const subject = (userId: number, generation: number) => `calendar:${userId}:${generation}`;

async function generationOf(em: EntityManager, userId: number): Promise<number> {
  const [row] = await rows(em, `select generation from calendar_feed where user_id = ?`, [userId]);
  return Number(row?.generation ?? 1);
}

/** The user's secret feed address: a signature over the user and the feed's generation, so revoking it is bumping the generation. */
export async function calendarUrl(em: EntityManager, publicUrl: string, userId: number, withActivitySlots: boolean): Promise<string> {
  const generation = await generationOf(em, userId);
  const signature = sign(await signingSecret(em), subject(userId, generation));
  return `${publicUrl}/calendar.ics?u=${userId}&g=${generation}&s=${signature}${withActivitySlots ? '&slots=1' : ''}`;
}

/** A new generation: every address given out before stops working. */
export async function revokeCalendar(em: EntityManager, userId: number): Promise<void> {
  await em.execute(
    `insert into calendar_feed (user_id, generation, revoked_at) values (?, 2, ?)
     on conflict (user_id) do update set generation = calendar_feed.generation + 1, revoked_at = excluded.revoked_at`,
    [userId, new Date()],
  );
}

const WEEKDAYS: Record<string, ICalWeekday> = {
  MONDAY: ICalWeekday.MO,
  TUESDAY: ICalWeekday.TU,
  WEDNESDAY: ICalWeekday.WE,
  THURSDAY: ICalWeekday.TH,
  FRIDAY: ICalWeekday.FR,
  SATURDAY: ICalWeekday.SA,
  SUNDAY: ICalWeekday.SU,
};
const ISO_WEEKDAY: Record<string, number> = { MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6, SUNDAY: 7 };

/** The first date on or after `from` that falls on the weekday. */
function firstOn(from: string, weekday: string): string {
  const day = new Date(`${from}T00:00:00Z`).getUTCDay() || 7;
  return addDays(from, (ISO_WEEKDAY[weekday]! - day + 7) % 7);
}

/**
 * The zone's VTIMEZONE under the name the events use: the library answers Copenhagen with Berlin's block (an IANA link since 2022, the
 * same rules since 1980), whose TZID the events would not find.
 */
function vtimezone(zone: string): string | null {
  const block = [tzlib_get_ical_block(zone)].flat()[0];
  return block ? block.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`) : null;
}

/** The feed: steering-group meetings and follow-up deadlines of the user's plans (every plan for coordinators), optionally the weekly slots. */
async function feed(em: EntityManager, userId: number, role: Role, withSlots: boolean, publicUrl: string): Promise<string> {
  // UIDs stay the same for as long as the database does, whatever address the hub is reached at.
  const host = `${sign(await signingSecret(em), 'calendar-uid').slice(0, 12)}.boligsocial-hub`;
  const plans = role === Role.COORDINATOR ? 'true' : `g.plan_id in (select plan_id from user_plan where user_id = ${Number(userId)})`;
  const calendar = icalGenerator({
    name: 'Boligsocial koordinering',
    description: 'Styregruppemøder og frister for opfølgningspunkter i dine helhedsplaner',
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Boligsocial koordinationshub', product: 'Kalender', language: 'DA' },
    timezone: { name: HUB_TIME_ZONE, generator: vtimezone },
    ttl: 3600,
  });
  const meetings = await rows(
    em,
    `select m.id, to_char(m.date, 'YYYY-MM-DD') as date, m.agenda, g.name as group_name, p.name as plan, p.code
     from meeting m join steering_group g on g.id = m.steering_group_id left join plan p on p.id = g.plan_id where ${plans}`,
  );
  for (const m of meetings) {
    calendar.createEvent({
      id: `meeting-${m.id}@${host}`,
      sequence: 0,
      allDay: true,
      start: DateTime.fromISO(String(m.date), { zone: HUB_TIME_ZONE }),
      summary: `Styregruppemøde: ${m.group_name}`,
      description: [`${m.plan ?? ''}`, ...((m.agenda as string[] | null) ?? []).map((item, i) => `${i + 1}. ${item}`)].join('\n'),
      url: m.code ? `${publicUrl}/plans/${encodeURIComponent(String(m.code))}` : null,
    });
  }
  const items = await rows(
    em,
    `select ai.id, ai.description, to_char(ai.due_date, 'YYYY-MM-DD') as due_date, ai.status, p.name as plan, p.code, o.name as owner
     from action_item ai join meeting m on m.id = ai.meeting_id join steering_group g on g.id = m.steering_group_id
     left join plan p on p.id = g.plan_id left join person o on o.id = ai.owner_id where ${plans}`,
  );
  for (const item of items) {
    const done = item.status !== 'OPEN';
    calendar.createEvent({
      id: `action-item-${item.id}@${host}`,
      // Marking a follow-up done changes its event: calendars take the higher SEQUENCE.
      sequence: done ? 1 : 0,
      allDay: true,
      start: DateTime.fromISO(String(item.due_date), { zone: HUB_TIME_ZONE }),
      summary: `${done ? 'Udført' : 'Frist'}: ${item.description}`,
      description: [`${item.plan ?? ''}`, item.owner ? `Ansvarlig: ${item.owner}` : ''].filter(Boolean).join('\n'),
      url: item.code ? `${publicUrl}/plans/${encodeURIComponent(String(item.code))}` : null,
    });
  }
  if (withSlots) {
    const activityPlans = role === Role.COORDINATOR ? 'true' : `a.plan_id in (select plan_id from user_plan where user_id = ${Number(userId)})`;
    const activities = await rows(
      em,
      `select a.id, a.title, a.version, a.schedule, to_char(a.start_date, 'YYYY-MM-DD') as start_date, to_char(a.end_date, 'YYYY-MM-DD') as end_date, p.name as plan
       from activity a join plan p on p.id = a.plan_id where ${activeActivitySql('a')} and ${activityPlans} and jsonb_array_length(a.schedule) > 0`,
    );
    for (const a of activities) {
      for (const slot of (a.schedule as { weekday: string; startTime: string; endTime: string }[]) ?? []) {
        const first = firstOn(String(a.start_date), slot.weekday);
        // Wall-clock times in Copenhagen (luxon), so the weekly slot keeps its local hour across summer time.
        const at = (time: string) => DateTime.fromISO(`${first}T${time.slice(0, 5)}`, { zone: HUB_TIME_ZONE });
        calendar.createEvent({
          id: `activity-${a.id}-${slot.weekday.toLowerCase()}-${slot.startTime.slice(0, 5).replace(':', '')}@${host}`,
          // Every change of the activity bumps its version, and with it the events' SEQUENCE.
          sequence: Number(a.version),
          start: at(slot.startTime),
          end: at(slot.endTime),
          timezone: HUB_TIME_ZONE,
          repeating: {
            freq: ICalEventRepeatingFreq.WEEKLY,
            byDay: [WEEKDAYS[slot.weekday]!],
            ...(a.end_date ? { until: DateTime.fromISO(`${a.end_date}T23:59`, { zone: HUB_TIME_ZONE }) } : {}),
          },
          summary: String(a.title),
          description: String(a.plan),
        });
      }
    }
  }
  return calendar.toString();
}

/** /calendar.ics: the feed a signed address names; the address opens this feed and nothing else. */
export const calendarRoute: PublicRoute = {
  path: '/calendar.ics',
  methods: ['GET'],
  async handle({ url, em, publicUrl }) {
    const tx = em();
    const userId = Number(url.searchParams.get('u'));
    const generation = Number(url.searchParams.get('g'));
    const notFound = {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'Kalenderen findes ikke: adressen er forkert eller trukket tilbage.\n',
    };
    if (!Number.isSafeInteger(userId) || !Number.isSafeInteger(generation)) return notFound;
    if (!verify(await signingSecret(tx), subject(userId, generation), url.searchParams.get('s'))) return notFound;
    if (generation !== (await generationOf(tx, userId))) return notFound;
    const [user] = await rows(tx, `select role from app_user where id = ?`, [userId]);
    if (!user || !CALENDAR_ROLES.includes(user.role as Role)) return notFound;
    const body = await feed(tx, userId, user.role as Role, url.searchParams.get('slots') === '1', publicUrl);
    return { status: 200, headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="boligsocial.ics"' }, body };
  },
};
