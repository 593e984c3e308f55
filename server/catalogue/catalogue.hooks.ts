import type { EntityManager } from '@mikro-orm/postgresql';
import { Hook } from '../core/hooks.js';

/** What catalogue writes let the overlap store (above this module) do, in the writer's transaction. */
export const catalogueWrites = {
  /** A target group was added: which groups count as the same people follows. */
  targetGroupAdded: new Hook<(tx: EntityManager) => Promise<void>>('catalogueWrites.targetGroupAdded'),
  /** A method was created, or its name or keywords changed: what its catalogue entry says about its words follows. */
  methodChanged: new Hook<(tx: EntityManager, methodId: number) => Promise<void>>('catalogueWrites.methodChanged'),
  /** A method's keywords changed: the methods inferred for activities without one follow; returns how many changed. */
  methodKeywordsChanged: new Hook<(tx: EntityManager) => Promise<number>>('catalogueWrites.methodKeywordsChanged'),
};
