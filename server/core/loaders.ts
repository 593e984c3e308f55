import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubLoaders, MakeLoaders, RowBudget, Viewer } from './context.js';

/** How one loader of a request is made from that request's EntityManager fork, viewer and query budget. */
type LoaderFactory = (em: EntityManager, viewer: Viewer | null, budget: RowBudget) => unknown;
export type LoaderFactories = Record<string, LoaderFactory>;
export type LoadersOf<F extends LoaderFactories> = { readonly [K in keyof F]: ReturnType<F[K]> };

/** How a request's loaders are made from all modules' factories: each loader on first use (a request asks for a few). */
export function loaderMaker(factories: LoaderFactories): MakeLoaders {
  class RequestLoaders {
    constructor(
      readonly em: () => EntityManager,
      readonly viewer: Viewer | null,
      readonly budget: RowBudget,
    ) {}
  }
  for (const [name, make] of Object.entries(factories)) {
    if (name === 'em' || name === 'viewer' || name === 'budget') throw new Error(`A loader may not be called ${name}`);
    Object.defineProperty(RequestLoaders.prototype, name, {
      get(this: RequestLoaders) {
        const loader = make(this.em(), this.viewer, this.budget);
        Object.defineProperty(this, name, { value: loader });
        return loader;
      },
    });
  }
  return (em, viewer, budget) => new RequestLoaders(em, viewer, budget) as unknown as HubLoaders;
}
