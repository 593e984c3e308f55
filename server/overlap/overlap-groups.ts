import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, Float, ID, Info, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import { Area } from '../areas/area.entity.js';
import { mayEditPlan, requireMutation } from '../access/permissions.js';
import { Method } from '../catalogue/method.entity.js';
import type { HubContext, Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';
import { InputChecker, MAX_TEXT, runMutation } from '../core/mutation.js';
import { toGlobalId } from '../core/global-id.js';
import { pgArray, rows } from '../core/sql.js';
import { badInput } from '../core/errors.js';
import { refuse, UserError, UserErrorCode, message } from '../core/user-errors.js';
import { Plan } from '../plans/plan.entity.js';
import { OverlapFilter, UNDO_MINUTES } from './overlap.input.js';
import { overlapConditions, recordReview, UNREVIEWED_SQL } from './overlap.service.js';
import { kindOf } from './overlap.sql.js';
import { Overlap, OverlapDecision } from './overlap.types.js';

export enum OverlapGrouping {
  PLAN_PAIR = 'PLAN_PAIR',
  AREA_AND_KIND = 'AREA_AND_KIND',
  CLUSTER = 'CLUSTER',
}
registerEnumType(OverlapGrouping, {
  name: 'OverlapGrouping',
  description: 'How overlapping pairs are gathered into decisions.',
  valuesConfig: {
    PLAN_PAIR: { description: 'By the two plans of the pair (one plan: its internal overlaps).' },
    AREA_AND_KIND: { description: 'By district (of the first activity) and kind of work (method, named or inferred).' },
    CLUSTER: { description: 'Activities that overlap each other, directly or through one another.' },
  },
});

@ObjectType('OverlapGroup', { description: 'Overlapping pairs that make one decision: counts, best score and how much is still unreviewed.' })
export class OverlapGroup {
  @Field(() => String, { description: 'Identifies the group for reviewOverlapGroup, with the same grouping and filter.' })
  key!: string;

  @Field(() => String, { description: 'What the group is, in Danish.' })
  label!: string;

  @Field(() => Int, { description: 'Pairs in the group, reviewed or not.' })
  pairCount!: number;

  @Field(() => Int, { description: 'Pairs without a current review.' })
  unreviewedCount!: number;

  @Field(() => Float, { description: 'unreviewedCount / pairCount.' })
  unreviewedShare!: number;

  @Field(() => Float, { description: 'The highest score in the group.' })
  bestScore!: number;

  planIds!: number[];
  activityIds!: number[];
  areaId!: number | null;
  methodId!: number | null;
  /** The pairs (a < b), for a review of the whole group. */
  pairs!: [number, number][];
}

@InputType('ReviewOverlapGroupInput', { description: 'One decision for every pair of a group.' })
export class ReviewOverlapGroupInput {
  @Field(() => OverlapGrouping, { description: 'The grouping the key comes from.' })
  by!: OverlapGrouping;

  @Field(() => String, { description: 'OverlapGroup.key.' })
  key!: string;

  @Field(() => OverlapFilter, { nullable: true, description: 'The filter the groups were asked with.' })
  filter?: OverlapFilter | null;

  @Field(() => OverlapDecision, { description: 'What was decided, for every pair.' })
  decision!: OverlapDecision;

  @Field(() => String, { nullable: true, description: 'Why, or what was agreed; at most 10,000 characters.' })
  note?: string | null;
}

@ObjectType('OverlapGroupReviewPayload', { description: 'The result of reviewOverlapGroup.' })
export class OverlapGroupReviewPayload {
  @Field(() => Int, { description: 'Pairs that got the decision.' })
  reviewedCount!: number;

  @Field(() => [ID], { description: `The decisions recorded: give them to undoOverlapReviews within ${UNDO_MINUTES} minutes to take them back.` })
  reviewIds!: string[];

  @Field(() => OverlapGroup, { nullable: true, description: 'The group after the review; null when userErrors is not empty.' })
  group!: OverlapGroup | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

/** Each pair's group key, by the grouping: its two plans, its district and kind of work, or its cluster (the smallest activity id in it). */
const KEYED: Record<OverlapGrouping, string> = {
  PLAN_PAIR: `keyed as (select p.*, 'plans:' || least(p.plan_a, p.plan_b) || '-' || greatest(p.plan_a, p.plan_b) as key,
      null::int as area_id, null::int as method_id from pairs p)`,
  // The district is looked up once per activity, not once per pair: the first area of the pair's first activity, or the district it lies in.
  AREA_AND_KIND: `districts as (
      select fa.activity_id, coalesce((select m.match_id from area_match m join area d on d.id = m.match_id
          where m.area_id = fa.area_id and m.relation = 'INSIDE' and d.kind = 'DISTRICT' limit 1), fa.area_id) as area_id
      from (select activity_id, min(area_id) as area_id from activity_area where activity_id in (select distinct a from pairs) group by activity_id) fa),
    keyed as (select p.*, 'area:' || coalesce(d.area_id::text, 'null') || ':' || coalesce(p.kind, 0) as key, d.area_id, p.kind as method_id
      from pairs p left join districts d on d.activity_id = p.a)`,
  // Activities numbered 1..n for hub_components (union-find in the database), which answers each one's smallest connected number.
  CLUSTER: `nodes as (select x as id, row_number() over (order by x)::int as r from (select a as x from pairs union select b from pairs) u),
    edges as (select na.r as ra, nb.r as rb from pairs p join nodes na on na.id = p.a join nodes nb on nb.id = p.b),
    roots as (select n.id, rn.id as root from hub_components((select count(*)::int from nodes),
        (select coalesce(array_agg(ra), '{}') from edges), (select coalesce(array_agg(rb), '{}') from edges)) c
      join nodes n on n.r = c.node join nodes rn on rn.r = c.root),
    keyed as (select p.*, 'cluster:' || r.root as key, null::int as area_id, null::int as method_id from pairs p join roots r on r.id = p.a)`,
};

/** Danish labels: "Helhedsplan A og Helhedsplan B", "Vollsmose: Lektiecafé", "5 aktiviteter, bl.a. 'Lektiecafé i …'". */
const LABEL: Record<OverlapGrouping, string> = {
  PLAN_PAIR: `case when cardinality(g.plan_ids) = 1 then 'Inden for ' || (select p.name from plan p where p.id = g.plan_ids[1])
    else (select string_agg(p.name, ' og ' order by p.id) from plan p where p.id = any(g.plan_ids)) end`,
  AREA_AND_KIND: `coalesce((select a.name from area a where a.id = g.area_id), 'Ukendt område') || ': '
    || coalesce((select m.name from method m where m.id = g.method_id), 'uden kendt metode')`,
  CLUSTER: `cardinality(g.activity_ids) || ' aktiviteter, bl.a. ''' || (select a.title from activity a where a.id = g.activity_ids[1]) || ''''`,
};

/** Groups best first (ties: more pairs, then key by code point), as overlapGroupsSql orders them. */
export const GROUP_ORDER = (t: string) => `${t}.best_score desc, ${t}.pair_count desc, ${t}.key collate "C"`;

/**
 * The SQL of overlapGroups(by, filter, keys): one row per group (key, label, pair_count, unreviewed_count,
 * unreviewed_share, best_score, its pairs as pair_a/pair_b ordered by (a, b), plan_ids, activity_ids, area_id,
 * method_id); groups with nothing left to review only with includeReviewed. Shared by the resolver and the read planner.
 */
export function overlapGroupsSql(
  viewer: Viewer | null,
  by: OverlapGrouping,
  filter: OverlapFilter | null | undefined,
  keys?: readonly string[] | null,
): { sql: string; params: unknown[] } {
  if (keys && keys.length > 100) throw badInput(`keys holds ${keys.length} keys; at most 100`, { argument: 'keys' });
  const where = overlapConditions(viewer, filter ?? {}, { withReviewed: true });
  const having = [...(filter?.includeReviewed ? [] : ['count(*) filter (where k.unreviewed) > 0']), ...(keys ? ['k.key = any(?::text[])'] : [])];
  return {
    sql: `with pairs as (
      select o.activity_a_id as a, o.activity_b_id as b, o.score, ${UNREVIEWED_SQL} as unreviewed, xa.plan_id as plan_a, xb.plan_id as plan_b,
        coalesce(${kindOf('xa')}, ${kindOf('xb')}) as kind
      from activity_overlap o join activity xa on xa.id = o.activity_a_id join activity xb on xb.id = o.activity_b_id
      where ${where.toSql()}),
    ${KEYED[by]},
    groups as (
      select k.key, count(*)::int as pair_count, (count(*) filter (where k.unreviewed))::int as unreviewed_count, max(k.score) as best_score,
        array_agg(k.a order by k.a, k.b) as pair_a, array_agg(k.b order by k.a, k.b) as pair_b,
        array(select distinct x from unnest(array_agg(k.plan_a) || array_agg(k.plan_b)) x order by x) as plan_ids,
        array(select distinct x from unnest(array_agg(k.a) || array_agg(k.b)) x order by x) as activity_ids,
        min(k.area_id) as area_id, min(k.method_id) as method_id
      from keyed k group by k.key${having.length ? ` having ${having.join(' and ')}` : ''})
    select g.*, floor(g.unreviewed_count::float8 / g.pair_count * 1000 + 0.5) / 1000 as unreviewed_share, ${LABEL[by]} as label
    from groups g order by ${GROUP_ORDER('g')}`,
    params: [...where.params, ...(keys ? [pgArray(keys)] : [])],
  };
}

/** The groups of the filtered pairs, best first; groups with nothing left to review only with includeReviewed. */
export async function overlapGroups(
  em: EntityManager,
  viewer: Viewer | null,
  by: OverlapGrouping,
  filter: OverlapFilter | null | undefined,
  keys?: readonly string[] | null,
): Promise<OverlapGroup[]> {
  const { sql, params } = overlapGroupsSql(viewer, by, filter, keys);
  return (await rows(em, sql, params)).map((row) =>
    Object.assign(new OverlapGroup(), {
      key: String(row.key),
      label: String(row.label),
      pairCount: Number(row.pair_count),
      unreviewedCount: Number(row.unreviewed_count),
      unreviewedShare: Number(row.unreviewed_share),
      bestScore: Number(row.best_score),
      pairs: (row.pair_a as number[]).map((a, i) => [a, (row.pair_b as number[])[i]!] as [number, number]),
      planIds: row.plan_ids as number[],
      activityIds: row.activity_ids as number[],
      areaId: row.area_id === null ? null : Number(row.area_id),
      methodId: row.method_id === null ? null : Number(row.method_id),
    }),
  );
}

/** One decision for every pair of a group the viewer may review; the group is found again with the same filter. */
export function reviewOverlapGroup(ctx: HubContext, input: ReviewOverlapGroupInput) {
  return runMutation(ctx, { reviewedCount: 0, reviewIds: [] as string[], group: null as OverlapGroup | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'reviewOverlapGroup');
    const check = new InputChecker(tx);
    const note = check.text(['input', 'note'], input.note, { max: MAX_TEXT });
    check.check();
    const [group] = await overlapGroups(tx, viewer, input.by, { ...input.filter, includeReviewed: true }, [input.key]);
    if (!group)
      refuse(
        ['input', 'key'],
        UserErrorCode.NOT_FOUND,
        message(
          `No group "${input.key.slice(0, 100)}" with this grouping and filter (any more); ask for the groups again`,
          'Gruppen findes ikke (længere) med denne gruppering og dette filter; hent listen igen',
        ),
      );
    const plansOf = new Map(
      (
        (await rows(tx, 'select id, plan_id from activity where id = any(?::int[])', [`{${group.activityIds.join(',')}}`])) as { id: number; plan_id: number }[]
      ).map((r) => [Number(r.id), Number(r.plan_id)]),
    );
    const mine = group.pairs.filter(
      ([a, b]) => viewer.role === Role.COORDINATOR || mayEditPlan(viewer, plansOf.get(a)!) || mayEditPlan(viewer, plansOf.get(b)!),
    );
    if (mine.length === 0)
      refuse(
        ['input', 'key'],
        UserErrorCode.FORBIDDEN,
        message(
          'You may only review overlaps that involve an activity of your own plans',
          'Du kan kun tage stilling til overlap, der berører en aktivitet i dine egne helhedsplaner',
        ),
      );
    // Pairs in one order, so two group reviews that share pairs never wait for each other in a circle.
    mine.sort(([a1, b1], [a2, b2]) => a1 - a2 || b1 - b2);
    const reviewIds: string[] = [];
    for (const [a, b] of mine) {
      const recorded = await recordReview(tx, viewer, a, b, input.decision, note);
      if (recorded) reviewIds.push(toGlobalId('OverlapReview', recorded.reviewId));
    }
    const [after = null] = await overlapGroups(tx, viewer, input.by, { ...input.filter, includeReviewed: true }, [input.key]);
    return { reviewedCount: reviewIds.length, reviewIds, group: after };
  });
}

@Resolver(() => OverlapGroup)
export class OverlapGroupResolver {
  @Query(() => [OverlapGroup], { description: 'The overlapping pairs as decisions: grouped, with counts, best score and the unreviewed share, best first.' })
  overlapGroups(
    @Ctx() { em, viewer }: HubContext,
    @Arg('by', () => OverlapGrouping, { description: 'How to group.' }) by: OverlapGrouping,
    @Arg('filter', () => OverlapFilter, { nullable: true, description: 'Which pairs, as for overlaps; reviewed pairs always count in the shares.' })
    filter?: OverlapFilter | null,
    @Arg('keys', () => [String], { nullable: true, description: 'Only the groups with these keys, at most 100: e.g. the pairs of a group when it is opened.' })
    keys?: string[] | null,
  ): Promise<OverlapGroup[]> {
    return overlapGroups(em, viewer, by, filter, keys);
  }

  @Mutation(() => OverlapGroupReviewPayload, {
    description: 'Records one decision for every pair of a group (COORDINATOR; PROJECT_LEAD for the pairs touching their plans).',
  })
  reviewOverlapGroup(
    @Ctx() ctx: HubContext,
    @Arg('input', () => ReviewOverlapGroupInput, { description: 'The group and the decision.' }) input: ReviewOverlapGroupInput,
  ) {
    return reviewOverlapGroup(ctx, input);
  }

  @FieldResolver(() => [Overlap], { description: 'Its pairs, best first (reviewed ones included).' })
  async overlaps(@Root() group: OverlapGroup, @Ctx() { loaders, budget }: HubContext, @Info() info: GraphQLResolveInfo): Promise<Overlap[]> {
    // A group's length is known before its pairs are read: each counts as a value of the answer before any is read.
    budget?.prepay(info, group.pairs.length);
    const found = await loaders.overlapPair.loadMany(group.pairs.map((pair) => pair.join(':')));
    return found.filter((o): o is Overlap => o instanceof Overlap).sort((x, y) => y.score - x.score);
  }

  @FieldResolver(() => [Plan], { description: 'The plans of its activities.' })
  async plans(@Root() group: OverlapGroup, @Ctx() { loaders, budget }: HubContext, @Info() info: GraphQLResolveInfo): Promise<Plan[]> {
    budget?.prepay(info, group.planIds.length);
    return (await loaders.plan.loadMany(group.planIds)).filter((p): p is Plan => p instanceof Plan);
  }

  @FieldResolver(() => [Activity], { description: 'Its activities, by id.' })
  async activities(@Root() group: OverlapGroup, @Ctx() { loaders, budget }: HubContext, @Info() info: GraphQLResolveInfo): Promise<Activity[]> {
    budget?.prepay(info, group.activityIds.length);
    return (await loaders.activity.loadMany(group.activityIds)).filter((a): a is Activity => a instanceof Activity);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The district, when grouped by AREA_AND_KIND.' })
  area(@Root() group: OverlapGroup, @Ctx() { loaders }: HubContext): Promise<Area | null> | null {
    return group.areaId ? loaders.area.load(group.areaId) : null;
  }

  @FieldResolver(() => Method, { nullable: true, description: 'The kind of work, when grouped by AREA_AND_KIND and known.' })
  method(@Root() group: OverlapGroup, @Ctx() { loaders }: HubContext): Promise<Method | null> | null {
    return group.methodId ? loaders.method.load(group.methodId) : null;
  }
}
