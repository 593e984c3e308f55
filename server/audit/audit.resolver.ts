import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { User } from '../auth/user.entity.js';
import type { HubContext } from '../core/context.js';
import { toGlobalId } from '../core/global-id.js';
import { AuditEvent } from './audit-event.entity.js';
import { listAuditEvents } from './audit.service.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => [AuditEvent], { description: 'Changes, newest first (ADMIN, COORDINATOR).' })
  auditLog(
    @Ctx() ctx: HubContext,
    @Arg('entityId', () => ID, { nullable: true, description: 'Only changes to this object.' }) entityId?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many, default 20, at most 100.' }) first?: number | null,
  ): Promise<AuditEvent[]> {
    return listAuditEvents(ctx, entityId, first);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made the change.' })
  actor(@Root() event: AuditEvent, @Ctx() { loaders }: HubContext): Promise<User | null> | null {
    return event.actor ? loaders.user.load(event.actor.id) : null;
  }

  @FieldResolver(() => ID, { description: 'Global id of the changed object.' })
  entityId(@Root() event: AuditEvent): string {
    return toGlobalId(event.entityType, event.entityId);
  }

  @FieldResolver(() => String, { description: 'JSON of the changed fields: {"field": {"before": ..., "after": ...}}.' })
  changes(@Root() event: AuditEvent): string {
    return JSON.stringify(event.changes);
  }
}
