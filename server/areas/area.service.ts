import type { EntityManager } from '@mikro-orm/postgresql';
import { AreaKind } from '../core/enums.js';
import { Area } from './area.entity.js';

const KIND_ORDER = [AreaKind.MUNICIPALITY, AreaKind.DISTRICT, AreaKind.ESTATE];

/** Areas, municipality first, then districts and estates, each by name. */
export async function listAreas(em: EntityManager, kind?: AreaKind | null): Promise<Area[]> {
  const areas = await em.find(Area, kind ? { kind } : {}, { orderBy: { name: 'asc', id: 'asc' } });
  return areas.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
