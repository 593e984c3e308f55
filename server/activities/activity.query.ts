import { ActivityStatus } from '../core/enums.js';
import { readModelOf } from '../core/read-model.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Conditions, descendantsSql, pgArray, rows } from '../core/sql.js';
import { Activity } from './activity.entity.js';
import type { ActivityCriteria } from './activity.filter.js';

/** SQL on an activity alias: a live activity, one that takes part in the city's work (not archived, not cancelled). */
export const liveActivitySql = (a: string) => `not ${a}.archived and ${a}.status <> '${ActivityStatus.CANCELLED}'`;

/** The statuses of an active activity. */
export const ACTIVE_STATUSES: ReadonlySet<string> = new Set([ActivityStatus.PLANNED, ActivityStatus.RUNNING]);

/** SQL on an activity alias: an activity that is planned or running (not archived). */
export const activeActivitySql = (a: string) => `not ${a}.archived and ${a}.status in (${[...ACTIVE_STATUSES].map((s) => `'${s}'`).join(', ')})`;

/** Columns of an activity row as the entity maps them (the search vector stays in the database). */
export const ACTIVITY_COLUMNS = [
  'id',
  'plan_id',
  'title',
  'description',
  'method_id',
  'contact_id',
  'status',
  'start_date',
  'end_date',
  'schedule',
  'capacity',
  'reference',
  'version',
  'archived',
  'created_at',
  'updated_at',
  'created_by_id',
  'idempotency_key',
  'inferred_method_id',
  'inferred_confidence',
  'inferred_words',
]
  .map((column) => `a.${column}`)
  .join(', ');

/**
 * Every word must begin a word of the activity after stemming, so "lektie" finds "lektiecafé" and
 * "lektiehjælp" (Danish compounds). Only letters and digits reach the tsquery.
 */
export function prefixQuery(text: string): string | undefined {
  const words = searchWords(text);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : undefined;
}

/** The words of a search, lower-cased, letters and digits only (so none can be a LIKE or tsquery operator), at most 20. */
function searchWords(text: string | undefined): string[] {
  return (
    (text ?? '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 20) ?? []
  );
}

/** Shorter words are found only at the start of a word: as parts of compounds they would match too much ("mor" in "humor"). */
const COMPOUND_PART_LETTERS = 4;
/** An activity's words as one lower-case text: the expression of the trigram index `activity_text_trgm` (migration activity_text_search). */
export const ACTIVITY_TEXT_SQL = "lower(a.title || ' ' || coalesce(a.description, ''))";

/** The WHERE conditions on `activity a` for a filter. */
export function activityConditions(criteria: ActivityCriteria): Conditions {
  const where = new Conditions();
  if (!criteria.includeArchived) where.add('not a.archived');
  if (criteria.visibleSql) where.add(criteria.visibleSql);
  if (criteria.planIds) where.add('a.plan_id = any(?::int[])', pgArray(criteria.planIds));
  if (criteria.methodIds) where.add('a.method_id = any(?::int[])', pgArray(criteria.methodIds));
  if (criteria.status) where.add('a.status = any(?::text[])', pgArray(criteria.status));
  if (criteria.areaIds) {
    where.add(`exists (select 1 from activity_area aa where aa.activity_id = a.id and aa.area_id in (${descendantsSql('area')}))`, pgArray(criteria.areaIds));
  }
  if (criteria.targetGroupIds) {
    where.add(
      `exists (select 1 from activity_target_group atg where atg.activity_id = a.id and atg.target_group_id in (${descendantsSql('target_group')}))`,
      pgArray(criteria.targetGroupIds),
    );
  }
  if (criteria.themeIds) {
    where.add('exists (select 1 from activity_theme at where at.activity_id = a.id and at.theme_id = any(?::int[]))', pgArray(criteria.themeIds));
  }
  if (criteria.activeOn) {
    where.add('a.start_date <= ?::date and (a.end_date is null or a.end_date >= ?::date)', criteria.activeOn, criteria.activeOn);
  }
  const words = searchWords(criteria.text);
  // A word begins a word of the activity after stemming ("lektie": "Lektiecafé"), or, from four letters, is part of a
  // compound anywhere in it ("mødre": "Bydelsmødre"); the trigram index of the same expression serves the second.
  for (const word of words.filter((w) => w.length >= COMPOUND_PART_LETTERS)) {
    where.add(`(a.search_vector @@ to_tsquery('hub_danish', ?) or ${ACTIVITY_TEXT_SQL} like ?)`, `${word}:*`, `%${word}%`);
  }
  // Shorter words in one query: a stop word ("i", "og") drops out of it instead of matching nothing on its own.
  const short = words.filter((w) => w.length < COMPOUND_PART_LETTERS);
  if (short.length) {
    const query = short.map((word) => `${word}:*`).join(' & ');
    where.add("(numnode(to_tsquery('hub_danish', ?)) = 0 or a.search_vector @@ to_tsquery('hub_danish', ?))", query, query);
  }
  return where;
}

/** One page of activities after `afterId`, ordered by id, and the count of the whole filtered list (run only when read). */
export async function findActivityPage(
  em: EntityManager,
  criteria: ActivityCriteria,
  first: number,
  afterId: number | undefined,
): Promise<{ items: Activity[]; count: () => Promise<number> }> {
  const where = activityConditions(criteria);
  const page = await rows(em, `select ${ACTIVITY_COLUMNS} from activity a where ${where.toSql()} and a.id > ? order by a.id limit ?`, [
    ...where.params,
    afterId ?? 0,
    first + 1,
  ]);
  const toModel = readModelOf(em, Activity);
  const count = async () => Number((await rows(em, `select count(*)::int as total from activity a where ${where.toSql()}`, where.params))[0]?.total ?? 0);
  return { items: page.map(toModel), count };
}

/**
 * Pages of activities for many owners (plans or methods) in one statement: for each owner, its first+1 rows
 * after the cursor, by index (LATERAL ... LIMIT), never the owner's whole list.
 */
export async function findActivityPagesByOwner(
  em: EntityManager,
  ownerColumn: 'plan_id' | 'method_id',
  ownerIds: readonly number[],
  criteria: ActivityCriteria,
  first: number,
  afterId: number | undefined,
): Promise<Map<number, Activity[]>> {
  const where = activityConditions(criteria);
  const result = await rows(
    em,
    `select page.* from unnest(?::int[]) as owner(id)
     cross join lateral (
       select ${ACTIVITY_COLUMNS} from activity a
       where a.${ownerColumn} = owner.id and ${where.toSql()} and a.id > ? order by a.id limit ?
     ) page
     order by page.${ownerColumn}, page.id`,
    [pgArray(ownerIds), ...where.params, afterId ?? 0, first + 1],
  );
  const toModel = readModelOf(em, Activity);
  const pages = new Map<number, Activity[]>(ownerIds.map((id) => [id, []]));
  for (const row of result) pages.get(Number(row[ownerColumn]))!.push(toModel(row));
  return pages;
}

/** The size of each owner's whole filtered list, in one statement: asked only for a query that selects totalCount. */
export async function countActivitiesByOwner(
  em: EntityManager,
  ownerColumn: 'plan_id' | 'method_id',
  ownerIds: readonly number[],
  criteria: ActivityCriteria,
): Promise<Map<number, number>> {
  const where = activityConditions(criteria);
  const result = await rows(
    em,
    `select a.${ownerColumn} as owner, count(*)::int as total from activity a where a.${ownerColumn} = any(?::int[]) and ${where.toSql()} group by 1`,
    [pgArray(ownerIds), ...where.params],
  );
  return new Map(result.map((row) => [Number(row.owner), Number(row.total)]));
}
