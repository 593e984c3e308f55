import { leaf, type TypeReads } from '../core/reads.js';
import { CALENDAR_ROLES } from './calendar.js';
import { NotificationKind } from './notification.entity.js';
import { frequencySql } from './notification.service.js';

export const notificationReads: TypeReads = {
  Query: {
    fields: {
      // The viewer's own, newest first.
      notifications: {
        kind: 'connection',
        source: (c) => ({ from: `notification ${c.t}`, where: `${c.t}.recipient_id = ${c.viewerId()}` }),
        orderBy: (t) => `${t}.id desc`,
        key: (t) => [`${t}.id`],
        kinds: ['number'],
        after: (t, key, param) => `${t}.id < ${param(key[0])}`,
      },
    },
  },
  User: {
    fields: {
      // The viewer's own, every kind in its order with the defaults filled in (as settingsOf).
      notificationSettings: {
        kind: 'list',
        source: (c) => ({
          from: `(select k.kind, ${frequencySql(`${c.parent}.id`, 'k.kind')} as frequency, k.n
            from unnest(array[${Object.values(NotificationKind).map((kind) => `'${kind}'`)}]::text[]) with ordinality k(kind, n)) ${c.t}`,
          orderBy: `${c.t}.n`,
          nullUnless: `${c.parent}.id = ${c.viewerId()}`,
        }),
      },
      // The viewer's own feed address, signed in the database with the secret calendar.ts signs with (hub_sign).
      calendarUrl: leaf((t, c) => {
        const generation = `coalesce((select f.generation from calendar_feed f where f.user_id = ${t}.id), 1)`;
        const slots = c.args.withActivitySlots ? ` || '&slots=1'` : '';
        return (
          `case when ${t}.id = ${c.viewerId()} and ${t}.role in (${CALENDAR_ROLES.map((role) => `'${role}'`)}) then ` +
          `${c.publicUrl()} || '/calendar.ics?u=' || ${t}.id || '&g=' || ${generation} || '&s=' || hub_sign('calendar:' || ${t}.id || ':' || ${generation})${slots} end`
        );
      }),
      // Only on the viewer's own user.
      unreadNotificationCount: leaf(
        (t, c) =>
          `case when ${t}.id = ${c.viewerId()} then (select count(*)::int from notification n where n.recipient_id = ${t}.id and n.read_at is null) end`,
      ),
    },
  },
  NotificationSetting: { columns: ['kind', 'frequency'] },
  Notification: {
    // Only its recipient opens it by id.
    node: { table: 'notification', visible: (t, _scope, viewerId) => `${t}.recipient_id = ${viewerId()}` },
    columns: ['kind', 'title', 'link', 'createdAt', 'readAt', 'emailState'],
  },
};
