import { type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import { NodeEntity } from '../core/node.js';
import { DateTimeScalar } from '../core/scalars.js';

export enum NotificationKind {
  /** An activity of another plan came to overlap one of the recipient's plan (project leads). */
  OVERLAP = 'OVERLAP',
  /** The coordinators' weekly overview. */
  DIGEST = 'DIGEST',
  /** A follow-up point of the recipient's is due in 3 days, or went overdue. */
  REMINDER = 'REMINDER',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesConfig: {
    OVERLAP: { description: "An activity of another plan came to overlap one of your plan's (project leads)." },
    DIGEST: { description: 'The weekly overview for coordinators: new overlap groups, coverage gaps, overdue follow-ups, silent indicators.' },
    REMINDER: { description: 'A follow-up point you are responsible for is due in 3 days, or went overdue.' },
  },
});

/** How often a user wants e-mail of one kind. */
export enum NotificationFrequency {
  IMMEDIATELY = 'IMMEDIATELY',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  NEVER = 'NEVER',
}
registerEnumType(NotificationFrequency, {
  name: 'NotificationFrequency',
  description: 'How often e-mail of a kind is sent; the console shows every notification whatever is chosen.',
  valuesConfig: {
    IMMEDIATELY: { description: 'At once (news within the batching window gathered into one e-mail). Not for DIGEST.' },
    DAILY: { description: 'Gathered into one e-mail each morning at 07:00 (Copenhagen time).' },
    WEEKLY: { description: 'Gathered into one e-mail on Monday mornings at 07:00 (Copenhagen time).' },
    NEVER: { description: 'No e-mail of this kind.' },
  },
});

/** Whether, and how, a notification went out by e-mail. */
export enum EmailState {
  /** Waiting for its e-mail (the first within a minute; later ones gathered). */
  PENDING = 'PENDING',
  /** In an e-mail of the outbox (`outbox_message`). */
  QUEUED = 'QUEUED',
  /** Not e-mailed: no SMTP server, no address, or the recipient chose not to. */
  NOT_SENT = 'NOT_SENT',
}
registerEnumType(EmailState, {
  name: 'NotificationEmailState',
  description: 'Whether a notification went out by e-mail.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its e-mail (gathered with others, or for the daily or weekly time chosen).' },
    QUEUED: { description: 'In an e-mail of the outbox (sent, or being sent).' },
    NOT_SENT: { description: 'Not e-mailed: no SMTP server configured, no e-mail address, or the user chose NEVER.' },
  },
});

/** Something the hub tells one user: in the console's list, and e-mailed through the outbox as the user chose. */
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_recipient_index', properties: ['recipient', 'createdAt'] })
@Index({ name: 'notification_pending_index', properties: ['emailState', 'recipient'] })
@Unique({ name: 'notification_dedupe_unique', properties: ['recipient', 'dedupeKey'] })
@ObjectType('Notification', { implements: NodeEntity, description: 'Something the hub told you: in the console, and by e-mail as you chose.' })
export class Notification extends NodeEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  recipient!: Ref<User>;

  @Enum({ items: () => NotificationKind, type: 'string' })
  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind!: NotificationKind;

  @Property({ type: 'string', length: 500 })
  @Field(() => String, { description: 'One line in Danish.' })
  title!: string;

  @Property({ type: 'string', length: 500 })
  @Field(() => String, { description: 'The console page it concerns, as a path (e.g. /activities/<id>).' })
  link!: string;

  /** What the e-mail is composed from when it is sent (ids, score). */
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  /** What makes a scheduled notification once only (a reminder per follow-up and day kind, a digest per period), across hubs. */
  @Property({ type: 'string', length: 200, nullable: true })
  dedupeKey?: string | null;

  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: 'When it was written.' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt?: Date | null;

  @Enum({ items: () => EmailState, type: 'string' })
  @Field(() => EmailState, { description: 'Whether it went out by e-mail.' })
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
registerEnumType(OutboxState, {
  name: 'OutboxState',
  description: 'Where an e-mail of the outbox is.',
  valuesConfig: {
    PENDING: { description: 'Not sent yet: waiting for its first attempt or for its next one after a failure.' },
    SENT: { description: 'Accepted by the SMTP server.' },
    FAILED: { description: 'Given up: refused for good (5xx) or failed 10 times.' },
  },
});

/** One user's choice for one kind; a kind without a row has its default (NOTIFICATION_DEFAULTS). */
@Entity({ tableName: 'notification_setting' })
@ObjectType('NotificationSetting', { description: 'How often you get e-mail of one kind.' })
export class NotificationSetting {
  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  @Enum({ items: () => NotificationKind, type: 'string', primary: true })
  @Field(() => NotificationKind, { description: 'The kind.' })
  kind!: NotificationKind;

  @Enum({ items: () => NotificationFrequency, type: 'string' })
  @Field(() => NotificationFrequency, { description: 'How often.' })
  frequency!: NotificationFrequency;
}

/** A user's calendar address: revoking it bumps the generation, and the old address's signature no longer matches. */
@Entity({ tableName: 'calendar_feed' })
export class CalendarFeed {
  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'integer' })
  generation: number = 1;

  @Property({ type: 'datetime' })
  revokedAt!: Date;
}

/** An e-mail to send: written in the transaction that decides it, sent by whichever hub claims it first (FOR UPDATE SKIP LOCKED). */
@Entity({ tableName: 'outbox_message' })
@ObjectType('OutboxMessage', { description: 'An e-mail the hub sent or is sending (notificationLog, for administrators).' })
@Index({ name: 'outbox_message_due_index', properties: ['state', 'nextAttemptAt'] })
@Index({ name: 'outbox_message_recipient_index', properties: ['recipient', 'kind', 'createdAt'] })
@Unique({ name: 'outbox_message_message_id_unique', properties: ['messageId'] })
export class OutboxMessage {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  recipient?: Ref<User> | null;

  @Enum({ items: () => NotificationKind, type: 'string' })
  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind!: NotificationKind;

  /** RFC 5322 Message-ID, the same on every attempt: a receiver that got it once drops a repeat. */
  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Its Message-ID, the same on every attempt.' })
  messageId!: string;

  @Property({ type: 'string', length: 320 })
  @Field(() => String, { description: 'The address it goes to.' })
  toAddress!: string;

  @Property({ type: 'string', length: 500 })
  @Field(() => String, { description: 'Its subject (Danish).' })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  html!: string;

  /** Extra headers (List-Unsubscribe). */
  @Property({ type: 'json' })
  headers: Record<string, string> = {};

  @Enum({ items: () => OutboxState, type: 'string' })
  @Field(() => OutboxState, { description: 'Sent, waiting or given up.' })
  state: OutboxState = OutboxState.PENDING;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts: number = 0;

  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: 'When it is (or was) next tried.' })
  nextAttemptAt!: Date;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The SMTP server's answer to the last failed attempt." })
  lastError?: string | null;

  @Property({ type: 'datetime' })
  @Field(() => DateTimeScalar, { description: 'When it was written to the outbox.' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the SMTP server accepted it.' })
  sentAt?: Date | null;
}
