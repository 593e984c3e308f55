import { byForeignKey, byPivot, type TypeReads } from '../core/reads.js';

export const authReads: TypeReads = {
  Query: { fields: { viewer: { kind: 'one', source: (c) => ({ from: `app_user ${c.t}`, where: `${c.t}.id = ${c.viewerId()}` }) } } },
  User: {
    node: { table: 'app_user' },
    columns: ['name', 'role'],
    fields: {
      person: byForeignKey('person', 'person_id'),
      plans: byPivot({ table: 'user_plan', owner: 'user_id', target: 'plan_id', targetTable: 'plan', orderBy: (t) => `${t}.code` }),
    },
  },
};
