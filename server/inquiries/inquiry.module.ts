import type { HubModule } from '../core/module.js';
import { InquiryCount } from './inquiry.entity.js';
import { inquiryReads } from './inquiry.reads.js';
import { InquiryResolver } from './inquiry.resolver.js';

export const inquiryModule: HubModule = {
  name: 'inquiries',
  reads: inquiryReads,
  resolvers: [InquiryResolver],
  entities: [InquiryCount],
};
