import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { HubConfig } from './config.js';

/**
 * Query limits with graphql-armor: depth, aliases, directives; field suggestions only in development.
 * Tokens are limited by graphql-js's own parser (Apollo's parseOptions), so that every syntax error stays a 400;
 * cost, selections and the execution budget by core/cost.ts, whose estimate multiplies by page sizes.
 */
export function queryProtection(config: HubConfig) {
  const { limits } = config;
  return new ApolloArmor({
    maxDepth: { n: limits.depth, enabled: limits.depth > 0, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { enabled: false },
    maxAliases: { n: limits.aliases, enabled: limits.aliases > 0 },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.directives, enabled: limits.directives > 0 },
    blockFieldSuggestion: { enabled: !config.development },
  }).protect();
}
