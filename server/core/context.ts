import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from './enums.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Who is asking; null for unauthenticated callers. */
export interface Viewer {
  userId: number;
  role: Role;
  personId: number | null;
  /** Plans a PROJECT_LEAD may edit. */
  planIds: number[];
}

export interface HubContext {
  em: EntityManager;
  loaders: Loaders;
  viewer: Viewer | null;
  requestId: string;
}

/** One EntityManager fork and one set of DataLoaders per request. */
export function createContext(rootEm: EntityManager, viewer: Viewer | null, requestId: string): HubContext {
  const em = rootEm.fork({ clear: true, useContext: false });
  return { em, loaders: createLoaders(em), viewer, requestId };
}
