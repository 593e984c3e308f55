import type { HubModule } from '../core/module.js';
import { HighlightItem } from './highlight.entity.js';
import { HighlightResolver } from './highlight.js';

export const newsletterModule: HubModule = {
  name: 'newsletter',
  resolvers: [HighlightResolver],
  entities: [HighlightItem],
};
