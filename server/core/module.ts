import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { HubConfig } from './config.js';
import type { Authenticate, HttpRoute, PublicRoute } from './http.js';
import type { LoaderFactories } from './loaders.js';
import type { NodeType } from './node.resolver.js';
import type { TypeReads } from './reads.js';

/** A type-graphql resolver class (type-graphql takes them as Function). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the type buildSchema asks for
export type ResolverClass = Function;

/** What a domain module gives the hub; the composition root (server/modules.ts) lists the modules, lowest first. */
export interface HubModule {
  name: string;
  /** type-graphql resolver classes. */
  resolvers?: readonly ResolverClass[];
  /** MikroORM entity classes, in dependency order. */
  entities?: readonly (abstract new (...args: never[]) => object)[];
  /** Per-request DataLoader factories; their types join `HubLoaders` by declaration merging in the same file. */
  loaders?: LoaderFactories;
  /** Types node(id) answers. */
  nodes?: readonly NodeType[];
  /** How the read planner reads its types' fields in SQL (core/reads.ts); fields without one are answered by resolvers. */
  reads?: TypeReads;
  /** Rewrites of the built schema, applied in module order. */
  schemaTransforms?: readonly ((schema: GraphQLSchema) => GraphQLSchema)[];
  /** GET addresses it serves beside /graphql, signed in like GraphQL requests. */
  routes?: readonly HttpRoute[];
  /** Addresses served without sign-in, each checking a signed token of its own (unsubscribe links, calendar feeds). */
  publicRoutes?: readonly PublicRoute[];
  /** Work the hub does in the background while it serves (sending e-mail); started after the hub listens, stopped before it drains. */
  worker?: (deps: WorkerDeps) => HubWorker;
  /** Connects the module's handlers to hooks of modules below it; called once, at assembly. */
  connect?(): void;
}

/** What a module's background work is given. */
export interface WorkerDeps {
  orm: MikroORM;
  config: HubConfig;
  /** The console's public address (HUB_PUBLIC_URL, else the hub's own). */
  publicUrl: string;
  /** The database's address, for work that needs a connection of its own (LISTEN). */
  databaseUrl: string;
  /** The hub's token look-ups, which a worker may tell to forget a user. */
  authenticate: Authenticate;
  log: (line: string) => void;
}

export interface HubWorker {
  start(): void;
  /** One round now (tests give the clock). */
  tick(now?: Date): Promise<void>;
  /** Waits for a round in progress, then stops. */
  stop(): Promise<void>;
}
