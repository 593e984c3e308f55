import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import type { HubContext } from '../core/context.js';
import { PageArgs } from '../core/pagination.js';
import { NotificationSetting, OutboxMessage, OutboxState } from './notification.entity.js';
import {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationConnection,
  NotificationSettingsPayload,
  OutboxMessageConnection,
  RevokeCalendarUrlInput,
  CalendarUrlPayload,
  UpdateNotificationSettingsInput,
} from './notification.input.js';
import {
  listNotifications,
  markNotificationsRead,
  notificationLog,
  revokeCalendarUrl,
  settingsOf,
  unreadCount,
  updateNotificationSettings,
  viewerCalendarUrl,
} from './notification.service.js';

@Resolver()
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  notifications(@Ctx() ctx: HubContext, @Args(() => PageArgs) { first, after }: PageArgs) {
    return listNotifications(ctx, { first, after });
  }

  @Query(() => OutboxMessageConnection, { description: 'E-mails sent, waiting and given up, newest first (ADMIN).' })
  notificationLog(
    @Ctx() ctx: HubContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('state', () => OutboxState, { nullable: true, description: 'Only e-mails in this state.' }) state?: OutboxState | null,
  ) {
    return notificationLog(ctx, { first, after, state });
  }

  @Mutation(() => MarkNotificationsReadPayload, { description: 'Marks your notifications read (any role).' })
  markNotificationsRead(@Ctx() ctx: HubContext, @Arg('input', () => MarkNotificationsReadInput, { description: 'Which.' }) input: MarkNotificationsReadInput) {
    return markNotificationsRead(ctx, input);
  }

  @Mutation(() => NotificationSettingsPayload, { description: 'Chooses how often you get e-mail of each kind (any role).' })
  updateNotificationSettings(
    @Ctx() ctx: HubContext,
    @Arg('input', () => UpdateNotificationSettingsInput, { description: 'Your choices.' }) input: UpdateNotificationSettingsInput,
  ) {
    return updateNotificationSettings(ctx, input);
  }

  @Mutation(() => CalendarUrlPayload, { description: 'Revokes your calendar address and gives a new one (COORDINATOR, PROJECT_LEAD).' })
  revokeCalendarUrl(@Ctx() ctx: HubContext, @Arg('input', () => RevokeCalendarUrlInput, { description: 'The new address.' }) input: RevokeCalendarUrlInput) {
    return revokeCalendarUrl(ctx, input);
  }
}

/** The viewer's own notification facts on `viewer`; null on any other user. */
@Resolver(() => User)
export class UserNotificationsResolver {
  @FieldResolver(() => [NotificationSetting], { nullable: true, description: 'How often you get e-mail of each kind; null on users other than you.' })
  notificationSettings(@Root() user: User, @Ctx() ctx: HubContext): Promise<NotificationSetting[]> | null {
    return ctx.viewer?.userId === user.id ? settingsOf(ctx.em, user.id) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The secret address of your iCalendar feed (steering-group meetings and follow-up deadlines of your plans, every plan for coordinators); give it to your calendar program, never to others; revokeCalendarUrl makes a new one. Null on other users and for roles without plans.',
  })
  calendarUrl(
    @Root() user: User,
    @Ctx() ctx: HubContext,
    @Arg('withActivitySlots', () => Boolean, { defaultValue: false, description: 'Also the weekly slots of your activities.' }) withActivitySlots: boolean,
  ): Promise<string> | null {
    return viewerCalendarUrl(ctx, user.id, withActivitySlots);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'How many of your notifications are unread; null on users other than you.' })
  unreadNotificationCount(@Root() user: User, @Ctx() ctx: HubContext): Promise<number> | null {
    return ctx.viewer?.userId === user.id ? unreadCount(ctx.em, user.id) : null;
  }
}

@Resolver(() => OutboxMessage)
export class OutboxMessageResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The user it was written for.' })
  recipient(@Root() message: OutboxMessage, @Ctx() { loaders }: HubContext): Promise<User | null> | null {
    return message.recipient ? loaders.user.load(message.recipient.id) : null;
  }
}
