import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { recordAudit } from '../core/audit-trail.js';
import { mayEditPlan, requireMutation } from '../access/permissions.js';
import { Activity } from '../activities/activity.entity.js';
import { visibleActivityIdSql } from '../access/visibility.js';
import type { HubContext, Language, RowBudget, Viewer } from '../core/context.js';
import { today } from '../core/dates.js';
import { Role } from '../core/enums.js';
import { badInput } from '../core/errors.js';
import { expectId, expectIds, fromGlobalId, toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TEXT, runMutation } from '../core/mutation.js';
import { decodeCursor, pageSize, toPage, type Page } from '../core/pagination.js';
import { Conditions, descendantsSql, pgArray, rows, type Row } from '../core/sql.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';
import { UNDO_MINUTES, type ActivityDraftInput, type OverlapFilter, type ReviewOverlapInput, type UndoOverlapReviewsInput } from './overlap.input.js';
import { DEFAULT_THRESHOLD, DRAFT_INFERENCE_SQL, DRAFT_SUBJECT_SQL, kindOf, scoredPairsSql, STORE_FLOOR } from './overlap.sql.js';
import { Overlap, OverlapReview, type OverlapDecision, type OverlapReason, type OverlapReasonKind } from './overlap.types.js';
import { OverlapReviewRecord } from './overlap.entity.js';

function toOverlap(activityIds: number[], score: number, reasons: unknown): Overlap {
  const overlap = new Overlap();
  overlap.activityIds = activityIds;
  overlap.score = Number(score);
  // Kept as the stored JSON text until asked for: one string per pair weighs far less than objects per reason.
  overlap.reasonsJson = typeof reasons === 'string' ? reasons : JSON.stringify(reasons);
  return overlap;
}

/** The reasons of an overlap in one language, read from their stored JSON when the field is resolved. */
export function reasonsOf(overlap: Overlap, language: Language): OverlapReason[] {
  return (JSON.parse(overlap.reasonsJson) as { kind: OverlapReasonKind; weight: number; detail: string; detail_en?: string }[]).map((r): OverlapReason => ({
    kind: r.kind,
    weight: Number(r.weight),
    detail: language === 'en' ? (r.detail_en ?? r.detail) : r.detail,
  }));
}

export const fromRow = (row: Row) => toOverlap([Number(row.activity_a_id), Number(row.activity_b_id)], Number(row.score), row.reasons);

const UNREVIEWED =
  'not exists (select 1 from overlap_review r where r.activity_a_id = o.activity_a_id and r.activity_b_id = o.activity_b_id and r.superseded_at is null)';

/** Either activity of the pair meets a condition on `x.id`. */
const eitherActivity = (condition: string) => `exists (select 1 from unnest(array[o.activity_a_id, o.activity_b_id]) as x(id) where ${condition})`;

/** The stored pairs (alias o) a filter keeps for this viewer; reviewed ones only with includeReviewed or when asked. */
export function overlapConditions(viewer: Viewer | null, filter: OverlapFilter, options: { withReviewed?: boolean } = {}): Conditions {
  const where = new Conditions();
  where.add(`${visibleActivityIdSql(viewer, 'o.activity_a_id')} and ${visibleActivityIdSql(viewer, 'o.activity_b_id')}`);
  where.add('o.score >= ?', Math.max(filter.minScore ?? DEFAULT_THRESHOLD, STORE_FLOOR));
  if (!filter.includeReviewed && !options.withReviewed) where.add(UNREVIEWED);
  if (filter.includeSamePlan === false) where.add('not o.same_plan');
  if (filter.activeOn) where.add('o.common_start <= ?::date and (o.common_end is null or o.common_end >= ?::date)', filter.activeOn, filter.activeOn);
  else where.add('(o.common_end is null or o.common_end >= ?::date)', today());
  const planIds = expectIds(filter.planIds, 'Plan', 'filter.planIds');
  if (planIds) where.add(eitherActivity('exists (select 1 from activity p where p.id = x.id and p.plan_id = any(?::int[]))'), pgArray(planIds));
  const areaIds = expectIds(filter.areaIds, 'Area', 'filter.areaIds');
  if (areaIds) {
    where.add(
      eitherActivity(`exists (select 1 from activity_area aa where aa.activity_id = x.id and aa.area_id in (${descendantsSql('area')}))`),
      pgArray(areaIds),
    );
  }
  const groupIds = expectIds(filter.targetGroupIds, 'TargetGroup', 'filter.targetGroupIds');
  if (groupIds) {
    where.add(
      eitherActivity(
        `exists (select 1 from activity_target_group tg where tg.activity_id = x.id and tg.target_group_id in (${descendantsSql('target_group')}))`,
      ),
      pgArray(groupIds),
    );
  }
  const themeIds = expectIds(filter.themeIds, 'Theme', 'filter.themeIds');
  if (themeIds)
    where.add(eitherActivity('exists (select 1 from activity_theme t where t.activity_id = x.id and t.theme_id = any(?::int[]))'), pgArray(themeIds));
  const methodIds = expectIds(filter.methodIds, 'Method', 'filter.methodIds');
  if (methodIds) where.add(eitherActivity(`exists (select 1 from activity k where k.id = x.id and ${kindOf('k')} = any(?::int[]))`), pgArray(methodIds));
  return where;
}

/** Whether the pair (alias o) has no current review. */
export const UNREVIEWED_SQL = UNREVIEWED;

/** overlaps(first, after, filter): stored pairs, best first (ties: newer pairs first). */
export async function listOverlaps(
  em: EntityManager,
  viewer: Viewer | null,
  args: { first?: number | null; after?: string | null; filter?: OverlapFilter | null },
): Promise<Page<Overlap>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['float', 'number', 'number']);
  const where = overlapConditions(viewer, args.filter ?? {});
  const count = async () =>
    Number((await rows(em, `select count(*)::int as total from activity_overlap o where ${where.toSql()}`, where.params))[0]?.total ?? 0);
  const page = new Conditions().add(where.toSql(), ...where.params);
  if (after) page.add('(o.score, o.activity_a_id, o.activity_b_id) < (?, ?, ?)', ...after);
  const result = await rows(
    em,
    `select o.activity_a_id, o.activity_b_id, o.score, o.reasons::text as reasons from activity_overlap o where ${page.toSql()}
     order by o.score desc, o.activity_a_id desc, o.activity_b_id desc limit ?`,
    [...page.params, first + 1],
  );
  return toPage(result.map(fromRow), first, count, after !== undefined, (o) => [o.score, ...o.activityIds]);
}

/** Activity.overlaps: unreviewed pairs of many activities in one statement, best first, at most what the query's budget has left. */
export function activityOverlapsLoader(em: EntityManager, viewer: Viewer | null, budget: RowBudget) {
  return new DataLoader<{ activityId: number; minScore: number }, Overlap[], string>(
    async (keys) => {
      const minScore = Math.min(...keys.map((k) => k.minScore));
      const ids = pgArray([...new Set(keys.map((k) => k.activityId))]);
      // An activity may overlap hundreds of others (a busy estate): never more rows than the answer could hold.
      const limit = budget()?.rowLimit() ?? null;
      const result = await rows(
        em,
        `select o.activity_a_id, o.activity_b_id, o.score, o.reasons::text as reasons from activity_overlap o
         where (o.activity_a_id = any(?::int[]) or o.activity_b_id = any(?::int[])) and o.score >= ? and ${UNREVIEWED}
           and ${visibleActivityIdSql(viewer, 'o.activity_a_id')} and ${visibleActivityIdSql(viewer, 'o.activity_b_id')}
         order by o.score desc, o.activity_a_id desc, o.activity_b_id desc limit ?`,
        [ids, ids, minScore, limit],
      );
      if (limit !== null && result.length >= limit) budget()!.overflow();
      const byActivity = new Map<number, Overlap[]>();
      for (const row of result) {
        const overlap = fromRow(row);
        for (const id of overlap.activityIds) {
          const list = byActivity.get(id);
          if (list) list.push(overlap);
          else byActivity.set(id, [overlap]);
        }
      }
      return keys.map((k) => (byActivity.get(k.activityId) ?? []).filter((o) => o.score >= k.minScore));
    },
    { cacheKeyFn: (k) => `${k.activityId}:${k.minScore}` },
  );
}

/** Checked minScore of Activity.overlaps: default the calibrated threshold. */
export function minScoreOf(minScore: number | null | undefined): number {
  if (minScore === null || minScore === undefined) return DEFAULT_THRESHOLD;
  if (!(minScore >= 0 && minScore <= 1)) throw badInput(`minScore must be between 0 and 1, got ${minScore}`, { argument: 'minScore' });
  return Math.max(minScore, STORE_FLOOR);
}

/** The stored, unreviewed pairs of one activity above the threshold: the similarActivities of a mutation payload. */
export async function similarToActivity(em: EntityManager, activityId: number, limit = 20): Promise<Overlap[]> {
  const result = await rows(
    em,
    `select o.activity_a_id, o.activity_b_id, o.score, o.reasons::text as reasons from activity_overlap o
     where (o.activity_a_id = ? or o.activity_b_id = ?) and o.score >= ? and ${UNREVIEWED}
     order by o.score desc, o.activity_a_id desc, o.activity_b_id desc limit ?`,
    [activityId, activityId, DEFAULT_THRESHOLD, limit],
  );
  return result.map(fromRow);
}

/** How many stored, unreviewed pairs above the threshold each of these activities has (what similarToActivity would list). */
export async function similarCounts(em: EntityManager, activityIds: readonly number[]): Promise<Map<number, number>> {
  if (activityIds.length === 0) return new Map();
  const ids = pgArray([...new Set(activityIds)]);
  const result = await rows(
    em,
    `select x.id, count(*)::int as n from activity_overlap o
     cross join lateral (values (o.activity_a_id), (o.activity_b_id)) x(id)
     where (o.activity_a_id = any(?::int[]) or o.activity_b_id = any(?::int[])) and x.id = any(?::int[]) and o.score >= ? and ${UNREVIEWED}
     group by x.id`,
    [ids, ids, ids, DEFAULT_THRESHOLD],
  );
  return new Map(result.map((row) => [Number(row.id), Number(row.n)]));
}

/** inferMethod: what a registration form offers to confirm while the lead types, before anything is saved. */
export async function inferDraftMethod(
  em: EntityManager,
  title: string,
  description: string | null | undefined,
): Promise<{ methodId: number; confidence: number; words: string[] } | null> {
  const [row] = await rows(em, DRAFT_INFERENCE_SQL, [title, description ?? null]);
  return row
    ? { methodId: Number(row.inferred_method_id), confidence: Number(row.inferred_confidence), words: (row.inferred_words as string[] | null) ?? [] }
    : null;
}

/** similarActivities(draft): the draft scored against the stored activities, without storing anything. */
/** The SQL of similarActivities: the existing activities a draft would overlap (b_id, score, reasons), best first. */
export function similarToDraftSql(viewer: Viewer | null, draft: ActivityDraftInput, first: number | null | undefined): { sql: string; params: unknown[] } {
  const limit = pageSize(first, 10);
  const groups = expectIds(draft.targetGroupIds, 'TargetGroup', 'draft.targetGroupIds') ?? [];
  const areas = expectIds(draft.areaIds, 'Area', 'draft.areaIds') ?? [];
  if (!groups.length || !areas.length) throw badInput('draft needs at least one target group and one area', { argument: 'draft' });
  if (draft.endDate && draft.endDate < draft.startDate) throw badInput('draft.endDate is before draft.startDate', { argument: 'draft.endDate' });
  const params = [
    draft.planId ? expectId(draft.planId, 'Plan', 'draft.planId') : null,
    draft.methodId ? expectId(draft.methodId, 'Method', 'draft.methodId') : null,
    draft.startDate,
    draft.endDate ?? null,
    JSON.stringify((draft.schedule ?? []).map((s) => ({ weekday: s.weekday, startTime: s.startTime.slice(0, 5), endTime: s.endTime.slice(0, 5) }))),
    draft.title,
    draft.description ?? null,
    pgArray(expectIds(draft.themeIds, 'Theme', 'draft.themeIds') ?? []),
    pgArray(groups),
    pgArray(areas),
  ];
  return {
    sql: `select p.b_id, p.score, p.reasons from (${scoredPairsSql(DRAFT_SUBJECT_SQL, { forward: false })}) p
     where p.score >= ? and ${visibleActivityIdSql(viewer, 'p.b_id')} order by p.score desc, p.b_id desc limit ?`,
    params: [...params, DEFAULT_THRESHOLD, limit],
  };
}

export async function similarToDraft(
  em: EntityManager,
  viewer: Viewer | null,
  draft: ActivityDraftInput,
  first: number | null | undefined,
): Promise<Overlap[]> {
  const { sql, params } = similarToDraftSql(viewer, draft, first);
  const result = await rows(em, `select s.b_id, s.score, s.reasons::text as reasons from (${sql}) s order by s.score desc, s.b_id desc`, params);
  return result.map((row) => toOverlap([Number(row.b_id)], Number(row.score), row.reasons));
}

/** The current review of each pair ("a:b"), batched. */
export function overlapReviewLoader(em: EntityManager) {
  return new DataLoader<string, OverlapReview | null>(async (pairs) => {
    const result = await rows(
      em,
      `select r.activity_a_id, r.activity_b_id, r.decision, r.note, r.reviewed_by_id, r.reviewed_at from overlap_review r
       where r.superseded_at is null and (r.activity_a_id, r.activity_b_id) in (select * from unnest(?::int[], ?::int[]))`,
      [pgArray(pairs.map((p) => Number(p.split(':')[0]))), pgArray(pairs.map((p) => Number(p.split(':')[1])))],
    );
    const byPair = new Map(
      result.map((r) => [
        `${r.activity_a_id}:${r.activity_b_id}`,
        Object.assign(new OverlapReview(), {
          decision: r.decision as OverlapDecision,
          note: (r.note as string | null) ?? null,
          reviewedByUserId: r.reviewed_by_id === null ? null : Number(r.reviewed_by_id),
          reviewedAt: new Date(r.reviewed_at as string),
        }),
      ]),
    );
    return pairs.map((p) => byPair.get(p) ?? null);
  });
}

/** Reviews of an activity's pairs stop counting when it changes whom, where, when or how it works. */
export async function supersedeReviews(em: EntityManager, activityId: number): Promise<void> {
  await em.execute('update overlap_review set superseded_at = now() where superseded_at is null and (activity_a_id = ? or activity_b_id = ?)', [
    activityId,
    activityId,
  ]);
}

export function reviewOverlap(ctx: HubContext, input: ReviewOverlapInput) {
  return runMutation(ctx, { overlap: null as Overlap | null, reviewIds: [] as string[] }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'reviewOverlap');
    const check = new InputChecker(tx);
    const distinct = new Set(input.activityIds);
    if (input.activityIds.length !== 2 || distinct.size !== 2) {
      refuse(
        ['input', 'activityIds'],
        UserErrorCode.INVALID,
        message('Give the ids of exactly two different activities', 'Vælg præcis to forskellige aktiviteter'),
      );
    }
    const activities = await check.refs(['input', 'activityIds'], input.activityIds, Activity);
    const note = check.text(['input', 'note'], input.note, { max: MAX_TEXT });
    check.check();
    if (viewer.role === Role.PROJECT_LEAD && !activities.some((a) => mayEditPlan(viewer, a.plan.id))) {
      refuse(
        ['input', 'activityIds'],
        UserErrorCode.FORBIDDEN,
        message(
          'You may only review overlaps that involve an activity of your own plans',
          'Du kan kun tage stilling til overlap, der berører en aktivitet i dine egne helhedsplaner',
        ),
      );
    }
    const [a, b] = activities.map((x) => x.id).sort((x, y) => x - y) as [number, number];
    const recorded = await recordReview(tx, viewer, a, b, input.decision, note);
    if (!recorded)
      refuse(['input', 'activityIds'], UserErrorCode.INVALID, message('These two activities do not overlap', 'De to aktiviteter overlapper ikke (længere)'));
    return { overlap: fromRow(recorded.pair), reviewIds: [toGlobalId('OverlapReview', recorded.reviewId)] };
  });
}

/**
 * Records a decision on a stored pair (a < b), superseding the one before, audited; null when the two do not
 * overlap. Concurrent reviews of one pair take turns, so one stays active: an advisory lock rather than the
 * pair's row, as activity writes lock pair rows after review rows and must not meet it in a circle.
 */
export async function recordReview(
  tx: EntityManager,
  viewer: Viewer,
  a: number,
  b: number,
  decision: OverlapDecision,
  note: string | null,
): Promise<{ pair: Row; reviewId: number } | null> {
  await tx.execute('select pg_advisory_xact_lock(?, ?)', [a, b]);
  const [pair] = await rows(
    tx,
    'select activity_a_id, activity_b_id, score, reasons::text as reasons from activity_overlap where activity_a_id = ? and activity_b_id = ?',
    [a, b],
  );
  if (!pair) return null;
  const [replaced] = await rows(
    tx,
    'update overlap_review set superseded_at = now() where superseded_at is null and activity_a_id = ? and activity_b_id = ? returning id',
    [a, b],
  );
  const review = tx.create(OverlapReviewRecord, {
    activity: a,
    other: b,
    decision,
    note,
    reviewedBy: viewer.userId,
    reviewedAt: new Date(),
    supersedesId: replaced ? Number(replaced.id) : null,
  });
  await tx.flush();
  recordAudit(tx, viewer, 'reviewOverlap', { type: 'OverlapReview', id: review.id }, null, {
    activities: [toGlobalId('Activity', a), toGlobalId('Activity', b)],
    decision,
    note,
  });
  return { pair, reviewId: review.id };
}

/**
 * Takes back decisions the viewer recorded in the last UNDO_MINUTES that still count: each stops counting and the one
 * it replaced counts again (or the pair has none). All or nothing: one that cannot be taken back refuses the lot.
 */
export function undoOverlapReviews(ctx: HubContext, input: UndoOverlapReviewsInput) {
  return runMutation(ctx, { undoneCount: 0 }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'undoOverlapReviews');
    const ids: number[] = [];
    input.reviewIds.forEach((globalId, i) => {
      const decoded = fromGlobalId(globalId);
      if (decoded?.type !== 'OverlapReview')
        refuse(
          ['input', 'reviewIds', i],
          UserErrorCode.INVALID,
          message(`"${globalId.slice(0, 60)}" is not the id of a decision`, `"${globalId.slice(0, 60)}" er ikke id'et på en beslutning`),
        );
      ids.push(decoded.id);
    });
    const found = new Map(
      (
        await rows(
          tx,
          `select id, activity_a_id, activity_b_id, reviewed_by_id, reviewed_at, superseded_at, supersedes_id from overlap_review where id = any(?::int[]) order by activity_a_id, activity_b_id for update`,
          [pgArray(ids)],
        )
      ).map((r) => [Number(r.id), r]),
    );
    const since = Date.now() - UNDO_MINUTES * 60_000;
    ids.forEach((id, i) => {
      const review = found.get(id);
      const field = ['input', 'reviewIds', i];
      if (!review) refuse(field, UserErrorCode.NOT_FOUND, message(`No decision has the id "${input.reviewIds[i]!.slice(0, 60)}"`, 'Beslutningen findes ikke'));
      if (Number(review.reviewed_by_id) !== viewer.userId)
        refuse(
          field,
          UserErrorCode.FORBIDDEN,
          message('Only whoever made a decision can take it back', 'Kun den, der traf beslutningen, kan tage den tilbage'),
        );
      if (review.superseded_at !== null)
        refuse(
          field,
          UserErrorCode.INVALID,
          message(
            'A newer decision or a change of an activity has replaced this decision already',
            'En nyere beslutning eller en ændring af en af aktiviteterne har allerede afløst beslutningen',
          ),
        );
      if (new Date(review.reviewed_at as string).getTime() < since)
        refuse(
          field,
          UserErrorCode.INVALID,
          message(`A decision can be taken back for ${UNDO_MINUTES} minutes only`, `En beslutning kan kun tages tilbage i ${UNDO_MINUTES} minutter`),
        );
    });
    for (const review of found.values()) {
      await tx.execute('select pg_advisory_xact_lock(?, ?)', [review.activity_a_id, review.activity_b_id]);
      await tx.execute('update overlap_review set superseded_at = now() where id = ?', [review.id]);
      if (review.supersedes_id !== null) {
        await tx.execute('update overlap_review set superseded_at = null where id = ? and superseded_at is not null', [review.supersedes_id]);
      }
      recordAudit(tx, viewer, 'undoOverlapReviews', { type: 'OverlapReview', id: Number(review.id) }, null, {
        activities: [toGlobalId('Activity', Number(review.activity_a_id)), toGlobalId('Activity', Number(review.activity_b_id))],
        restored: review.supersedes_id === null ? null : toGlobalId('OverlapReview', Number(review.supersedes_id)),
      });
    }
    return { undoneCount: found.size };
  });
}

/** Stored pairs (a < b), best first, in one statement. */
export async function overlapsOfPairs(em: EntityManager, pairs: readonly [number, number][]): Promise<Overlap[]> {
  if (pairs.length === 0) return [];
  const result = await rows(
    em,
    `select o.activity_a_id, o.activity_b_id, o.score, o.reasons::text as reasons from activity_overlap o
     where (o.activity_a_id, o.activity_b_id) in (select * from unnest(?::int[], ?::int[]))
     order by o.score desc, o.activity_a_id, o.activity_b_id`,
    [pgArray(pairs.map((p) => p[0])), pgArray(pairs.map((p) => p[1]))],
  );
  return result.map(fromRow);
}

/** Stored pairs by "a:b" (a < b), batched across the fields that ask in one request. */
export function overlapPairLoader(em: EntityManager) {
  return new DataLoader<string, Overlap | null>(async (keys) => {
    const found = await overlapsOfPairs(
      em,
      keys.map((k) => k.split(':').map(Number) as [number, number]),
    );
    const byKey = new Map(found.map((o) => [o.activityIds.join(':'), o]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}
