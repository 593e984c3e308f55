import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { User } from '../auth/user.entity.js';
import { NodeEntity } from '../core/node.js';

export enum NotificationKind {
  OVERLAP = 'OVERLAP',
  DIGEST = 'DIGEST',
  REMINDER = 'REMINDER',
}

/** Whether, and how, a notification went out by e-mail. */
export enum EmailState {
  /** Waiting for its e-mail (the first within a minute; later ones gathered). */
  PENDING = 'PENDING',
  /** In an e-mail of the outbox (`outbox_message`). */
  QUEUED = 'QUEUED',
  /** Not e-mailed: no SMTP server, no address, or the recipient chose not to. */
  NOT_SENT = 'NOT_SENT',
}

/** Something the hub tells one user: e-mailed through the outbox (the console's list and settings are still to come). */
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_recipient_index', properties: ['recipient', 'createdAt'] })
@Index({ name: 'notification_pending_index', properties: ['emailState', 'recipient'] })
export class Notification extends NodeEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  recipient!: Ref<User>;

  @Enum({ items: () => NotificationKind, type: 'string' })
  kind!: NotificationKind;

  @Property({ type: 'string', length: 500 })
  title!: string;

  @Property({ type: 'string', length: 500 })
  link!: string;

  /** What the e-mail is composed from when it is sent (ids, score). */
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  readAt?: Date | null;

  @Enum({ items: () => EmailState, type: 'string' })
  emailState!: EmailState;

  @ManyToOne(() => OutboxMessage, { ref: true, nullable: true, deleteRule: 'set null' })
  email?: Ref<OutboxMessage> | null;
}

export enum OutboxState {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Given up after its last attempt. */
  FAILED = 'FAILED',
}

/** An e-mail to send: written in the transaction that decides it, sent by whichever hub claims it first (FOR UPDATE SKIP LOCKED). */
@Entity({ tableName: 'outbox_message' })
@Index({ name: 'outbox_message_due_index', properties: ['state', 'nextAttemptAt'] })
@Index({ name: 'outbox_message_recipient_index', properties: ['recipient', 'kind', 'createdAt'] })
@Unique({ name: 'outbox_message_message_id_unique', properties: ['messageId'] })
export class OutboxMessage {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recipient?: Ref<User> | null;

  @Enum({ items: () => NotificationKind, type: 'string' })
  kind!: NotificationKind;

  /** RFC 5322 Message-ID, the same on every attempt: a receiver that got it once drops a repeat. */
  @Property({ type: 'string', length: 200 })
  messageId!: string;

  @Property({ type: 'string', length: 320 })
  toAddress!: string;

  @Property({ type: 'string', length: 500 })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  html!: string;

  /** Extra headers (List-Unsubscribe). */
  @Property({ type: 'json' })
  headers: Record<string, string> = {};

  @Enum({ items: () => OutboxState, type: 'string' })
  state: OutboxState = OutboxState.PENDING;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'datetime' })
  nextAttemptAt!: Date;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;
}
