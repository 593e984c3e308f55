import type { EntityManager } from '@mikro-orm/postgresql';
import { Hook } from '../core/hooks.js';

/** A pair that a write brought to the threshold (or raised by a step): `changed` is the written activity, `other` the one it now overlaps. */
export interface RaisedPair {
  changed: number;
  other: number;
  score: number;
}

/** What the overlap store lets a module above it do in the writer's transaction (the notifications tell the other plan's leads). */
export const overlapWrites = {
  raised: new Hook<(tx: EntityManager, pairs: readonly RaisedPair[]) => Promise<void>>('overlapWrites.raised'),
};
