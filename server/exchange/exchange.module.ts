import type { HubModule } from '../core/module.js';
import { ImportResolver } from './exchange.resolver.js';

/** Activities in and out of the hub as sheets: import from CSV and Excel, export to Excel, CSV and Open Referral. */
export const exchangeModule: HubModule = {
  name: 'exchange',
  resolvers: [ImportResolver],
};
