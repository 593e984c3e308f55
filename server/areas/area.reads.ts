import { byForeignKey, byOwner, type TypeReads } from '../core/reads.js';

export const areaReads: TypeReads = {
  Query: {
    fields: {
      areas: {
        kind: 'list',
        source: (c) => ({
          from: `area ${c.t}`,
          where: c.args.kind ? `${c.t}.kind = ${c.param(c.args.kind)}` : undefined,
          // Municipality first, then districts and estates, each by name (as listAreas sorts them).
          orderBy: `array_position(array['MUNICIPALITY', 'DISTRICT', 'ESTATE'], ${c.t}.kind::text), ${c.t}.name, ${c.t}.id`,
        }),
      },
    },
  },
  Area: {
    node: { table: 'area' },
    columns: ['code', 'name', 'kind', 'latitude', 'longitude', 'residents'],
    fields: {
      parent: byForeignKey('area', 'parent_id'),
      children: byOwner('area', 'parent_id', (t) => `${t}.name, ${t}.id`),
    },
  },
};
