import type { TypeReads } from '../core/reads.js';

export const organisationReads: TypeReads = {
  Organisation: { node: { table: 'organisation' }, columns: ['name', 'kind'] },
};
