import { byForeignKey, byOwner, type ListRead, type TypeReads } from '../core/reads.js';

/** A whole catalogue table, in the order its Query field lists it. */
const catalogue = (table: string, orderBy: (t: string) => string): ListRead => ({
  kind: 'list',
  source: (c) => ({ from: `${table} ${c.t}`, orderBy: orderBy(c.t) }),
});

export const catalogueReads: TypeReads = {
  Query: {
    fields: {
      themes: catalogue('theme', (t) => `${t}.code`),
      targetGroups: catalogue('target_group', (t) => `${t}.min_age asc nulls last, ${t}.name, ${t}.id`),
      methods: catalogue('method', (t) => `${t}.name, ${t}.id`),
    },
  },
  Theme: { node: { table: 'theme' }, columns: ['code', 'name'] },
  Method: { node: { table: 'method' }, columns: ['code', 'name', 'description', 'keywords'] },
  TargetGroup: {
    node: { table: 'target_group' },
    columns: ['code', 'name', 'minAge', 'maxAge'],
    fields: {
      parent: byForeignKey('target_group', 'parent_id'),
      children: byOwner('target_group', 'parent_id', (t) => `${t}.min_age nulls last, ${t}.name, ${t}.id`),
    },
  },
};
