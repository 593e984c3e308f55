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
  UpdateNotificationSettingsInput,
} from './notification.input.js';
import { listNotifications, markNotificationsRead, notificationLog, settingsOf, unreadCount, updateNotificationSettings } from './notification.service.js';

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
}

/** The viewer's own notification facts on `viewer`; null on any other user. */
@Resolver(() => User)
export class UserNotificationsResolver {
  @FieldResolver(() => [NotificationSetting], { nullable: true, description: 'How often you get e-mail of each kind; null on users other than you.' })
  notificationSettings(@Root() user: User, @Ctx() ctx: HubContext): Promise<NotificationSetting[]> | null {
    return ctx.viewer?.userId === user.id ? settingsOf(ctx.em, user.id) : null;
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
