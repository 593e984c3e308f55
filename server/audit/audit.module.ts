import { changeRecorded } from '../core/audit-trail.js';
import type { HubModule } from '../core/module.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditResolver } from './audit.resolver.js';
import { storeChange } from './audit.service.js';

export const auditModule: HubModule = {
  name: 'audit',
  resolvers: [AuditResolver],
  entities: [AuditEvent],
  connect: () => changeRecorded.handle(storeChange),
};
