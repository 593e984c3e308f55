import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { mayReadAudit } from '../access/permissions.js';
import type { Change, Snapshot } from '../core/audit-trail.js';
import type { HubContext, Viewer } from '../core/context.js';
import { ErrorCode, badInput } from '../core/errors.js';
import { fromGlobalId } from '../core/global-id.js';
import { pageSize } from '../core/pagination.js';
import { AuditEvent, type AuditChanges } from './audit-event.entity.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between two snapshots, before and after; a create has no before. */
export function changedFields(before: Snapshot | null, after: Snapshot): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    const [was, is] = [before?.[key] ?? null, after[key] ?? null];
    if (!before || !same(was, is)) changes[key] = { before: before ? was : null, after: is };
  }
  return changes;
}

/** Stores a recorded change as an audit event, in the writer's transaction (connected to core's changeRecorded hook). */
export function storeChange(em: EntityManager, viewer: Viewer, change: Change): void {
  em.create(AuditEvent, {
    at: new Date(),
    actor: viewer.userId,
    action: change.action,
    entityType: change.entity.type,
    entityId: change.entity.id,
    changes: changedFields(change.before, change.after),
  });
}

/** The audit log for coordinators and administrators, newest first; an entity id narrows it to one object. */
export async function listAuditEvents(ctx: HubContext, entityId: string | null | undefined, first: number | null | undefined): Promise<AuditEvent[]> {
  if (!mayReadAudit(ctx.viewer)) {
    throw new GraphQLError('Only administrators and coordinators may read the audit log', { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
  }
  const limit = pageSize(first);
  if (entityId === null || entityId === undefined) return ctx.em.find(AuditEvent, {}, { orderBy: { id: 'desc' }, limit });
  const decoded = fromGlobalId(entityId);
  if (!decoded) throw badInput(`entityId: "${entityId}" is not an id`, { argument: 'entityId' });
  return ctx.em.find(AuditEvent, { entityType: decoded.type, entityId: decoded.id }, { orderBy: { id: 'desc' }, limit });
}
