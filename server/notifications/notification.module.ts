import type { HubModule } from '../core/module.js';
import { byIdLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { overlapWrites } from '../overlap/overlap.hooks.js';
import { CalendarFeed, Notification, NotificationSetting, OutboxMessage } from './notification.entity.js';
import { NotificationResolver, OutboxMessageResolver, UserNotificationsResolver } from './notification.resolver.js';
import { notifyRaisedPairs } from './notification.store.js';
import { MailWorker } from './sender.js';
import { unsubscribeRoute } from './unsubscribe.js';
import { calendarRoute } from './calendar.js';
import { notificationReads } from './notification.reads.js';

const loaders = {
  notification: (em) => byIdLoader(em, Notification),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

/** What the hub tells people: notifications in the console and by e-mail, through an outbox any hub on the database may send. */
export const notificationModule: HubModule = {
  name: 'notifications',
  reads: notificationReads,
  resolvers: [NotificationResolver, UserNotificationsResolver, OutboxMessageResolver],
  entities: [OutboxMessage, Notification, NotificationSetting, CalendarFeed],
  loaders,
  publicRoutes: [unsubscribeRoute, calendarRoute],
  // A notification is its recipient's alone.
  nodes: [nodeType({ entity: Notification, loader: (l) => l.notification, visible: (ctx, n) => n.recipient.id === ctx.viewer?.userId })],
  connect() {
    overlapWrites.raised.handle(notifyRaisedPairs);
  },
  worker: ({ orm, config, publicUrl, log }) => new MailWorker({ orm, config: config.mail, publicUrl, log }),
};
