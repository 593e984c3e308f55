import { liveActivitySql } from '../activities/activity.query.js';
import { MIN_INFERENCE_CONFIDENCE } from '../activities/inferred-method.js';
/**
 * Overlap scoring in PostgreSQL (DESIGN.md "What an overlap is").
 *
 * Candidates are blocked on the precomputed rule tables: a subject's (area, target group) keys join
 * area_match and target_group_match and then the indexed pivots of the other activities, so only
 * activities in a matching place for matching people are ever compared; the period test follows.
 * Each candidate pair is then scored:
 *
 *   kind  = the method an activity names, or else the one its words point to (inferred from the method keywords
 *           with a confidence; used from MIN_INFERENCE_CONFIDENCE)
 *   work  = for the same kind 0.5 + 0.5 x the lower confidence (1 when both name it); for two different known kinds 0;
 *           else, with a shared theme, text similarity mapped from [0.15, 0.35] to [0, 1], without one from [0.45, 0.65]
 *           (text similarity: of the content words, Danish stems without place and group names, as trigrams and as
 *           a set; or, when only one side names a method, how well that method's name shows in the other's text)
 *   fit   = 0.3 group + 0.3 area + 0.2 period + 0.2 schedule                     (each 0..1)
 *   score = work * (0.4 + 0.6 fit)
 *
 * group: 1 the same group, 0.85 a group and its sub-group. area: 1 the same area, 0.9 one inside the
 * other, 1 - 0.4 d/1.5 for centroids d km apart. period: shared days over the shorter period (open
 * ends count one year). schedule: 1 clashing slots, 0.5 the same weekday or no schedule to compare,
 * 0 different days. Each reason's weight is its share of the score, so the weights add up to it.
 */

/** Bump when the scoring changes: the hub then recomputes the stored pairs at start. */
export const OVERLAP_MODEL_VERSION = '7';

/** Pairs below this score are not stored; minScore below it answers as if it were this. */
export const STORE_FLOOR = 0.15;

// Placeholders are '?', so the SQL below never uses a literal question mark.

/** Calibrated on the labelled set in test/overlap-labelled.test.ts: precision and recall both at least 0.95. */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * The content words of an activity row `x` (with title, description, method_id, area_ids, group_ids): Danish stems
 * of its title and description without the names of its places and target groups, and those of its method's name.
 */
const wordsOf = (x: string) => `cross join lateral (select
    array(select distinct hub_norm(a.name) from area_match m join area a on a.id = m.match_id
      where m.area_id = any(${x}.area_ids) and m.relation in ('SAME', 'INSIDE')) as places,
    (select string_agg(g.name, ' ') from target_group_match m join target_group g on g.id = m.match_id
      where m.group_id = any(${x}.group_ids) and m.relation in ('SAME', 'PART_OF')) as groups) n
  cross join lateral (select hub_content_words(${x}.title, ${x}.description, n.places, n.groups) as content_stems,
    hub_content_words(${x}.title, ${x}.description, n.places, null) || array(select 'group:' || g from unnest(${x}.group_ids) g order by g) as kind_stems,
    (select hub_content_words(name, null, '{}', n.groups) from method where id = ${x}.method_id) as method_stems) w`;

const fmt = (n: string, digits = 3) => `round((${n})::numeric, ${digits})::float8`;

// Reasons are stored in Danish, the users' language, and in English (detail_en) for those who ask for it.
const DA_MONTHS = `array['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december']`;
const EN_MONTHS = `array['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']`;
/** "5. januar 2027". */
const daDate = (d: string) => `format('%s. %s %s', extract(day from ${d})::int, (${DA_MONTHS})[extract(month from ${d})::int], extract(year from ${d})::int)`;
/** "5 January 2027". */
const enDate = (d: string) => `format('%s %s %s', extract(day from ${d})::int, (${EN_MONTHS})[extract(month from ${d})::int], extract(year from ${d})::int)`;
/** "0,6": a Danish decimal comma. */
const daNumber = (n: string, digits: number) => `replace(round((${n})::numeric, ${digits})::text, '.', ',')`;

/** One side of a shared method a text points to: chosen by its plan, or named by the words that point to it. */
const methodSide = (x: 's' | 'b', language: 'da' | 'en') => {
  const [chosen, word, words, text] =
    language === 'da'
      ? ['har den valgt', 'nævner ordet', 'nævner ordene', 'ligner den']
      : ['has chosen it', 'mentions the word', 'mentions the words', 'resembles it'];
  return `case when not sc.${x}_inferred then format('''%s'' ${chosen}', sc.${x}_title)
    when cardinality(sc.${x}_inferred_words) > 0 then format('''%s'' %s %s', sc.${x}_title,
      case when cardinality(sc.${x}_inferred_words) = 1 then '${word}' else '${words}' end,
      (select string_agg(format('"%s"', w), ', ') from unnest(sc.${x}_inferred_words) w))
    else format('''%s'' ${text}', sc.${x}_title) end`;
};
/** "tirsdage" for TUESDAY. */
const daDays = (day: string) =>
  `(jsonb_build_object('MONDAY', 'mandage', 'TUESDAY', 'tirsdage', 'WEDNESDAY', 'onsdage', 'THURSDAY', 'torsdage', 'FRIDAY', 'fredage', 'SATURDAY', 'lørdage', 'SUNDAY', 'søndage')->>(${day}))`;
/** "Tuesdays" for TUESDAY. */
const enDays = (day: string) => `(initcap(${day}) || 's')`;

// Words are split at white space and punctuation; a hyphenated word stays whole ("gå-hold").
const WORD_SPLIT = '[[:space:].,;:!()"/&+]+';

/** Evidence a method needs to be preferred over "none of them": the odds a single word must beat. */
const NO_METHOD_BIAS = 3.5;
/** Weaker guesses are not kept: too unsure even to offer for confirmation. */
const MIN_STORED_CONFIDENCE = 0.1;
/** Below 1 the best method's lead counts for more: tuned, with the weights here, on the phrasings tuning may see. */
const SHARPNESS = 0.7;
/** A method that does not use a telling word loses at most this much evidence by it. */
const AGAINST_CAP = 2;
/** A method with this many registrations, none of them for the activity's people, counts AGAINST_CAP less. */
const GROUP_EVIDENCE_REGISTRATIONS = 3;
/** How much a word counts by where it is written. */
const TITLE_WEIGHT = 1.0;
const DESCRIPTION_WEIGHT = 0.5;

/**
 * How many registrations each method has, once per statement (scoring and inference need it in scope): method_term
 * counts, for every method and word stem or part, the activities naming the method that use it (docs; term '' counts
 * the activities themselves) and what its catalogue entry says (prior: the name as one registration, the keywords as
 * three: methodPriorSql), so a fresh catalogue with names only already points somewhere. Terms are looked up by
 * index where a text uses them.
 */
export const METHOD_SIZE = `method_size as materialized (
  select method_id, docs + prior as docs, sum(docs + prior) over () as all_docs, docs as registrations
  from method_term where term = ''
)`;

/**
 * What methods' catalogue entries say before any registration, into method_term.prior: the name counts as one
 * registration of its words and their parts, the keywords as three (whole, as people chose them). All methods, or
 * the one with the id `?`.
 */
export function methodPriorSql(oneMethod: boolean): string[] {
  const which = oneMethod ? 'm.id = ?::int' : 'true';
  return [
    `update method_term t set prior = 0 from method m where m.id = t.method_id and ${which} and t.prior <> 0`,
    `insert into method_term (method_id, term, docs, prior)
    select e.method_id, e.term, 0, sum(e.weight) from (
      select m.id as method_id, '' as term, 1 + case when cardinality(m.keywords) > 0 then ${KEYWORD_DOCS} else 0 end as weight from method m where ${which}
      union all select m.id, n.term, 1 from method m cross join unnest(hub_stem_parts(hub_content_words(m.name, null, '{}', null))) as n(term) where ${which}
      union all select distinct m.id, (tsvector_to_array(to_tsvector('hub_danish', hub_norm(replace(k.keyword, '-', '')))))[1], ${KEYWORD_DOCS}
        from method m cross join unnest(m.keywords) as k(keyword) where ${which}
    ) e where e.term is not null group by e.method_id, e.term
    on conflict (method_id, term) do update set prior = excluded.prior`,
    'delete from method_term where docs <= 0 and prior <= 0',
  ];
}

/** Curated keywords were chosen by people to show the method: they count as this many registrations. */
const KEYWORD_DOCS = 3;

/** What row x itself taught under the method `method` (leave-one-out: never evidence for itself). */
const ownWeight = (x: string, method: string) => `(case when ${method} = ${x}.learned_method_id then ${x}.learned_weight else 0 end)`;

/** How much more likely a word stem is among a method's registrations than among the others' (log odds, smoothed). */
const logOdds = (t: string) =>
  `ln(((${t}.docs + 0.5) / (${t}.method_docs + 1.0)) / ((${t}.term_all - ${t}.docs + 0.5) / (${t}.all_docs - ${t}.method_docs + 1.0)))`;

/**
 * The method the words of a row x without a method point to (its kind stems in `stems`): each word of its title
 * (weight TITLE_WEIGHT) and description (DESCRIPTION_WEIGHT) is judged on one stem or compound part, the most telling
 * one any registration uses, and counts for each method with that stem's log odds (weighed by its share of the word)
 * where they favour the method; a stem common to several methods has odds near even and decides nothing.
 * Confidence is the best method's lead over the runner-up against all methods and "none" (NO_METHOD_BIAS).
 */
export const inferenceOf = (x: string, stems: string) => `left join lateral (
  select r.method_id as inferred_method_id, ${fmt('r.confidence')} as inferred_confidence, r.words as inferred_words
  from (
    select p.method_id, p.words, row_number() over (order by p.score desc, p.method_id) as rank,
      (exp(p.score / ${SHARPNESS}) - coalesce(exp(lead(p.score) over (order by p.score desc, p.method_id) / ${SHARPNESS}), 0))
        / (exp(${NO_METHOD_BIAS} / ${SHARPNESS}) + sum(exp(p.score / ${SHARPNESS})) over ()) as confidence
    from (
      select q.method_id, q.score + coalesce(g.against, 0) as score, q.words from (
      -- The words named are those that decided: at least half as telling as the best one, three at most.
      select b.method_id, sum(b.evidence) as score,
        (array_agg(b.word order by b.evidence desc, b.word) filter (where b.evidence > 0 and b.evidence >= 0.5 * b.top))[1:3] as words
      from (select c.*, max(c.evidence) over (partition by c.method_id) as top from (
        -- A method that does not use the stem of the word at all counts it against itself (never for itself, however small).
        select pw.word, ms.method_id, pw.weight * (0.5 + 0.5 * pw.share) * greatest(-${AGAINST_CAP}, coalesce(pw.odds_of[array_position(pw.users, ms.method_id)],
          least(0, ln((0.5 / (ms.docs - ${ownWeight(x, 'ms.method_id')} + 1.0))
            / ((pw.term_all + 0.5) / (pw.all_docs - ms.docs + ${ownWeight(x, 'ms.method_id')} + 1.0)))))) as evidence
        from (select distinct on (j.word) j.* from (
          -- One stem or part speaks for the word, the most telling one any registration uses (the whole word, or the part of
          -- a compound that says most, weighed by its share of the word), and every method is judged on it: a part common
          -- to several methods decides nothing. A hyphenated word ("gå-hold") is looked up as written and run together.
          select k.*, dense_rank() over (partition by k.word order by k.share = 1 desc, k.telling desc, k.term) as pick,
            array_agg(k.method_id) over (partition by k.word, k.term) as users, array_agg(k.odds) over (partition by k.word, k.term) as odds_of
          from (
            select t.*, ${logOdds('t')} as odds, max(${logOdds('t')} * (0.5 + 0.5 * t.share)) over (partition by t.word, t.term) as telling
            from (
            select ww.word, ww.weight, p.term, p.share, mt.method_id, mt.docs + mt.prior - own.w as docs, ms.docs - own.w as method_docs,
              ms.all_docs - coalesce(${x}.learned_weight, 0) as all_docs, sum(mt.docs + mt.prior - own.w) over (partition by ww.word, p.term) as term_all
            from (
              select u.word, min(u.stem) as stem, max(u.weight) as weight from (
                select w.word, w.weight,
                  (select l from unnest(tsvector_to_array(to_tsvector('hub_danish', hub_norm(w.word)))) as l order by length(l) desc, l limit 1) as stem
                from (
                  select w as word, ${TITLE_WEIGHT} as weight from regexp_split_to_table(lower(coalesce(${x}.title, '')), '${WORD_SPLIT}') as w
                  union all select w, ${DESCRIPTION_WEIGHT} from regexp_split_to_table(lower(coalesce(${x}.description, '')), '${WORD_SPLIT}') as w
                ) w where length(w.word) >= 3 and ${x}.method_id is null
              ) u where u.stem = any(${stems}) group by u.word
            ) ww
            cross join lateral (
              select q.term, least(1.0, length(replace(q.term, '-', ''))::float8 / length(replace(ww.stem, '-', ''))) as share
              from (select distinct unnest(hub_stem_parts(array[ww.stem, replace(ww.stem, '-', '')]) || string_to_array(ww.stem, '-'))) as q(term)
            ) p
            join method_term mt on mt.term = p.term
            join method_size ms on ms.method_id = mt.method_id
            -- What x itself taught under the method inferred for it does not count as evidence for that method.
            cross join lateral (select ${ownWeight(x, 'mt.method_id')} as w) own
            where mt.docs + mt.prior - own.w > 0
            ) t
          ) k
        ) j where j.pick = 1 order by j.word) pw cross join method_size ms
      ) c) b group by b.method_id
      ) q
      -- Whom it is for: a method with registrations of which none is for these people is less likely.
      join method_size qs on qs.method_id = q.method_id
      left join (
        select mt.method_id, sum(mt.docs - case when mt.term = any(${stems}) then ${ownWeight(x, 'mt.method_id')} else 0 end) as served
        from method_term mt
        where mt.term = any(array(select 'group:' || gm.match_id from target_group_match gm where gm.group_id = any(${x}.group_ids)))
        group by mt.method_id
      ) gs on gs.method_id = q.method_id
      cross join lateral (
        select case when cardinality(${x}.group_ids) > 0 and coalesce(gs.served, 0) <= 0
          and qs.registrations - ${ownWeight(x, 'q.method_id')} >= ${GROUP_EVIDENCE_REGISTRATIONS}
          then -${AGAINST_CAP} else 0 end as against
      ) g
      where q.score + coalesce(g.against, 0) > 0
    ) p
  ) r where r.rank = 1 and ${x}.method_id is null and r.confidence >= ${MIN_STORED_CONFIDENCE}
) i on true`;

const liveActivitiesSql = (
  onlyIds: boolean,
  columns: string,
) => `select a.id, a.plan_id, a.method_id, a.start_date, a.end_date, a.schedule, a.title, a.description, a.learned_method_id, a.learned_weight,
      array(select theme_id from activity_theme where activity_id = a.id) as theme_ids,
      array(select target_group_id from activity_target_group where activity_id = a.id) as group_ids,
      array(select area_id from activity_area where activity_id = a.id) as area_ids${columns}
    from activity a
    where ${liveActivitySql('a')}${onlyIds ? ' and a.id = any(?::int[])' : ''}`;

/**
 * Stores the content words of activities (all, or those with the ids `?::int[]`), so that scoring reads them
 * instead of analysing every candidate's text again. Run before scoring the activities' pairs.
 */
export function storeActivityWordsSql(onlyIds: boolean): string {
  return `with ${METHOD_SIZE}
    update activity t set content_stems = w.content_stems, kind_stems = w.kind_stems, method_stems = w.method_stems,
      inferred_method_id = i.inferred_method_id, inferred_confidence = i.inferred_confidence, inferred_words = i.inferred_words
    from (${liveActivitiesSql(onlyIds, '')}) x ${wordsOf('x')} ${inferenceOf('x', 'w.kind_stems')}
    where t.id = x.id and (t.content_stems, t.kind_stems, t.method_stems, t.inferred_method_id, t.inferred_confidence, t.inferred_words)
      is distinct from (w.content_stems, w.kind_stems, w.method_stems, i.inferred_method_id, i.inferred_confidence, i.inferred_words)`;
}

/** What a registration without a method teaches under the method inferred for it (with MIN_INFERENCE_CONFIDENCE), against 1 for a chosen one. */
export const INFERRED_EXAMPLE_WEIGHT = 0.5;

/** A stored confidence this close to the model's answer is left as it is: a pair's score moves by half of it at most. */
const CONFIDENCE_STEP = 0.01;

/**
 * Ids of the live activities without a method whose stored inference is behind the model (another method, other deciding
 * words, a confidence off by CONFIDENCE_STEP or more), or which teach the model otherwise than their inference says.
 */
export function changedInferencesSql(): string {
  return `with ${METHOD_SIZE}
    select x.id from (${liveActivitiesSql(false, ', a.kind_stems, a.inferred_method_id as stored_method, a.inferred_confidence as stored_confidence, a.inferred_words as stored_words')}) x
    ${inferenceOf('x', 'x.kind_stems')}
    where x.method_id is null
      and ((x.stored_method, x.stored_words) is distinct from (i.inferred_method_id, i.inferred_words)
        or abs(coalesce(x.stored_confidence, 0) - coalesce(i.inferred_confidence, 0)) >= ${CONFIDENCE_STEP}
        or (coalesce(x.stored_confidence, 0) >= ${MIN_INFERENCE_CONFIDENCE}) <> (coalesce(i.inferred_confidence, 0) >= ${MIN_INFERENCE_CONFIDENCE})
        or (x.learned_method_id, x.learned_weight) is distinct from (
          case when x.stored_confidence >= ${MIN_INFERENCE_CONFIDENCE} then x.stored_method end,
          case when x.stored_confidence >= ${MIN_INFERENCE_CONFIDENCE} then ${INFERRED_EXAMPLE_WEIGHT}::float8 end))`;
}

/** Live stored activities as subjects, optionally only those with the given ids (`?::int[]`). */
export function storedSubjectsSql(onlyIds: boolean): string {
  return liveActivitiesSql(onlyIds, ', a.content_stems, a.method_stems, a.inferred_method_id, a.inferred_confidence, a.inferred_words');
}

/** A draft as the single subject, id 0; parameters in the order of its columns after id. */
export const DRAFT_SUBJECT_SQL = `select d.*, w.content_stems, w.method_stems, i.inferred_method_id, i.inferred_confidence, i.inferred_words from (
  select 0 as id, ?::int as plan_id, ?::int as method_id, ?::date as start_date, ?::date as end_date,
  ?::jsonb as schedule, ?::text as title, ?::text as description, ?::int[] as theme_ids, ?::int[] as group_ids, ?::int[] as area_ids,
  null::int as learned_method_id, null::float8 as learned_weight
) d ${wordsOf('d')} ${inferenceOf('d', 'w.kind_stems')}`;

/** The method a draft's title and description (parameters, in that order) point to: one row or none. */
export const DRAFT_INFERENCE_SQL = `with ${METHOD_SIZE}
  select i.inferred_method_id, i.inferred_confidence, i.inferred_words
  from (select null::int as method_id, ?::text as title, ?::text as description, null::int[] as group_ids, null::int as learned_method_id, null::float8 as learned_weight) d
  cross join lateral (select hub_content_words(d.title, d.description, '{}', null) as kind_stems) w
  ${inferenceOf('d', 'w.kind_stems')}
  where i.inferred_method_id is not null`;

/** The kind of work of an activity alias: its method, or the inferred one when sure enough. */
export const kindOf = (a: string) =>
  `coalesce(${a}.method_id, case when ${a}.inferred_confidence >= ${MIN_INFERENCE_CONFIDENCE} then ${a}.inferred_method_id end)`;
const kindConfidenceOf = (a: string) => `case when ${a}.method_id is not null then 1.0 else ${a}.inferred_confidence end`;

/**
 * Scored pairs of each subject with every live stored activity it overlaps.
 * `forward` keeps each pair once (other id greater than the subject's) for a full recomputation.
 * Rows: s_id, b_id, score, reasons (jsonb), common_start, common_end, same_plan.
 */
export function scoredPairsSql(subjectSql: string, options: { forward: boolean }): string {
  return `
with ${METHOD_SIZE},
subject as (${subjectSql}),
-- Each subject's places first (with what scoring needs of the subject), so the plan starts from them and reaches
-- the other activities by index; no later step joins back to a CTE, which misplans on big loads.
places as materialized (
  select s.id as s_id, sa.area_id as s_area, am.match_id as b_area, am.relation as area_rel, am.distance_km,
    case am.relation when 'SAME' then 1.0 when 'NEAR' then 1 - 0.4 * am.distance_km / 1.5 else 0.9 end as area_fit,
    s.plan_id as s_plan, s.method_id, s.start_date as s_start, s.end_date as s_end, s.schedule as s_schedule, s.title as s_title,
    s.theme_ids as s_themes, s.group_ids as s_groups, s.content_stems as s_stems, s.method_stems as s_method_stems,
    ${kindOf('s')} as s_kind, ${kindConfidenceOf('s')} as s_kind_confidence, s.method_id is null as s_inferred, s.inferred_words as s_inferred_words
  from subject s cross join lateral unnest(s.area_ids) as sa(area_id) join area_match am on am.area_id = sa.area_id
),
-- Every other activity in a matching place once, at its best place match: a subject with many areas does not
-- multiply its candidates.
candidates as materialized (
  select distinct on (p.s_id, ba.activity_id) p.*, ba.activity_id as b_id
  from places p join activity_area ba on ba.area_id = p.b_area
  where ba.activity_id ${options.forward ? '>' : '<>'} p.s_id
  order by p.s_id, ba.activity_id, p.area_fit desc, p.b_area, p.s_area
),
-- Live, in the same period, possibly doing the same work (not two different known kinds, which score 0), and for
-- matching people, at the best group match.
best as materialized (
  select c.*, g.s_group, g.b_group, g.group_rel, g.group_fit,
    b.plan_id as b_plan, b.method_id as b_method_id, b.start_date as b_start, b.end_date as b_end, b.schedule as b_schedule, b.title as b_title,
    b.content_stems as b_stems, b.method_stems as b_method_stems,
    ${kindOf('b')} as b_kind, ${kindConfidenceOf('b')} as b_kind_confidence, b.method_id is null as b_inferred, b.inferred_words as b_inferred_words
  from candidates c
  join activity b on b.id = c.b_id
  cross join lateral (
    select sg.group_id as s_group, gm.match_id as b_group, gm.relation as group_rel, case gm.relation when 'SAME' then 1.0 else 0.85 end as group_fit
    from unnest(c.s_groups) as sg(group_id)
    join target_group_match gm on gm.group_id = sg.group_id
    join activity_target_group bg on bg.activity_id = c.b_id and bg.target_group_id = gm.match_id
    order by 4 desc, gm.match_id, sg.group_id limit 1
  ) g
  where ${liveActivitySql('b')}
    and c.s_start <= coalesce(b.end_date, 'infinity') and b.start_date <= coalesce(c.s_end, 'infinity')
    and (c.s_kind is null or ${kindOf('b')} is null or c.s_kind = ${kindOf('b')})
),
-- Content words as stored with each activity (storeActivityWordsSql), not analysed again per pair.
txt as materialized (
  select best.*, array_to_string(best.s_stems, ' ') as s_content, array_to_string(best.b_stems, ' ') as b_content,
    array_to_string(best.s_method_stems, ' ') as s_method_name, array_to_string(best.b_method_stems, ' ') as b_method_name
  from best
),
features as materialized (
  select t.*,
    greatest(t.s_start, t.b_start) as common_start,
    nullif(least(coalesce(t.s_end, 'infinity'), coalesce(t.b_end, 'infinity')), 'infinity') as common_end,
    coalesce(t.s_kind = t.b_kind, false) as same_method, t.s_kind is not null and t.b_kind is not null as both_known,
    least(t.s_kind_confidence, t.b_kind_confidence) as kind_confidence,
    array(select unnest(t.s_themes) intersect select at.theme_id from activity_theme at where at.activity_id = t.b_id) as shared_themes,
    -- One side names no method: how well the other's method shows in its text ("lektiecafé" in a text without a method).
    case when t.s_method_name is not null and t.b_method_name is null then word_similarity(t.s_method_name, t.b_content)
      when t.b_method_name is not null and t.s_method_name is null then word_similarity(t.b_method_name, t.s_content) end as method_in_text,
    least(1.0, greatest(0.0,
      (least(coalesce(t.s_end, greatest(t.s_start, t.b_start) + 365), coalesce(t.b_end, greatest(t.s_start, t.b_start) + 365))
        - greatest(t.s_start, t.b_start) + 1)::float8
      / greatest(1, least(coalesce(t.s_end, t.s_start + 365) - t.s_start + 1, coalesce(t.b_end, t.b_start + 365) - t.b_start + 1))
    )) as period_fit,
    (select jsonb_build_object('day', x->>'weekday', 'from', greatest(x->>'startTime', y->>'startTime'), 'to', least(x->>'endTime', y->>'endTime'))
       from jsonb_array_elements(t.s_schedule) x, jsonb_array_elements(t.b_schedule) y
       where x->>'weekday' = y->>'weekday' and x->>'startTime' < y->>'endTime' and y->>'startTime' < x->>'endTime'
       limit 1) as clash,
    (select x->>'weekday' from jsonb_array_elements(t.s_schedule) x, jsonb_array_elements(t.b_schedule) y
       where x->>'weekday' = y->>'weekday' limit 1) as same_day,
    jsonb_array_length(t.s_schedule) > 0 and jsonb_array_length(t.b_schedule) > 0 as both_scheduled
  from txt t
),
texts as materialized (
  select f.*,
    case when not f.both_known then greatest(
      similarity(f.s_content, f.b_content),
      (select count(*) from unnest(f.s_stems) x where x = any(f.b_stems))::float8
        / nullif(cardinality(array(select unnest(f.s_stems) union select unnest(f.b_stems))), 0)
    ) end as content_sim,
    case when f.clash is not null then 1.0 when f.same_day is not null then 0.5 when f.both_scheduled then 0.0 else 0.5 end as schedule_fit
  from features f
),
weighed as materialized (
  select t.*, greatest(t.content_sim, t.method_in_text) as text_sim,
    case when t.same_method then 0.5 + 0.5 * t.kind_confidence when t.both_known then 0.0
      when cardinality(t.shared_themes) > 0 then least(1.0, greatest(0.0, (coalesce(greatest(t.content_sim, t.method_in_text), 0) - 0.15) / 0.2))
      -- Without a shared theme only a strong likeness of the words counts.
      else least(1.0, greatest(0.0, (coalesce(greatest(t.content_sim, t.method_in_text), 0) - 0.45) / 0.2)) end as work
  from texts t
),
scored as materialized (
  select w.*, w.work * (0.4 + 0.6 * (0.3 * w.group_fit + 0.3 * w.area_fit + 0.2 * w.period_fit + 0.2 * w.schedule_fit)) as raw_score
  from weighed w
)
select sc.s_id, sc.b_id, ${fmt('sc.raw_score', 4)} as score, sc.common_start, sc.common_end, sc.s_plan = sc.b_plan as same_plan,
  (select coalesce(jsonb_agg(r), '[]'::jsonb) from jsonb_array_elements(jsonb_build_array(
    case when sc.same_method then hub_reason('METHOD', ${fmt('0.4 * sc.work')},
      case when not sc.s_inferred and not sc.b_inferred
        then format('begge bruger metoden ''%s''', m.name)
        else format('samme metode, ''%s'' (udledt af teksten): %s, og %s', m.name, ${methodSide('s', 'da')}, ${methodSide('b', 'da')}) end,
      case when not sc.s_inferred and not sc.b_inferred
        then format('both use the method ''%s''', m.name)
        else format('the same method, ''%s'' (inferred from the text): %s, and %s', m.name, ${methodSide('s', 'en')}, ${methodSide('b', 'en')}) end) end,
    case when not sc.same_method and cardinality(sc.shared_themes) > 0 then hub_reason('THEME', ${fmt('0.1 * sc.work')},
      format('begge arbejder med %s', th.da), format('both work on %s', th.en)) end,
    case when not sc.same_method then hub_reason('TEXT',
      case when cardinality(sc.shared_themes) > 0 then ${fmt('0.3 * sc.work')} else ${fmt('0.4 * sc.work')} end,
      case when coalesce(sc.method_in_text, 0) > coalesce(sc.content_sim, 0)
        then format('''%s'' har ingen metode valgt, men teksten minder om metoden ''%s'', som ''%s'' bruger (lighed %s %%)',
          tx.without_method, tx.method_name, tx.with_method, round(100 * sc.method_in_text))
        else format('''%s'' og ''%s'' har titler og beskrivelser, der ligner hinanden (lighed %s %%)', sc.s_title, sc.b_title, round(100 * sc.content_sim)) end,
      case when coalesce(sc.method_in_text, 0) > coalesce(sc.content_sim, 0)
        then format('''%s'' has no method chosen, but its text resembles the method ''%s'' that ''%s'' uses (similarity %s%%)',
          tx.without_method, tx.method_name, tx.with_method, round(100 * sc.method_in_text))
        else format('''%s'' and ''%s'' have similar titles and descriptions (similarity %s%%)', sc.s_title, sc.b_title, round(100 * sc.content_sim)) end) end,
    hub_reason('TARGET_GROUP', ${fmt('sc.work * 0.18 * sc.group_fit')},
      case sc.group_rel when 'SAME' then format('begge for ''%s''', g1.name) when 'PART_OF' then format('''%s'' er en del af ''%s''', g1.name, g2.name)
        else format('''%s'' omfatter ''%s''', g1.name, g2.name) end,
      case sc.group_rel when 'SAME' then format('both serve ''%s''', g1.name) when 'PART_OF' then format('''%s'' is part of ''%s''', g1.name, g2.name)
        else format('''%s'' includes ''%s''', g1.name, g2.name) end),
    hub_reason('AREA', ${fmt('sc.work * 0.18 * sc.area_fit')},
      case sc.area_rel when 'SAME' then format('begge i %s', a1.name) when 'INSIDE' then format('%s ligger i %s', a1.name, a2.name)
        when 'CONTAINS' then format('%s omfatter %s', a1.name, a2.name)
        else format('%s og %s ligger %s km fra hinanden', a1.name, a2.name, ${daNumber('sc.distance_km', 1)}) end,
      case sc.area_rel when 'SAME' then format('both in %s', a1.name) when 'INSIDE' then format('%s lies in %s', a1.name, a2.name)
        when 'CONTAINS' then format('%s contains %s', a1.name, a2.name)
        else format('%s and %s are %s km apart', a1.name, a2.name, round(sc.distance_km::numeric, 1)) end),
    hub_reason('PERIOD', ${fmt('sc.work * 0.12 * sc.period_fit')},
      case when sc.common_end is null then format('begge kører fra %s uden slutdato', ${daDate('sc.common_start')})
        else format('begge kører fra og med %s til og med %s', ${daDate('sc.common_start')}, ${daDate('sc.common_end')}) end,
      case when sc.common_end is null then format('both run from %s with no end date', ${enDate('sc.common_start')})
        else format('both run from %s up to and including %s', ${enDate('sc.common_start')}, ${enDate('sc.common_end')}) end),
    case when sc.schedule_fit > 0 then hub_reason('SCHEDULE', ${fmt('sc.work * 0.12 * sc.schedule_fit')},
      case when sc.clash is not null
          then format('begge %s kl. %s-%s', ${daDays("sc.clash->>'day'")}, replace(sc.clash->>'from', ':', '.'), replace(sc.clash->>'to', ':', '.'))
        when sc.same_day is not null then format('begge på %s, men på forskellige tidspunkter', ${daDays('sc.same_day')})
        else 'tidspunkterne kan ikke sammenlignes: mindst én af dem har intet ugeskema' end,
      case when sc.clash is not null then format('both on %s %s-%s', ${enDays("sc.clash->>'day'")}, sc.clash->>'from', sc.clash->>'to')
        when sc.same_day is not null then format('both on %s, at different times', ${enDays('sc.same_day')})
        else 'the times cannot be compared: at least one has no weekly schedule' end) end
  )) r where r <> 'null'::jsonb) as reasons
from scored sc
left join method m on m.id = sc.s_kind
left join target_group g1 on g1.id = sc.s_group
left join target_group g2 on g2.id = sc.b_group
left join area a1 on a1.id = sc.s_area
left join area a2 on a2.id = sc.b_area
cross join lateral (select
  (select string_agg(format('''%s''', name), ' og ' order by code) from theme where id = any(sc.shared_themes)) as da,
  (select string_agg(format('''%s''', name), ' and ' order by code) from theme where id = any(sc.shared_themes)) as en) th
cross join lateral (select
  case when sc.method_id is null then sc.s_title else sc.b_title end as without_method,
  case when sc.method_id is null then sc.b_title else sc.s_title end as with_method,
  (select name from method where id = coalesce(sc.method_id, sc.b_method_id)) as method_name) tx
where sc.work > 0`;
}
