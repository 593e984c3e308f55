import type { HubModule } from '../core/module.js';
import { HighlightResolver } from './highlight.js';

export const newsletterModule: HubModule = {
  name: 'newsletter',
  resolvers: [HighlightResolver],
};
