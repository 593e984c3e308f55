// The composition root: the one place that lists the domain modules and assembles the hub from them.
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { activityModule } from './activities/activity.module.js';
import { areaModule } from './areas/area.module.js';
import { auditModule } from './audit/audit.module.js';
import { authModule } from './auth/auth.module.js';
import { cachedAuthenticator } from './auth/auth.service.js';
import { catalogueModule } from './catalogue/catalogue.module.js';
import { MAX_BODY_BYTES, type HubParts } from './core/http.js';
import { ROLE_MUTATIONS } from './access/permissions.js';
import { seesEverything } from './access/visibility.js';
import { mergeReads } from './core/reads.js';
import { loaderMaker, type LoaderFactories } from './core/loaders.js';
import type { HubModule, HubWorker, WorkerDeps } from './core/module.js';
import { NodeResolver, registerNodeTypes } from './core/node.resolver.js';
import { initOrmWith, type OrmOptions, type OrmParts } from './core/orm.js';
import { buildHubSchema } from './core/schema.js';
import { effectModule } from './effect/effect.module.js';
import { exchangeModule } from './exchange/exchange.module.js';
import { experienceModule } from './experience/experience.module.js';
import { governanceModule } from './governance/governance.module.js';
import { inquiryModule } from './inquiries/inquiry.module.js';
import { migrationsList } from './migrations/index.js';
import { newsletterModule } from './newsletter/newsletter.module.js';
import { notificationModule } from './notifications/notification.module.js';
import { organisationModule } from './organisations/organisation.module.js';
import { overlapModule } from './overlap/overlap.module.js';
import { personModule } from './people/person.module.js';
import { planModule } from './plans/plan.module.js';

/** Every domain module, each after the modules it imports (test/layering.test.ts holds the code to this order). */
export const modules: readonly HubModule[] = [
  organisationModule,
  personModule,
  areaModule,
  catalogueModule,
  planModule,
  authModule,
  auditModule,
  governanceModule,
  inquiryModule,
  activityModule,
  overlapModule,
  effectModule,
  experienceModule,
  newsletterModule,
  exchangeModule,
  notificationModule,
];

export const MIGRATIONS_PATH = fileURLToPath(new URL('./migrations', import.meta.url));

/** The entities, committed migrations and their folder. */
export const ormParts: OrmParts = {
  entities: modules.flatMap((m) => m.entities ?? []),
  migrations: migrationsList,
  migrationsPath: MIGRATIONS_PATH,
};

function mergedLoaders(): LoaderFactories {
  const merged: LoaderFactories = {};
  for (const module of modules) {
    for (const [name, factory] of Object.entries(module.loaders ?? {})) {
      if (Object.hasOwn(merged, name)) throw new Error(`Loader ${name} of module ${module.name} is defined twice`);
      merged[name] = factory;
    }
  }
  return merged;
}

// Hooks and node types are wired once per process, before anything runs.
for (const module of modules) module.connect?.();
registerNodeTypes(modules.flatMap((m) => m.nodes ?? []));
const makeLoaders = loaderMaker(mergedLoaders());

let schema: Promise<GraphQLSchema> | undefined;

const IMPORT_BODY_BYTES = 8 * 1024 * 1024;

/** The hub's GraphQL schema, built once per process from the modules' resolvers. */
export function hubSchema(): Promise<GraphQLSchema> {
  schema ??= buildHubSchema(
    [NodeResolver, ...modules.flatMap((m) => m.resolvers ?? [])],
    modules.flatMap((m) => m.schemaTransforms ?? []),
  );
  return schema;
}

/** An ORM over the hub's entities and migrations. */
export function initOrm(url: string, options: OrmOptions = {}): Promise<MikroORM> {
  return initOrmWith(ormParts, url, options);
}

/** What one HTTP server needs: the schema, the request loaders and a token cache of its own. */
export async function hubParts(): Promise<HubParts> {
  return {
    schema: await hubSchema(),
    reads: mergeReads(modules.map((m) => m.reads ?? {})),
    // The reads differ by role (what readers may not see, lists for administrators only) and by the language reasons are given in.
    readScope: (ctx) => {
      const restricted = !seesEverything(ctx.viewer);
      return { viewer: ctx.viewer, restricted, language: ctx.language, key: `${ctx.viewer?.role ?? 'anonymous'}:${ctx.language}` };
    },
    makeLoaders,
    authenticate: cachedAuthenticator(),
    // A sheet of 5 MB travels base64-encoded in JSON: about 7 MB, for those who may import one.
    routes: modules.flatMap((m) => m.routes ?? []),
    publicRoutes: modules.flatMap((m) => m.publicRoutes ?? []),
    maxBodyBytes: (viewer) => (ROLE_MUTATIONS[viewer.role].has('importActivities') ? IMPORT_BODY_BYTES : MAX_BODY_BYTES),
  };
}

/** The modules' background work, started. */
export function startWorkers(deps: WorkerDeps): HubWorker[] {
  const workers = modules.flatMap((m) => (m.worker ? [m.worker(deps)] : []));
  for (const worker of workers) worker.start();
  return workers;
}
