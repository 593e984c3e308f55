import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './context.js';
import { Hook } from './hooks.js';

export type Snapshot = Record<string, unknown>;

export interface Change {
  action: string;
  entity: { type: string; id: number };
  before: Snapshot | null;
  after: Snapshot;
}

/** Every module records its writes here; the audit module, above them all, stores them. */
export const changeRecorded = new Hook<(em: EntityManager, viewer: Viewer, change: Change) => void>('changeRecorded');

/** Records a change in the caller's transaction, so it commits or rolls back with the change itself. */
export function recordAudit(
  em: EntityManager,
  viewer: Viewer,
  action: string,
  entity: { type: string; id: number },
  before: Snapshot | null,
  after: Snapshot,
): void {
  changeRecorded.run(em, viewer, { action, entity, before, after });
}
