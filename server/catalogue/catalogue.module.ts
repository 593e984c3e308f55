import type { HubModule } from '../core/module.js';
import { byIdLoader, groupedLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { MethodResolver, TargetGroupResolver, ThemeResolver } from './catalogue.resolver.js';
import { Method } from './method.entity.js';
import { TargetGroup } from './target-group.entity.js';
import { Theme } from './theme.entity.js';
import { catalogueReads } from './catalogue.reads.js';

const loaders = {
  theme: (em) => byIdLoader(em, Theme),
  targetGroup: (em) => byIdLoader(em, TargetGroup),
  method: (em) => byIdLoader(em, Method),
  targetGroupChildren: (em) =>
    groupedLoader(
      em,
      TargetGroup,
      'select t.parent_id as __owner, t.* from target_group t where t.parent_id = any(?::int[]) order by t.min_age nulls last, t.name, t.id',
    ),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const catalogueModule: HubModule = {
  name: 'catalogue',
  reads: catalogueReads,
  resolvers: [ThemeResolver, TargetGroupResolver, MethodResolver],
  entities: [Theme, TargetGroup, Method],
  loaders,
  nodes: [
    nodeType({ entity: Theme, loader: (l) => l.theme }),
    nodeType({ entity: TargetGroup, loader: (l) => l.targetGroup }),
    nodeType({ entity: Method, loader: (l) => l.method }),
  ],
};
