import type { HubModule } from '../core/module.js';
import { byIdLoader, pivotLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { Plan } from '../plans/plan.entity.js';
import { User, UserPlan } from './user.entity.js';
import { UserResolver } from './user.resolver.js';
import { authReads } from './auth.reads.js';
import { TokenListener } from './token-listener.js';

const loaders = {
  user: (em) => byIdLoader(em, User),
  userPlans: (em) => pivotLoader(em, Plan, { table: 'user_plan', owner: 'user_id', target: 'plan_id', targetTable: 'plan', orderBy: 't.code' }),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const authModule: HubModule = {
  name: 'auth',
  reads: authReads,
  resolvers: [UserResolver],
  entities: [User, UserPlan],
  loaders,
  nodes: [nodeType({ entity: User, loader: (l) => l.user })],
  // Changes to users reach every hub's token look-ups at once.
  worker: (deps) => new TokenListener(deps),
};
