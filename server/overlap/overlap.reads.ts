import { visibleActivityIdSql } from '../access/visibility.js';
import { byForeignKey, leaf, type TypeReads } from '../core/reads.js';
import { badInput } from '../core/errors.js';
import { MAX_TEXT, MAX_TITLE } from '../core/mutation.js';
import { withPlaceholders } from '../core/sql.js';
import { DRAFT_INFERENCE_SQL } from './overlap.sql.js';
import { coverageSql } from './coverage.js';
import type { ActivityDraftInput, CoverageFilter, OverlapFilter } from './overlap.input.js';
import { minScoreOf, overlapConditions, similarToDraftSql, UNREVIEWED_SQL } from './overlap.service.js';
import { ReasonLanguage } from './overlap.types.js';
import { GROUP_ORDER, overlapGroupsSql, type OverlapGrouping } from './overlap-groups.js';

export const overlapReads: TypeReads = {
  Query: {
    fields: {
      // The cells in the order the matrix's own SQL gives them (most residents first).
      coverage: {
        kind: 'list',
        source: (c) => {
          const { sql, params } = coverageSql(c.scope.viewer, c.args.filter as CoverageFilter | null | undefined);
          return { from: `(${withPlaceholders(sql, params, c.param)}) ${c.t}` };
        },
      },
      // The method a draft's words point to, as the resolver answers it (a method that still exists).
      inferMethod: {
        kind: 'one',
        source: (c) => {
          const title = c.args.title as string;
          const description = (c.args.description as string | null | undefined) ?? null;
          if (title.length > MAX_TITLE) throw badInput(`title is longer than ${MAX_TITLE} characters`, { argument: 'title' });
          if ((description?.length ?? 0) > MAX_TEXT) throw badInput(`description is longer than ${MAX_TEXT} characters`, { argument: 'description' });
          return {
            from:
              `(select i.inferred_method_id as method_id, i.inferred_confidence as confidence, coalesce(i.inferred_words, '{}'::text[]) as words` +
              ` from (${withPlaceholders(DRAFT_INFERENCE_SQL, [title, description], c.param)}) i limit 1) ${c.t}`,
            where: `exists (select 1 from method m where m.id = ${c.t}.method_id)`,
          };
        },
      },
      // A draft's pairs name only the existing activity (b); a draft has no review.
      similarActivities: {
        kind: 'list',
        source: (c) => {
          const { sql, params } = similarToDraftSql(c.scope.viewer, c.args.draft as ActivityDraftInput, c.args.first as number | null | undefined);
          return {
            from: `(select null::int as activity_a_id, s.b_id as activity_b_id, s.score, s.reasons from (${withPlaceholders(sql, params, c.param)}) s) ${c.t}`,
            orderBy: `${c.t}.score desc, ${c.t}.activity_b_id desc`,
          };
        },
      },
      // The groups as the resolver's SQL finds and orders them.
      overlapGroups: {
        kind: 'list',
        source: (c) => {
          const { sql, params } = overlapGroupsSql(
            c.scope.viewer,
            c.args.by as OverlapGrouping,
            c.args.filter as OverlapFilter | null | undefined,
            c.args.keys as string[] | null | undefined,
          );
          return { from: `(${withPlaceholders(sql, params, c.param)}) ${c.t}`, orderBy: GROUP_ORDER(c.t) };
        },
      },
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
  Activity: {
    fields: {
      // Unreviewed pairs of the activity from minScore, best first; each a list that grows with the city (read at most what the budget allows).
      overlaps: {
        kind: 'list',
        source: (c) => ({
          from:
            `(select o.* from activity_overlap o where (o.activity_a_id = ${c.parent}.id or o.activity_b_id = ${c.parent}.id)` +
            ` and o.score >= ${c.param(minScoreOf(c.args.minScore as number | null | undefined))} and ${UNREVIEWED_SQL}` +
            ` and ${visibleActivityIdSql(c.scope.viewer, 'o.activity_a_id')} and ${visibleActivityIdSql(c.scope.viewer, 'o.activity_b_id')}) ${c.t}`,
          orderBy: `${c.t}.score desc, ${c.t}.activity_a_id desc, ${c.t}.activity_b_id desc`,
        }),
      },
    },
  },
  CoverageCell: {
    fields: {
      activeActivities: leaf((t) => `${t}.n`),
      area: byForeignKey('area', 'area_id'),
      targetGroup: byForeignKey('target_group', 'group_id'),
      theme: byForeignKey('theme', 'theme_id'),
    },
  },
  Overlap: {
    fields: {
      review: {
        kind: 'one',
        source: (c) => ({
          from: `overlap_review ${c.t}`,
          where: `${c.t}.superseded_at is null and ${c.t}.activity_a_id = ${c.parent}.activity_a_id and ${c.t}.activity_b_id = ${c.parent}.activity_b_id`,
        }),
      },
      score: leaf((t) => `${t}.score`),
      // The pair, by id.
      activities: {
        kind: 'list',
        source: (c) => ({
          from: `activity ${c.t}`,
          where: `${c.t}.id in (${c.parent}.activity_a_id, ${c.parent}.activity_b_id)`,
          orderBy: `${c.t}.id`,
          limit: 2,
        }),
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
  OverlapGroup: {
    columns: ['key', 'label', 'pairCount', 'unreviewedCount', 'unreviewedShare', 'bestScore'],
    // Known before they are read, as the resolvers prepay them.
    lengths: {
      overlaps: (t) => `cardinality(${t}.pair_a)`,
      plans: (t) => `cardinality(${t}.plan_ids)`,
      activities: (t) => `cardinality(${t}.activity_ids)`,
    },
    fields: {
      // Best first; ties in the order of the pairs (a, b), as the resolver's stable sort leaves them.
      overlaps: {
        kind: 'list',
        source: (c) => ({
          from: `unnest(${c.parent}.pair_a, ${c.parent}.pair_b) ${c.t}_p(a, b) join activity_overlap ${c.t} on ${c.t}.activity_a_id = ${c.t}_p.a and ${c.t}.activity_b_id = ${c.t}_p.b`,
          orderBy: `${c.t}.score desc, ${c.t}.activity_a_id, ${c.t}.activity_b_id`,
        }),
      },
      plans: { kind: 'list', source: (c) => ({ from: `plan ${c.t}`, where: `${c.t}.id = any(${c.parent}.plan_ids)`, orderBy: `${c.t}.id` }) },
      activities: { kind: 'list', source: (c) => ({ from: `activity ${c.t}`, where: `${c.t}.id = any(${c.parent}.activity_ids)`, orderBy: `${c.t}.id` }) },
      area: byForeignKey('area', 'area_id'),
      method: byForeignKey('method', 'method_id'),
    },
  },
  OverlapReview: {
    columns: ['decision', 'note', 'reviewedAt'],
    fields: {
      // The person behind the user who recorded it.
      reviewedBy: {
        kind: 'one',
        source: (c) => ({ from: `person ${c.t}`, where: `${c.t}.id = (select u.person_id from app_user u where u.id = ${c.parent}.reviewed_by_id)` }),
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
