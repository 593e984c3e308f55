import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, Float, Info, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Activity } from '../activities/activity.entity.js';
import { Area } from '../areas/area.entity.js';
import { mayEditPlan, requireMutation } from '../access/permissions.js';
import { Method } from '../catalogue/method.entity.js';
import type { HubContext, Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';
import { InputChecker, MAX_TEXT, runMutation } from '../core/mutation.js';
import { rows } from '../core/sql.js';
import { badInput } from '../core/errors.js';
import { refuse, UserError, UserErrorCode } from '../core/user-errors.js';
import { Plan } from '../plans/plan.entity.js';
import { OverlapFilter } from './overlap.input.js';
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

  @Field(() => OverlapGroup, { nullable: true, description: 'The group after the review; null when userErrors is not empty.' })
  group!: OverlapGroup | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors!: UserError[];
}

/** The stored pairs a filter keeps, as columns (one array per column, not an object per pair: a busy city has tens of thousands). */
interface Pairs {
  a: number[];
  b: number[];
  score: number[];
  unreviewed: boolean[];
  planA: number[];
  planB: number[];
  kind: (number | null)[];
  /** The district of the pair's first activity (AREA_AND_KIND only). */
  area: number[];
}

/** The stored pairs a filter keeps, reviewed ones included, with what grouping needs of them. */
async function pairsOf(em: EntityManager, viewer: Viewer | null, filter: OverlapFilter, by: OverlapGrouping): Promise<Pairs> {
  const where = overlapConditions(viewer, filter, { withReviewed: true });
  // The district is looked up once per activity, not once per pair.
  const district =
    by === OverlapGrouping.AREA_AND_KIND
      ? `, districts as (
      select fa.activity_id, coalesce((select m.match_id from area_match m join area d on d.id = m.match_id
          where m.area_id = fa.area_id and m.relation = 'INSIDE' and d.kind = 'DISTRICT' limit 1), fa.area_id) as area_id
      from (select activity_id, min(area_id) as area_id from activity_area where activity_id in (select distinct a from pairs) group by activity_id) fa)`
      : '';
  const [row] = await rows(
    em,
    `with pairs as (
      select o.activity_a_id as a, o.activity_b_id as b, o.score, ${UNREVIEWED_SQL} as unreviewed, xa.plan_id as plan_a, xb.plan_id as plan_b,
        coalesce(${kindOf('xa')}, ${kindOf('xb')}) as kind
      from activity_overlap o join activity xa on xa.id = o.activity_a_id join activity xb on xb.id = o.activity_b_id
      where ${where.toSql()})${district}
    select coalesce(array_agg(p.a order by p.a, p.b), '{}') as a, coalesce(array_agg(p.b order by p.a, p.b), '{}') as b, coalesce(array_agg(p.score order by p.a, p.b), '{}') as score,
      coalesce(array_agg(p.unreviewed order by p.a, p.b), '{}') as unreviewed, coalesce(array_agg(p.plan_a order by p.a, p.b), '{}') as plan_a, coalesce(array_agg(p.plan_b order by p.a, p.b), '{}') as plan_b,
      coalesce(array_agg(p.kind order by p.a, p.b), '{}') as kind, coalesce(array_agg(${district ? 'd.area_id' : '0'} order by p.a, p.b), '{}') as area
    from pairs p ${district ? 'left join districts d on d.activity_id = p.a' : ''}`,
    where.params,
  );
  return {
    a: row!.a as number[],
    b: row!.b as number[],
    score: (row!.score as number[]).map(Number),
    unreviewed: row!.unreviewed as boolean[],
    planA: row!.plan_a as number[],
    planB: row!.plan_b as number[],
    kind: row!.kind as (number | null)[],
    area: row!.area as number[],
  };
}

/** Activities that overlap each other, directly or through one another (union-find over the pairs): each pair's cluster key. */
function clusterKeys(pairs: Pairs): string[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps a long chain of pairs from costing its length on every look-up.
    for (let node = x; node !== root;) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (let i = 0; i < pairs.a.length; i++) {
    const [ra, rb] = [find(pairs.a[i]!), find(pairs.b[i]!)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  return pairs.a.map((a) => `cluster:${find(a)}`);
}

function keyOf(by: OverlapGrouping, pairs: Pairs, i: number): string {
  if (by === OverlapGrouping.PLAN_PAIR) {
    const [x, y] = [pairs.planA[i]!, pairs.planB[i]!];
    return `plans:${Math.min(x, y)}-${Math.max(x, y)}`;
  }
  return `area:${pairs.area[i]}:${pairs.kind[i] ?? 0}`;
}

/** The groups of the filtered pairs, best first; groups with nothing left to review only with includeReviewed. */
export async function overlapGroups(
  em: EntityManager,
  viewer: Viewer | null,
  by: OverlapGrouping,
  filter: OverlapFilter | null | undefined,
): Promise<OverlapGroup[]> {
  const pairs = await pairsOf(em, viewer, filter ?? {}, by);
  const clusters = by === OverlapGrouping.CLUSTER ? clusterKeys(pairs) : undefined;
  const groups = new Map<string, OverlapGroup & { plans: Set<number>; members: Set<number> }>();
  for (let i = 0; i < pairs.a.length; i++) {
    const key = clusters ? clusters[i]! : keyOf(by, pairs, i);
    let group = groups.get(key);
    if (!group) {
      group = Object.assign(new OverlapGroup(), {
        key,
        label: '',
        pairCount: 0,
        unreviewedCount: 0,
        unreviewedShare: 0,
        bestScore: 0,
        planIds: [],
        activityIds: [],
        pairs: [],
        areaId: by === OverlapGrouping.AREA_AND_KIND ? pairs.area[i]! : null,
        methodId: by === OverlapGrouping.AREA_AND_KIND ? pairs.kind[i]! : null,
        plans: new Set<number>(),
        members: new Set<number>(),
      });
      groups.set(key, group);
    }
    group.pairCount++;
    if (pairs.unreviewed[i]) group.unreviewedCount++;
    group.bestScore = Math.max(group.bestScore, pairs.score[i]!);
    group.pairs.push([pairs.a[i]!, pairs.b[i]!]);
    group.plans.add(pairs.planA[i]!).add(pairs.planB[i]!);
    group.members.add(pairs.a[i]!).add(pairs.b[i]!);
  }
  const list: OverlapGroup[] = [];
  for (const { plans, members, ...group } of groups.values()) {
    if (!filter?.includeReviewed && group.unreviewedCount === 0) continue;
    group.unreviewedShare = Math.round((group.unreviewedCount / group.pairCount) * 1000) / 1000;
    group.planIds = [...plans].sort((x, y) => x - y);
    group.activityIds = [...members].sort((x, y) => x - y);
    list.push(Object.assign(new OverlapGroup(), group));
  }
  await label(em, by, list);
  return list.sort((x, y) => y.bestScore - x.bestScore || y.pairCount - x.pairCount || x.key.localeCompare(y.key));
}

/** Danish labels: "Helhedsplan A og Helhedsplan B", "Vollsmose: Lektiecafé", "5 aktiviteter, bl.a. 'Lektiecafé i …'". */
async function label(em: EntityManager, by: OverlapGrouping, groups: OverlapGroup[]): Promise<void> {
  const ids = (pick: (g: OverlapGroup) => (number | null)[]) => [...new Set(groups.flatMap(pick).filter((id): id is number => id !== null))];
  const names = async (table: string, column: string, list: number[]) =>
    new Map(
      ((await rows(em, `select id, ${column} as name from ${table} where id = any(?::int[])`, [`{${list.join(',')}}`])) as { id: number; name: string }[]).map(
        (r) => [Number(r.id), r.name],
      ),
    );
  if (by === OverlapGrouping.PLAN_PAIR) {
    const plans = await names(
      'plan',
      'name',
      ids((g) => g.planIds),
    );
    for (const g of groups) g.label = g.planIds.length === 1 ? `Inden for ${plans.get(g.planIds[0]!)}` : g.planIds.map((id) => plans.get(id)).join(' og ');
  } else if (by === OverlapGrouping.AREA_AND_KIND) {
    const areas = await names(
      'area',
      'name',
      ids((g) => [g.areaId]),
    );
    const methods = await names(
      'method',
      'name',
      ids((g) => [g.methodId]),
    );
    for (const g of groups) g.label = `${areas.get(g.areaId!) ?? 'Ukendt område'}: ${g.methodId ? methods.get(g.methodId) : 'uden kendt metode'}`;
  } else {
    const titles = await names(
      'activity',
      'title',
      ids((g) => [g.activityIds[0] ?? null]),
    );
    for (const g of groups) g.label = `${g.activityIds.length} aktiviteter, bl.a. '${titles.get(g.activityIds[0]!)}'`;
  }
}

/** One decision for every pair of a group the viewer may review; the group is found again with the same filter. */
export function reviewOverlapGroup(ctx: HubContext, input: ReviewOverlapGroupInput) {
  return runMutation(ctx, { reviewedCount: 0, group: null as OverlapGroup | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'reviewOverlapGroup');
    const check = new InputChecker(tx);
    const note = check.text(['input', 'note'], input.note, { max: MAX_TEXT });
    check.check();
    const group = (await overlapGroups(tx, viewer, input.by, { ...input.filter, includeReviewed: true })).find((g) => g.key === input.key);
    if (!group)
      refuse(
        ['input', 'key'],
        UserErrorCode.NOT_FOUND,
        `No group "${input.key.slice(0, 100)}" with this grouping and filter (any more); ask for the groups again`,
      );
    const plansOf = new Map(
      (
        (await rows(tx, 'select id, plan_id from activity where id = any(?::int[])', [`{${group.activityIds.join(',')}}`])) as { id: number; plan_id: number }[]
      ).map((r) => [Number(r.id), Number(r.plan_id)]),
    );
    const mine = group.pairs.filter(
      ([a, b]) => viewer.role === Role.COORDINATOR || mayEditPlan(viewer, plansOf.get(a)!) || mayEditPlan(viewer, plansOf.get(b)!),
    );
    if (mine.length === 0) refuse(['input', 'key'], UserErrorCode.FORBIDDEN, 'You may only review overlaps that involve an activity of your own plans');
    // Pairs in one order, so two group reviews that share pairs never wait for each other in a circle.
    mine.sort(([a1, b1], [a2, b2]) => a1 - a2 || b1 - b2);
    let reviewedCount = 0;
    for (const [a, b] of mine) if (await recordReview(tx, viewer, a, b, input.decision, note)) reviewedCount++;
    const after = (await overlapGroups(tx, viewer, input.by, { ...input.filter, includeReviewed: true })).find((g) => g.key === input.key) ?? null;
    return { reviewedCount, group: after };
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
    if (keys && keys.length > 100) throw badInput(`keys holds ${keys.length} keys; at most 100`, { argument: 'keys' });
    return overlapGroups(em, viewer, by, filter).then((groups) => (keys ? groups.filter((g) => keys.includes(g.key)) : groups));
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
