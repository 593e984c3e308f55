import { byForeignKey, leaf, type TypeReads } from '../core/reads.js';
import { peopleConditions } from './person.query.js';

/** Staff: e-mail and phone are null for readers, as the field resolvers answer them. */
export const personReads: TypeReads = {
  Query: {
    fields: {
      people: {
        kind: 'connection',
        source: (c) => ({ from: `(select p.* from person p where ${peopleConditions(c.args.search as string | null | undefined).toSqlWith(c.param)}) ${c.t}` }),
        orderBy: (t) => `${t}.name, ${t}.id`,
        key: (t) => [`${t}.name`, `${t}.id`],
        kinds: ['string', 'number'],
        after: (t, key, param) => `(${t}.name, ${t}.id) > (${param(key[0])}, ${param(key[1])})`,
      },
    },
  },
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
