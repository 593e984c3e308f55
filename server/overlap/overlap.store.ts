import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, rows } from '../core/sql.js';
import { OVERLAP_MODEL_VERSION, scoredPairsSql, storedSubjectsSql, STORE_FLOOR } from './overlap.sql.js';

const MODEL_KEY = 'overlap_model';

const insertPairs = (source: string) => `
  insert into activity_overlap (activity_a_id, activity_b_id, score, reasons, common_start, common_end, same_plan)
  select least(p.s_id, p.b_id), greatest(p.s_id, p.b_id), p.score, p.reasons, p.common_start, p.common_end, p.same_plan
  from (${source}) p
  where p.score >= ${STORE_FLOOR}
  on conflict (activity_a_id, activity_b_id) do update
    set score = excluded.score, reasons = excluded.reasons, common_start = excluded.common_start,
        common_end = excluded.common_end, same_plan = excluded.same_plan`;

/** Recomputes every stored pair (after a bulk load, or when the scoring model changed). */
export async function refreshAllOverlaps(em: EntityManager): Promise<void> {
  await em.execute('select hub_refresh_area_match()');
  await em.execute('select hub_refresh_target_group_match()');
  // After a bulk load the planner must know the new sizes, or it blocks on the wrong side of the join.
  for (const table of ['area_match', 'target_group_match', 'activity', 'activity_area', 'activity_target_group', 'activity_theme']) {
    await em.execute(`analyze ${table}`);
  }
  await em.execute('delete from activity_overlap');
  await em.execute(insertPairs(scoredPairsSql(storedSubjectsSql(false), { forward: true })));
  await em.execute(
    'insert into hub_setting (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
    [MODEL_KEY, OVERLAP_MODEL_VERSION],
  );
}

/** Recomputes the pairs of the given activities, in the caller's transaction. */
export async function refreshActivityOverlaps(em: EntityManager, activityIds: number[]): Promise<void> {
  const ids = pgArray(activityIds);
  await em.execute('delete from activity_overlap where activity_a_id = any(?::int[]) or activity_b_id = any(?::int[])', [ids, ids]);
  await em.execute(insertPairs(scoredPairsSql(storedSubjectsSql(true), { forward: false })), [ids]);
}

/** At start: recompute the stored pairs when they were computed by another scoring model (or never). */
export async function ensureOverlapsCurrent(em: EntityManager): Promise<boolean> {
  const [setting] = await rows(em, 'select value from hub_setting where key = ?', [MODEL_KEY]);
  if (setting?.value === OVERLAP_MODEL_VERSION) return false;
  await em.transactional((tx) => refreshAllOverlaps(tx));
  return true;
}

/** The rule tables follow the areas and target groups; refreshed whenever one is added. */
export async function refreshMatchTables(em: EntityManager): Promise<void> {
  await em.execute('select hub_refresh_area_match()');
  await em.execute('select hub_refresh_target_group_match()');
}

const ACTIVITY_WRITE_LOCK = 4_207_312;

/**
 * Serializes transactions that change activities (and so their stored pairs): concurrent refreshes of
 * neighbouring activities would otherwise lock the same pairs in opposite orders. Taken first in the
 * transaction; the wait is allowed 30 s, beyond the request statement timeout.
 */
export async function lockActivityWrites(em: EntityManager): Promise<void> {
  await em.execute("set local statement_timeout = '30s'");
  await em.execute('select pg_advisory_xact_lock(?)', [ACTIVITY_WRITE_LOCK]);
  await em.execute('reset statement_timeout');
}
