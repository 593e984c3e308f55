import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../core/pagination.js';
import { UserError } from '../core/user-errors.js';
import { Notification, NotificationFrequency, NotificationKind, NotificationSetting, OutboxMessage } from './notification.entity.js';

@ObjectType('NotificationConnection', { description: 'A page of your notifications, newest first.' })
export class NotificationConnection extends ConnectionType('Notification', Notification, 'notification') {}

@ObjectType('OutboxMessageConnection', { description: 'A page of e-mails, newest first.' })
export class OutboxMessageConnection extends ConnectionType('OutboxMessage', OutboxMessage, 'e-mail') {}

@InputType('MarkNotificationsReadInput', { description: 'Notifications you have seen: some by id, or all.' })
export class MarkNotificationsReadInput {
  @ArrayMaxSize(100)
  @Field(() => [ID], { nullable: true, description: 'Your notifications to mark read (at most 100).' })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Mark every notification of yours read.' })
  all?: boolean | null;
}

@ObjectType('MarkNotificationsReadPayload', { description: 'The result of markNotificationsRead.' })
export class MarkNotificationsReadPayload {
  @Field(() => Int, { nullable: true, description: 'How many were unread and are now read; null when userErrors is not empty.' })
  markedCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many of yours are still unread; null when userErrors is not empty.' })
  unreadCount!: number | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType('NotificationSettingInput', { description: 'How often you want e-mail of one kind.' })
export class NotificationSettingInput {
  @Field(() => NotificationKind, { description: 'The kind.' })
  kind!: NotificationKind;

  @Field(() => NotificationFrequency, { description: 'How often; DIGEST is DAILY, WEEKLY or NEVER.' })
  frequency!: NotificationFrequency;
}

@InputType('UpdateNotificationSettingsInput', { description: 'Your choices; kinds left out keep theirs.' })
export class UpdateNotificationSettingsInput {
  @ArrayMaxSize(10)
  @Field(() => [NotificationSettingInput], { description: 'One choice per kind.' })
  settings!: NotificationSettingInput[];
}

@ObjectType('NotificationSettingsPayload', { description: 'The result of updateNotificationSettings.' })
export class NotificationSettingsPayload {
  @Field(() => [NotificationSetting], { nullable: true, description: 'Your choices for every kind; null when userErrors is not empty.' })
  settings!: NotificationSetting[] | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

@InputType('RevokeCalendarUrlInput', { description: 'Stops every calendar address given out so far and makes a new one.' })
export class RevokeCalendarUrlInput {
  @Field(() => Boolean, { nullable: true, description: 'Whether the new address also shows the weekly slots of your activities.' })
  withActivitySlots?: boolean | null;
}

@ObjectType('CalendarUrlPayload', { description: 'The result of revokeCalendarUrl.' })
export class CalendarUrlPayload {
  @Field(() => String, { nullable: true, description: 'The new secret address; null when userErrors is not empty.' })
  calendarUrl!: string | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}
