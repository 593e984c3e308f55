import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { mayReadAudit } from '../auth/permissions.js';
import type { HubContext, Viewer } from '../core/context.js';
import { ErrorCode, badInput } from '../core/errors.js';
import { fromGlobalId } from '../core/global-id.js';
import { pageSize } from '../core/pagination.js';
import { AuditEvent, type AuditChanges } from './audit-event.entity.js';

export type Snapshot = Record<string, unknown>;

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

/** Records a change in the caller's transaction, so it commits or rolls back with the change itself. */
export function recordAudit(
  em: EntityManager,
  viewer: Viewer,
  action: string,
  entity: { type: string; id: number },
  before: Snapshot | null,
  after: Snapshot,
): void {
  em.create(AuditEvent, {
    at: new Date(),
    actor: viewer.userId,
    action,
    entityType: entity.type,
    entityId: entity.id,
    changes: changedFields(before, after),
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
