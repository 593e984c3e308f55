import type { HubModule } from '../core/module.js';
import { InquiryCount } from './inquiry.entity.js';
import { InquiryResolver } from './inquiry.resolver.js';

export const inquiryModule: HubModule = {
  name: 'inquiries',
  resolvers: [InquiryResolver],
  entities: [InquiryCount],
};
