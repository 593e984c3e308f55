import { byForeignKey, leaf, type TypeReads } from '../core/reads.js';

/** Staff: e-mail and phone are null for readers, as the field resolvers answer them. */
export const personReads: TypeReads = {
  Person: {
    node: { table: 'person' },
    columns: ['name', 'title'],
    fields: {
      email: leaf((t, c) => (c.scope.restricted ? 'null' : `${t}.email`)),
      phone: leaf((t, c) => (c.scope.restricted ? 'null' : `${t}.phone`)),
      organisation: byForeignKey('organisation', 'organisation_id'),
    },
  },
};
