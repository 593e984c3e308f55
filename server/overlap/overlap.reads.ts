import { leaf, type TypeReads } from '../core/reads.js';
import type { OverlapFilter } from './overlap.input.js';
import { overlapConditions } from './overlap.service.js';
import { ReasonLanguage } from './overlap.types.js';

export const overlapReads: TypeReads = {
  Query: {
    fields: {
      // Best first; ties: newer pairs first (as listOverlaps).
      overlaps: {
        kind: 'connection',
        source: (c) => ({
          from: `(select o.* from activity_overlap o where ${overlapConditions(c.scope.viewer, (c.args.filter ?? {}) as OverlapFilter).toSqlWith(c.param)}) ${c.t}`,
        }),
        orderBy: (t) => `${t}.score desc, ${t}.activity_a_id desc, ${t}.activity_b_id desc`,
        key: (t) => [`${t}.score`, `${t}.activity_a_id`, `${t}.activity_b_id`],
        kinds: ['float', 'number', 'number'],
        after: (t, key, param) => `(${t}.score, ${t}.activity_a_id, ${t}.activity_b_id) < (${param(key[0])}, ${param(key[1])}, ${param(key[2])})`,
      },
    },
  },
  Overlap: {
    fields: {
      score: leaf((t) => `${t}.score`),
      // The pair, by id.
      activities: {
        kind: 'list',
        source: (c) => ({ from: `activity ${c.t}`, where: `${c.t}.id in (${c.parent}.activity_a_id, ${c.parent}.activity_b_id)`, orderBy: `${c.t}.id` }),
      },
      // The stored reasons in their order, the detail in the language asked for (else the request's).
      reasons: {
        kind: 'list',
        source: (c) => {
          const asked = c.args.language as ReasonLanguage | null | undefined;
          const english = asked ? asked === ReasonLanguage.EN : c.scope.language === 'en';
          const detail = english ? `coalesce(r.v->>'detail_en', r.v->>'detail')` : `r.v->>'detail'`;
          return {
            from: `(select r.v, r.n, ${detail} as detail from jsonb_array_elements(${c.parent}.reasons) with ordinality r(v, n)) ${c.t}`,
            orderBy: `${c.t}.n`,
          };
        },
      },
    },
  },
  OverlapReason: {
    fields: {
      kind: leaf((t) => `${t}.v->>'kind'`),
      weight: leaf((t) => `(${t}.v->>'weight')::float8`),
      detail: leaf((t) => `${t}.detail`),
    },
  },
};
