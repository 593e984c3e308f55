import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { requireMutation } from '../access/permissions.js';
import type { HubContext } from '../core/context.js';
import { Role } from '../core/enums.js';
import { ErrorCode } from '../core/errors.js';
import { fromGlobalId } from '../core/global-id.js';
import { runMutation } from '../core/mutation.js';
import { decodeCursor, pageSize, toPage, type Page } from '../core/pagination.js';
import { readModelOf } from '../core/read-model.js';
import { pgArray, rows } from '../core/sql.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';
import { Notification, NotificationFrequency, NotificationKind, NotificationSetting, OutboxMessage, OutboxState } from './notification.entity.js';
import { CALENDAR_ROLES, calendarUrl, revokeCalendar } from './calendar.js';
import type { MarkNotificationsReadInput, RevokeCalendarUrlInput, UpdateNotificationSettingsInput } from './notification.input.js';

/** What a user gets until they choose: overlap news and reminders at once, the digest on Mondays. */
export const NOTIFICATION_DEFAULTS: Readonly<Record<NotificationKind, NotificationFrequency>> = {
  [NotificationKind.OVERLAP]: NotificationFrequency.IMMEDIATELY,
  [NotificationKind.DIGEST]: NotificationFrequency.WEEKLY,
  [NotificationKind.REMINDER]: NotificationFrequency.IMMEDIATELY,
};

/** SQL for a user's frequency of a kind, defaults included (`u` the user's id column, `k` the kind). */
export function frequencySql(user: string, kind: string): string {
  const defaults = Object.entries(NOTIFICATION_DEFAULTS)
    .map(([k, f]) => `when '${k}' then '${f}'`)
    .join(' ');
  return `coalesce((select s.frequency from notification_setting s where s.user_id = ${user} and s.kind = ${kind}), case ${kind} ${defaults} end)`;
}

/** A user's choice for every kind, defaults filled in. */
export async function settingsOf(em: EntityManager, userId: number): Promise<NotificationSetting[]> {
  const chosen = new Map(
    (await rows(em, `select kind, frequency from notification_setting where user_id = ?`, [userId])).map((r) => [String(r.kind), String(r.frequency)]),
  );
  return Object.values(NotificationKind).map((kind) =>
    Object.assign(new NotificationSetting(), { kind, frequency: (chosen.get(kind) ?? NOTIFICATION_DEFAULTS[kind]) as NotificationFrequency }),
  );
}

export async function unreadCount(em: EntityManager, userId: number): Promise<number> {
  const [row] = await rows(em, `select count(*)::int as n from notification where recipient_id = ? and read_at is null`, [userId]);
  return Number(row?.n ?? 0);
}

const COLUMNS = 'n.id, n.recipient_id, n.kind, n.title, n.link, n.payload, n.dedupe_key, n.created_at, n.read_at, n.email_state, n.email_id';

/** The viewer's own notifications, newest first; nobody reads another's. */
export async function listNotifications(ctx: HubContext, args: { first?: number | null; after?: string | null }): Promise<Page<Notification>> {
  const userId = ctx.viewer!.userId;
  const first = pageSize(args.first);
  const afterId = decodeCursor(args.after, ['number'])?.[0] as number | undefined;
  const page = await rows(ctx.em, `select ${COLUMNS} from notification n where n.recipient_id = ? and n.id < ? order by n.id desc limit ?`, [
    userId,
    afterId ?? 2 ** 31 - 1,
    first + 1,
  ]);
  const count = async () => Number((await rows(ctx.em, `select count(*)::int as n from notification where recipient_id = ?`, [userId]))[0]?.n ?? 0);
  return toPage(page.map(readModelOf(ctx.em, Notification)), first, count, afterId !== undefined, (n) => [n.id]);
}

export function markNotificationsRead(ctx: HubContext, input: MarkNotificationsReadInput) {
  return runMutation(ctx, { markedCount: null as number | null, unreadCount: null as number | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'markNotificationsRead');
    if (!input.all && !input.ids?.length)
      refuse(
        ['input'],
        UserErrorCode.INVALID,
        message('Give the ids of the notifications to mark read, or all: true', 'Vælg de notifikationer, der skal markeres som læst, eller dem alle'),
      );
    let ids: number[] | null = null;
    if (!input.all) {
      ids = [];
      for (const [i, globalId] of input.ids!.entries()) {
        const decoded = fromGlobalId(globalId);
        if (decoded?.type !== 'Notification')
          refuse(
            ['input', 'ids', String(i)],
            UserErrorCode.INVALID,
            message(`"${globalId}" is not the id of a notification`, `"${globalId}" er ikke id'et på en notifikation`),
          );
        ids.push(decoded.id);
      }
      // Another user's notification is answered as unknown: its existence is not for this viewer.
      const own = new Set(
        (await rows(tx, `select id from notification where recipient_id = ? and id = any(?::int[])`, [viewer.userId, pgArray(ids)])).map((r) => Number(r.id)),
      );
      const missing = ids.findIndex((id) => !own.has(id));
      if (missing >= 0)
        refuse(
          ['input', 'ids', String(missing)],
          UserErrorCode.NOT_FOUND,
          message(`You have no notification "${input.ids![missing]}"`, 'Du har ikke den notifikation'),
        );
    }
    const marked = await rows(
      tx,
      `update notification set read_at = ? where recipient_id = ? and read_at is null ${ids ? 'and id = any(?::int[])' : ''} returning id`,
      ids ? [new Date(), viewer.userId, pgArray(ids)] : [new Date(), viewer.userId],
    );
    return { markedCount: marked.length, unreadCount: await unreadCount(tx, viewer.userId) };
  });
}

export function updateNotificationSettings(ctx: HubContext, input: UpdateNotificationSettingsInput) {
  return runMutation(ctx, { settings: null as NotificationSetting[] | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'updateNotificationSettings');
    const seen = new Set<NotificationKind>();
    for (const [i, setting] of input.settings.entries()) {
      if (seen.has(setting.kind))
        refuse(
          ['input', 'settings', String(i), 'kind'],
          UserErrorCode.INVALID,
          message(`${setting.kind} is given twice`, 'Den slags notifikation står to gange'),
        );
      seen.add(setting.kind);
      if (setting.kind === NotificationKind.DIGEST && setting.frequency === NotificationFrequency.IMMEDIATELY) {
        refuse(
          ['input', 'settings', String(i), 'frequency'],
          UserErrorCode.INVALID,
          message('The digest is sent DAILY or WEEKLY, or NEVER', 'Overblikket sendes dagligt eller ugentligt, eller aldrig'),
        );
      }
    }
    for (const setting of input.settings) {
      await tx.execute(
        `insert into notification_setting (user_id, kind, frequency) values (?, ?, ?) on conflict (user_id, kind) do update set frequency = excluded.frequency`,
        [viewer.userId, setting.kind, setting.frequency],
      );
    }
    return { settings: await settingsOf(tx, viewer.userId) };
  });
}

/** What the outbox sent and failed, newest first, for administrators (operations). */
export async function notificationLog(
  ctx: HubContext,
  args: { first?: number | null; after?: string | null; state?: OutboxState | null },
): Promise<Page<OutboxMessage>> {
  if (ctx.viewer?.role !== Role.ADMIN) {
    throw new GraphQLError('Only administrators may read the notification log', { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
  }
  const first = pageSize(args.first);
  const afterId = decodeCursor(args.after, ['number'])?.[0] as number | undefined;
  const state = args.state ? 'and m.state = ?' : '';
  const params = args.state ? [args.state] : [];
  const page = await rows(
    ctx.em,
    `select m.id, m.recipient_id, m.kind, m.message_id, m.to_address, m.subject, m.text, m.html, m.headers, m.state, m.attempts, m.next_attempt_at,
       m.last_error, m.created_at, m.sent_at
     from outbox_message m where m.id < ? ${state} order by m.id desc limit ?`,
    [afterId ?? 2 ** 31 - 1, ...params, first + 1],
  );
  const count = async () => Number((await rows(ctx.em, `select count(*)::int as n from outbox_message m where true ${state}`, params))[0]?.n ?? 0);
  return toPage(page.map(readModelOf(ctx.em, OutboxMessage)), first, count, afterId !== undefined, (m) => [m.id]);
}

export function revokeCalendarUrl(ctx: HubContext, input: RevokeCalendarUrlInput) {
  return runMutation(ctx, { calendarUrl: null as string | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'revokeCalendarUrl');
    await revokeCalendar(tx, viewer.userId);
    return { calendarUrl: await calendarUrl(tx, ctx.publicUrl, viewer.userId, input.withActivitySlots ?? false) };
  });
}

/** The viewer's own feed address; null for other users and for roles without plans to show. */
export function viewerCalendarUrl(ctx: HubContext, userId: number, withActivitySlots: boolean): Promise<string> | null {
  if (ctx.viewer?.userId !== userId || !CALENDAR_ROLES.includes(ctx.viewer.role)) return null;
  return calendarUrl(ctx.em, ctx.publicUrl, userId, withActivitySlots);
}
