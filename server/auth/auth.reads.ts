import { GraphQLError } from 'graphql';
import { Role } from '../core/enums.js';
import { byForeignKey, byPivot, type TypeReads } from '../core/reads.js';

export const authReads: TypeReads = {
  Query: {
    fields: {
      viewer: { kind: 'one', source: (c) => ({ from: `app_user ${c.t}`, where: `${c.t}.id = ${c.viewerId()}` }) },
      // Administrators only (plans are cached per role): anyone else is answered by the resolver, with its error.
      users: {
        kind: 'connection',
        source: (c) => {
          if (c.scope.viewer?.role !== Role.ADMIN) throw new GraphQLError('Only administrators may list users');
          return { from: `app_user ${c.t}` };
        },
        orderBy: (t) => `${t}.name, ${t}.id`,
        key: (t) => [`${t}.name`, `${t}.id`],
        kinds: ['string', 'number'],
        after: (t, key, param) => `(${t}.name, ${t}.id) > (${param(key[0])}::text, ${param(key[1])}::int)`,
      },
    },
  },
  User: {
    node: { table: 'app_user' },
    columns: ['name', 'role', 'revokedAt', 'lastSeenAt'],
    fields: {
      person: byForeignKey('person', 'person_id'),
      plans: byPivot({ table: 'user_plan', owner: 'user_id', target: 'plan_id', targetTable: 'plan', orderBy: (t) => `${t}.code` }),
    },
  },
};
