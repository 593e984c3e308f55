import type { HubModule } from '../core/module.js';
import { byIdLoader, groupedLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { Area } from './area.entity.js';
import { AreaResolver } from './area.resolver.js';
import { areaReads } from './area.reads.js';

const loaders = {
  area: (em) => byIdLoader(em, Area),
  areaChildren: (em) => groupedLoader(em, Area, 'select t.parent_id as __owner, t.* from area t where t.parent_id = any(?::int[]) order by t.name, t.id'),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const areaModule: HubModule = {
  name: 'areas',
  reads: areaReads,
  resolvers: [AreaResolver],
  entities: [Area],
  loaders,
  nodes: [nodeType({ entity: Area, loader: (l) => l.area })],
};
