import type { RaisedPair } from './overlap.hooks.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, rows } from '../core/sql.js';
import { AdvisoryLock } from '../core/advisory.js';
import {
  changedInferencesSql,
  DEFAULT_THRESHOLD,
  methodPriorSql,
  OVERLAP_MODEL_VERSION,
  scoredPairsSql,
  storeActivityWordsSql,
  storedSubjectsSql,
  STORE_FLOOR,
  INFERRED_EXAMPLE_WEIGHT,
} from './overlap.sql.js';
import { liveActivitySql } from '../activities/activity.query.js';
import { MIN_INFERENCE_CONFIDENCE } from '../activities/inferred-method.js';

const MODEL_KEY = 'overlap_model';

const insertPairs = (source: string) => `
  insert into activity_overlap (activity_a_id, activity_b_id, score, reasons, common_start, common_end, same_plan)
  select least(p.s_id, p.b_id), greatest(p.s_id, p.b_id), p.score, p.reasons, p.common_start, p.common_end, p.same_plan
  from (${source}) p
  where p.score >= ${STORE_FLOOR}
  on conflict (activity_a_id, activity_b_id) do update
    set score = excluded.score, reasons = excluded.reasons, common_start = excluded.common_start,
        common_end = excluded.common_end, same_plan = excluded.same_plan`;

/** Takes back what activities taught the model: their stems, under the method they were counted under. */
const FORGET_SQL = `
  update method_term t set docs = t.docs - c.docs
  from (select a.learned_method_id as method_id, s.term, sum(a.learned_weight) as docs
        from activity a cross join unnest(array_append(hub_stem_parts(a.kind_stems), '')) as s(term)
        where a.id = any(?::int[]) and a.learned_method_id is not null group by 1, 2) c
  where t.method_id = c.method_id and t.term = c.term`;

/**
 * Teaches the model what activities say (their stored stems) that it has not learned from yet, all or those with the ids
 * given: under the method they name, or, live and without one, under the method inferred for them (at less weight).
 */
const learnSql = (onlyIds: boolean) => `
  with taught as (
    update activity a set learned_method_id = coalesce(a.method_id, a.inferred_method_id),
      learned_weight = case when a.method_id is not null then 1.0 else ${INFERRED_EXAMPLE_WEIGHT} end
    where ${onlyIds ? 'a.id = any(?::int[]) and ' : ''}a.learned_method_id is null and a.kind_stems is not null
      and (a.method_id is not null or (a.inferred_confidence >= ${MIN_INFERENCE_CONFIDENCE} and ${liveActivitySql('a')}))
    returning a.learned_method_id, a.learned_weight, a.kind_stems)
  insert into method_term (method_id, term, docs)
  select t.learned_method_id, s.term, sum(t.learned_weight) from taught t cross join unnest(array_append(hub_stem_parts(t.kind_stems), '')) as s(term) group by 1, 2
  -- Rows in one order, so two writers teaching the same method take their locks in the same order.
  order by 1, 2
  on conflict (method_id, term) do update set docs = method_term.docs + excluded.docs`;

/** Rounds of learning from inferred methods in one refresh; what is still moving after them waits for the next refresh. */
const LEARNING_ROUNDS = 5;

/** Activities teach the model again: what they taught is taken back, their words and inference stored anew. */
async function relearn(em: EntityManager, activityIds: readonly number[]): Promise<void> {
  const ids = pgArray(activityIds);
  await em.execute(FORGET_SQL, [ids]);
  await em.execute('delete from method_term where docs <= 0 and prior <= 0');
  await em.execute('update activity set learned_method_id = null, learned_weight = null where id = any(?::int[])', [ids]);
  await em.execute(storeActivityWordsSql(true), [ids]);
  await em.execute(learnSql(true), [ids]);
  // Each was inferred without what all of them teach; inferred again with what the others teach, as every later check does.
  if (activityIds.length > 1) await em.execute(storeActivityWordsSql(true), [ids]);
}

/**
 * Re-teaches the registrations whose inference is behind the model, round after round (LEARNING_ROUNDS at most), each
 * round's ids given to `beforeRound` first (to lock their part of the city). Returns every id re-taught.
 */
async function learnToRest(em: EntityManager, beforeRound: (ids: number[]) => Promise<void> = async () => undefined): Promise<Set<number>> {
  const touched = new Set<number>();
  for (let round = 0; round < LEARNING_ROUNDS; round++) {
    const ids = ((await em.execute(changedInferencesSql())) as { id: number }[]).map((r) => r.id);
    if (ids.length === 0) break;
    await beforeRound(ids);
    await relearn(em, ids);
    for (const id of ids) touched.add(id);
  }
  return touched;
}

/** Recomputes every stored pair (after a bulk load, or when the scoring model changed). */
export async function refreshAllOverlaps(em: EntityManager): Promise<void> {
  await em.execute('select hub_refresh_area_match()');
  await em.execute('select hub_refresh_target_group_match()');
  // After a bulk load the planner must know the new sizes, or it blocks on the wrong side of the join.
  for (const table of ['area_match', 'target_group_match', 'activity', 'activity_area', 'activity_target_group', 'activity_theme']) {
    await em.execute(`analyze ${table}`);
  }
  // What every registration with a method says is learned first; then the others' methods are inferred from it.
  await em.execute('delete from method_term');
  for (const sql of methodPriorSql(false)) await em.execute(sql);
  await em.execute('update activity set learned_method_id = null, learned_weight = null where learned_method_id is not null');
  await em.execute(storeActivityWordsSql(false));
  await em.execute(learnSql(false));
  await em.execute(storeActivityWordsSql(false));
  // Registrations without a method teach under their inferred method too, which moves the others' inference: rounds to rest.
  await learnToRest(em);
  await em.execute('delete from activity_overlap');
  await em.execute(insertPairs(scoredPairsSql(storedSubjectsSql(false), { forward: true })));
  await em.execute('insert into hub_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value', [
    MODEL_KEY,
    OVERLAP_MODEL_VERSION,
  ]);
}

/** Recomputes the pairs of the given activities, in the caller's transaction. */
export async function refreshActivityOverlaps(em: EntityManager, activityIds: number[]): Promise<void> {
  // The model forgets what these activities said before and learns what they say now: counts, not a rescore of the city.
  await relearn(em, activityIds);
  await rescorePairs(em, pgArray(activityIds));
}

/** The stored scores of these activities' pairs, by "a b" (a < b). */
export async function pairScores(em: EntityManager, activityIds: readonly number[]): Promise<Map<string, number>> {
  const ids = pgArray([...new Set(activityIds)]);
  const found = await rows(
    em,
    'select activity_a_id as a, activity_b_id as b, score from activity_overlap where activity_a_id = any(?::int[]) or activity_b_id = any(?::int[])',
    [ids, ids],
  );
  return new Map(found.map((r) => [`${r.a} ${r.b}`, Number(r.score)]));
}

/** A rise that is news again for a pair already above the threshold. */
export const NOTABLE_RISE = 0.2;

/** Pairs a write brought to the calibrated threshold, or raised by NOTABLE_RISE above it; one entry per written side. */
export function raisedPairs(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>, written: ReadonlySet<number>): RaisedPair[] {
  const raised: RaisedPair[] = [];
  for (const [key, score] of after) {
    const was = before.get(key);
    if (score < DEFAULT_THRESHOLD || (was !== undefined && was >= DEFAULT_THRESHOLD && score - was < NOTABLE_RISE - 1e-9)) continue;
    const [a, b] = key.split(' ').map(Number) as [number, number];
    if (written.has(a)) raised.push({ changed: a, other: b, score });
    if (written.has(b)) raised.push({ changed: b, other: a, score });
  }
  return raised;
}

/** Recomputes the stored pairs of activities (ids as a PostgreSQL array) from their stored words and inference. */
async function rescorePairs(em: EntityManager, ids: string): Promise<void> {
  await em.execute('delete from activity_overlap where activity_a_id = any(?::int[]) or activity_b_id = any(?::int[])', [ids, ids]);
  // Two of the given activities pair each other once, from the one with the smaller id.
  const once = `select * from (${scoredPairsSql(storedSubjectsSql(true), { forward: false })}) q where not (q.b_id = any(?::int[]) and q.b_id < q.s_id)`;
  await em.execute(insertPairs(once), [ids, ids]);
}

/** At start: recompute the stored pairs when they were computed by another scoring model (or never). */
export async function ensureOverlapsCurrent(em: EntityManager): Promise<boolean> {
  const [setting] = await rows(em, 'select value from hub_setting where key = ?', [MODEL_KEY]);
  if (setting?.value === OVERLAP_MODEL_VERSION) return false;
  await em.transactional((tx) => refreshAllOverlaps(tx));
  await settleOverlapTable(em);
  return true;
}

/**
 * After all pairs were written anew (outside any transaction): marks the table's pages all-visible, so counting the pairs
 * reads the covering index alone instead of every row (x100: 140 ms to 40 ms for overlaps with totalCount).
 */
export async function settleOverlapTable(em: EntityManager): Promise<void> {
  // VACUUM cannot run in a transaction; the caller of one settles it after its commit (or autovacuum does).
  if (!em.isInTransaction()) await em.execute('vacuum (analyze) activity_overlap');
}

/** The rule tables follow the areas and target groups; refreshed whenever one is added. */
export async function refreshMatchTables(em: EntityManager): Promise<void> {
  await em.execute('select hub_refresh_area_match()');
  await em.execute('select hub_refresh_target_group_match()');
}

/**
 * Locks the part of the city whose stored pairs a write of activities in these areas can change. Two activities
 * pair only when an area of one counts as the same place as an area of the other (a row of area_match), so a
 * write takes its own areas exclusively and every area they match (neighbours, the district and municipality
 * around them, the estates inside them) shared: writes whose pairs could meet take turns, writes in different
 * parts of the city, which only share their district and municipality, go on in parallel. Taken before any row
 * lock and in key order, so no two writes wait for each other in a circle; give the areas before and after the
 * change. The wait may last 30 s, beyond the request statement timeout.
 */
export async function lockAreaBlocks(em: EntityManager, areaIds: readonly number[]): Promise<void> {
  if (areaIds.length === 0) return;
  const ids = pgArray([...new Set(areaIds)]);
  // The caller's own timeout (a heavy import sets a longer one) comes back after the locks; the select list is read left to right.
  const [{ previous }] = (await em.execute("select current_setting('statement_timeout') as previous, set_config('statement_timeout', '30s', true)")) as {
    previous: string;
  }[];
  await em.execute(
    `select case when own then pg_advisory_xact_lock(${AdvisoryLock.AREA_BLOCK}, k) else pg_advisory_xact_lock_shared(${AdvisoryLock.AREA_BLOCK}, k) end
     from (
       select k, bool_or(own) as own from (
         select unnest(?::int[]) as k, true as own
         union all select match_id, false from area_match where area_id = any(?::int[])
       ) keys group by k order by k
     ) ordered`,
    [ids, ids],
  );
  await em.execute("select set_config('statement_timeout', ?, true)", [previous]);
}

const areasOf = async (em: EntityManager, activityId: number) =>
  ((await em.execute('select area_id from activity_area where activity_id = ?', [activityId])) as { area_id: number }[]).map((r) => r.area_id);

/**
 * Prepares a change of one stored activity: locks the blocks of its areas and of the areas it is about to get,
 * then its row (FOR NO KEY UPDATE, which other writes' pair inserts do not wait for). Returns false when there
 * is no such activity. Areas changed by a write that committed in between are locked after the row.
 */
export async function lockActivityForChange(em: EntityManager, activityId: number, newAreaIds: readonly number[] = []): Promise<boolean> {
  const locked = new Set([...(await areasOf(em, activityId)), ...newAreaIds]);
  await lockAreaBlocks(em, [...locked]);
  const found = await em.execute('select id from activity where id = ? for no key update', [activityId]);
  if (found.length === 0) return false;
  const missed = (await areasOf(em, activityId)).filter((id) => !locked.has(id));
  // Out of key order, so it may deadlock; PostgreSQL then rolls one back and runMutation retries it.
  if (missed.length > 0) await lockAreaBlocks(em, missed);
  return true;
}

/** lockActivityForChange for many activities at once: their areas' blocks, then their rows in id order. */
export async function lockActivitiesForChange(em: EntityManager, activityIds: readonly number[], newAreaIds: readonly number[]): Promise<void> {
  if (activityIds.length === 0) return lockAreaBlocks(em, newAreaIds);
  const ids = pgArray([...new Set(activityIds)]);
  const areasOfAll = async () =>
    ((await em.execute('select distinct area_id from activity_area where activity_id = any(?::int[])', [ids])) as { area_id: number }[]).map((r) => r.area_id);
  const locked = new Set([...(await areasOfAll()), ...newAreaIds]);
  await lockAreaBlocks(em, [...locked]);
  await em.execute('select id from activity where id = any(?::int[]) order by id for no key update', [ids]);
  const missed = (await areasOfAll()).filter((id) => !locked.has(id));
  if (missed.length > 0) await lockAreaBlocks(em, missed);
}

/**
 * After the method keywords changed: infers the methods of activities without one again and rescores the pairs of
 * those whose inference changed, holding their part of the city like any activity write. Returns how many changed.
 */
export async function refreshInferences(em: EntityManager): Promise<number> {
  const touched = await learnToRest(em, async (ids) => {
    const areas = (await em.execute('select distinct area_id from activity_area where activity_id = any(?::int[])', [pgArray(ids)])) as { area_id: number }[];
    await lockAreaBlocks(
      em,
      areas.map((r) => r.area_id),
    );
  });
  if (touched.size > 0) await rescorePairs(em, pgArray([...touched]));
  return touched.size;
}

/** A method was created or renamed, or its keywords changed: what its catalogue entry says follows, in the same transaction. */
export async function refreshMethodPrior(em: EntityManager, methodId: number): Promise<void> {
  for (const sql of methodPriorSql(true)) await em.execute(sql, Array<number>((sql.match(/\?/g) ?? []).length).fill(methodId));
}

/**
 * The learned vocabulary follows every write at once, but the stored inferences of the other registrations without a
 * method are brought up to it here, every HUB_MODEL_REFRESH_MINUTES: those whose inferred method changed are rescored.
 * One hub at a time (an advisory lock; another hub finding it taken skips the round). Returns how many changed, or null
 * when another hub holds the round.
 */
export async function refreshLearnedInferences(em: EntityManager): Promise<number | null> {
  return em.transactional(async (tx) => {
    const [row] = (await tx.execute('select pg_try_advisory_xact_lock(?) as taken', [AdvisoryLock.MODEL_REFRESH])) as { taken: boolean }[];
    return row?.taken ? refreshInferences(tx) : null;
  });
}
