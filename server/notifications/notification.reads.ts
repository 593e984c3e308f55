import { leaf, type TypeReads } from '../core/reads.js';

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
      // Only on the viewer's own user.
      unreadNotificationCount: leaf(
        (t, c) =>
          `case when ${t}.id = ${c.viewerId()} then (select count(*)::int from notification n where n.recipient_id = ${t}.id and n.read_at is null) end`,
      ),
    },
  },
  Notification: {
    // Only its recipient opens it by id.
    node: { table: 'notification', visible: (t, _scope, viewerId) => `${t}.recipient_id = ${viewerId()}` },
    columns: ['kind', 'title', 'link', 'createdAt', 'readAt', 'emailState'],
  },
};
