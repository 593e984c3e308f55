import type { HubModule } from '../core/module.js';
import { byIdLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationResolver } from './organisation.resolver.js';
import { organisationReads } from './organisation.reads.js';

const loaders = {
  organisation: (em) => byIdLoader(em, Organisation),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const organisationModule: HubModule = {
  name: 'organisations',
  reads: organisationReads,
  resolvers: [OrganisationResolver],
  entities: [Organisation],
  loaders,
  nodes: [nodeType({ entity: Organisation, loader: (l) => l.organisation })],
};
