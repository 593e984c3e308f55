import type { TypeReads } from '../core/reads.js';

export const organisationReads: TypeReads = {
  Organisation: { node: 'Organisation', columns: ['name', 'kind'] },
};
