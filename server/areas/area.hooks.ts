import type { EntityManager } from '@mikro-orm/postgresql';
import { Hook } from '../core/hooks.js';

/** What a new area lets the module that keeps which areas count as one place (the overlap store) do, in the writer's transaction. */
export const areaWrites = {
  added: new Hook<(tx: EntityManager) => Promise<void>>('areaWrites.added'),
};
