import type { HubModule } from '../core/module.js';
import { overlapWrites } from '../overlap/overlap.hooks.js';
import { Notification, OutboxMessage } from './notification.entity.js';
import { MailWorker } from './sender.js';
import { notifyRaisedPairs } from './notification.store.js';

/** What the hub tells people: notifications in the console and by e-mail, through an outbox any hub on the database may send. */
export const notificationModule: HubModule = {
  name: 'notifications',
  entities: [OutboxMessage, Notification],
  connect() {
    overlapWrites.raised.handle(notifyRaisedPairs);
  },
  worker: ({ orm, config, publicUrl, log }) => new MailWorker({ orm, config: config.mail, publicUrl, log }),
};
