import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { HubConfig } from './config.js';

/** Query limits with graphql-armor: depth, cost, aliases, tokens, directives; field suggestions only in development. */
export function queryProtection(config: HubConfig) {
  const { limits } = config;
  return new ApolloArmor({
    maxDepth: { n: limits.depth, enabled: limits.depth > 0, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: limits.cost, enabled: limits.cost > 0, ignoreIntrospection: true },
    maxAliases: { n: limits.aliases, enabled: limits.aliases > 0 },
    maxTokens: { n: limits.tokens, enabled: limits.tokens > 0 },
    maxDirectives: { n: limits.directives, enabled: limits.directives > 0 },
    blockFieldSuggestion: { enabled: !config.development },
  }).protect();
}
