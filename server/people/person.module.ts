import type { HubModule } from '../core/module.js';
import { byIdLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { Person } from './person.entity.js';
import { PersonResolver } from './person.resolver.js';
import { personReads } from './person.reads.js';

const loaders = {
  person: (em) => byIdLoader(em, Person),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const personModule: HubModule = {
  name: 'people',
  reads: personReads,
  resolvers: [PersonResolver],
  entities: [Person],
  loaders,
  nodes: [nodeType({ entity: Person, loader: (l) => l.person })],
};
