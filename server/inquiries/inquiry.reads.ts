import { byForeignKey, leaf, type TypeReads } from '../core/reads.js';
import type { InquiryGrouping } from './inquiry.entity.js';
import { inquirySums } from './inquiry.service.js';

export const inquiryReads: TypeReads = {
  Query: {
    fields: {
      inquiryStats: {
        kind: 'list',
        source: (c) => {
          const { sql, where, orderBy } = inquirySums(c.scope.viewer, {
            groupBy: c.args.groupBy as InquiryGrouping[],
            planIds: c.args.planIds as string[] | null | undefined,
            from: c.args.from as string | null | undefined,
            to: c.args.to as string | null | undefined,
          });
          return {
            from: `(${sql(where.toSqlWith(c.param))}) ${c.t}`,
            where: `${c.t}.count is not null`,
            orderBy: orderBy.length ? orderBy.map((column) => `${c.t}.${column}`).join(', ') : undefined,
          };
        },
      },
    },
  },
  InquiryStat: {
    columns: ['channel', 'topic', 'month', 'count'],
    fields: {
      share: leaf((t) => `case when ${t}.total > 0 then ${t}.count::float8 / ${t}.total::float8 else 0 end`),
      plan: byForeignKey('plan', 'plan'),
    },
  },
};
