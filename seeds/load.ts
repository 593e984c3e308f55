import type { EntityManager } from '@mikro-orm/postgresql';
import { refreshAllOverlaps, settleOverlapTable } from '../server/overlap/overlap.store.js';
import { pgArray } from '../server/core/sql.js';
import { AdvisoryLock } from '../server/core/advisory.js';
import { DELIBERATE } from './deliberate.js';
import { buildDemoCity, cityCopy, DEMO_TODAY, type CitySeed } from './demo-city.js';
import { planLife } from './plan-life.js';
import { seedDemoUsers, type DemoTokens } from './users.js';

type Column = string | { name: string; cast: string };
type Value = string | number | boolean | null;

const MAX_PARAMETERS = 30_000;

/** Multi-row INSERT in batches; returns the new ids in row order when the table has an id. */
async function insertRows(em: EntityManager, table: string, columns: Column[], rows: Value[][], returnIds = true): Promise<number[]> {
  const ids: number[] = [];
  const names = columns.map((c) => (typeof c === 'string' ? c : c.name)).join(', ');
  const placeholder = `(${columns.map((c) => (typeof c === 'string' ? '?' : `?::${c.cast}`)).join(', ')})`;
  const batch = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMETERS / columns.length)));
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const sql = `insert into ${table} (${names}) values ${chunk.map(() => placeholder).join(', ')}${returnIds ? ' returning id' : ''}`;
    const result = (await em.execute(sql, chunk.flat())) as { id: number }[];
    if (returnIds) ids.push(...result.map((r) => r.id));
  }
  return ids;
}

function idMap(keys: string[], ids: number[]): Map<string, number> {
  return new Map(keys.map((key, i) => [key, ids[i]!]));
}

function need(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
  return id;
}

export interface SeedCounts {
  plans: number;
  activities: number;
}

interface ReferenceIds {
  areas: Map<string, number>;
  organisations: Map<string, number>;
  persons: Map<string, number>;
  themes: Map<string, number>;
  targetGroups: Map<string, number>;
  methods: Map<string, number>;
}

async function insertReference(em: EntityManager, city: CitySeed): Promise<ReferenceIds> {
  const organisations = idMap(
    city.organisations.map((o) => o.name),
    await insertRows(
      em,
      'organisation',
      ['name', 'kind'],
      city.organisations.map((o) => [o.name, o.kind]),
    ),
  );
  const persons = idMap(
    city.persons.map((p) => p.key),
    await insertRows(
      em,
      'person',
      ['name', 'title', 'organisation_id', 'email', 'phone'],
      city.persons.map((p) => [p.name, p.title, need(organisations, p.organisation, 'organisation'), p.email, p.phone]),
    ),
  );
  const themes = idMap(
    city.themes.map((t) => t.code),
    await insertRows(
      em,
      'theme',
      ['code', 'name'],
      city.themes.map((t) => [t.code, t.name]),
    ),
  );
  const targetGroups = new Map<string, number>();
  for (const g of city.targetGroups) {
    const [id] = await insertRows(
      em,
      'target_group',
      ['code', 'name', 'parent_id', 'min_age', 'max_age'],
      [[g.code, g.name, g.parent ? need(targetGroups, g.parent, 'target group') : null, g.minAge ?? null, g.maxAge ?? null]],
    );
    targetGroups.set(g.code, id!);
  }
  const methods = idMap(
    city.methods.map((m) => m.code),
    await insertRows(
      em,
      'method',
      ['code', 'name', 'description', { name: 'keywords', cast: 'text[]' }],
      city.methods.map((m) => [m.code, m.name, m.description, pgArray(m.keywords ?? [])]),
    ),
  );
  return { areas: new Map(), organisations, persons, themes, targetGroups, methods };
}

async function insertPlansAndActivities(
  em: EntityManager,
  part: Pick<CitySeed, 'areas' | 'plans' | 'activities' | 'steeringGroups'>,
  ref: ReferenceIds,
): Promise<SeedCounts> {
  // Areas level by level, so each parent exists before its children.
  for (const level of ['MUNICIPALITY', 'DISTRICT', 'ESTATE']) {
    const areas = part.areas.filter((a) => a.kind === level);
    const ids = await insertRows(
      em,
      'area',
      ['code', 'name', 'kind', 'parent_id', 'latitude', 'longitude', 'residents'],
      areas.map((a) => [a.code, a.name, a.kind, a.parent ? need(ref.areas, a.parent, 'area') : null, a.lat, a.lon, a.residents]),
    );
    areas.forEach((a, i) => ref.areas.set(a.code, ids[i]!));
  }
  // Plans are registered two months before they start, activities three weeks before (never after the demo date).
  const registered = (date: string, days: number) => {
    const at = Math.min(Date.parse(`${date}T09:00:00Z`) - days * 86_400_000, Date.parse(`${DEMO_TODAY}T09:00:00Z`) - 86_400_000);
    return new Date(at).toISOString();
  };
  const planIds = idMap(
    part.plans.map((p) => p.code),
    await insertRows(
      em,
      'plan',
      ['code', 'name', 'status', 'start_date', 'end_date', 'description', 'lead_id', 'created_at', 'updated_at'],
      part.plans.map((p) => [
        p.code,
        p.name,
        p.status,
        p.startDate,
        p.endDate,
        p.description,
        need(ref.persons, p.lead, 'person'),
        registered(p.startDate, 60),
        registered(p.startDate, 60),
      ]),
    ),
  );
  await insertRows(
    em,
    'plan_area',
    ['plan_id', 'area_id'],
    part.plans.flatMap((p) => p.areas.map((a) => [planIds.get(p.code)!, need(ref.areas, a, 'area')])),
    false,
  );
  await insertRows(
    em,
    'plan_housing_organisation',
    ['plan_id', 'organisation_id'],
    part.plans.flatMap((p) => p.housing.map((o) => [planIds.get(p.code)!, need(ref.organisations, o, 'organisation')])),
    false,
  );

  const activityIds = await insertRows(
    em,
    'activity',
    [
      'plan_id',
      'title',
      'description',
      'method_id',
      'contact_id',
      'status',
      'start_date',
      'end_date',
      { name: 'schedule', cast: 'jsonb' },
      'capacity',
      'version',
      'archived',
      'created_at',
      'updated_at',
    ],
    part.activities.map((a) => [
      need(planIds, a.plan, 'plan'),
      a.title,
      a.description,
      a.method ? need(ref.methods, a.method, 'method') : null,
      a.contact ? need(ref.persons, a.contact, 'person') : null,
      a.status,
      a.startDate,
      a.endDate ?? null,
      JSON.stringify(a.schedule),
      a.capacity ?? null,
      1,
      a.archived,
      registered(a.startDate, 21),
      registered(a.startDate, 21),
    ]),
  );
  const pivot = (table: string, column: string, of: (a: CitySeed['activities'][number]) => number[]) =>
    insertRows(
      em,
      table,
      ['activity_id', column],
      part.activities.flatMap((a, i) => of(a).map((id) => [activityIds[i]!, id])),
      false,
    );
  await pivot('activity_theme', 'theme_id', (a) => a.themes.map((t) => need(ref.themes, t, 'theme')));
  await pivot('activity_target_group', 'target_group_id', (a) => a.groups.map((g) => need(ref.targetGroups, g, 'target group')));
  await pivot('activity_area', 'area_id', (a) => a.areas.map((code) => need(ref.areas, code, 'area')));
  await pivot('activity_partner', 'organisation_id', (a) => a.partners.map((o) => need(ref.organisations, o, 'organisation')));

  const groupIds = await insertRows(
    em,
    'steering_group',
    ['name', 'plan_id'],
    part.steeringGroups.map((g) => [g.name, need(planIds, g.plan, 'plan')]),
  );
  await insertRows(
    em,
    'steering_group_member',
    ['steering_group_id', 'person_id', 'role'],
    part.steeringGroups.flatMap((g, i) => g.members.map((m) => [groupIds[i]!, need(ref.persons, m.person, 'person'), m.role])),
    false,
  );

  const groupOfPlan = new Map(part.steeringGroups.map((g, i) => [g.plan, groupIds[i]!]));
  const residents = new Map(part.areas.map((a) => [a.code, a.residents]));
  const life = planLife(
    part,
    (code) => {
      const plan = part.plans.find((p) => p.code === code)!;
      return [...new Set([plan.lead, ...part.activities.filter((a) => a.plan === code && a.contact).map((a) => a.contact!)])];
    },
    (code) => part.plans.find((p) => p.code === code)!.areas.reduce((sum, a) => sum + (residents.get(a) ?? 0), 0),
    {
      plan: (code) => need(planIds, code, 'plan'),
      person: (key) => need(ref.persons, key, 'person'),
      method: (code) => need(ref.methods, code, 'method'),
      activity: (index) => activityIds[index]!,
      steeringGroup: (code) => groupOfPlan.get(code)!,
    },
  );
  await insertRows(
    em,
    'experience',
    ['title', 'body', 'outcome', 'recommendation', 'activity_id', 'method_id', 'author_id', 'publishable', 'created_at'],
    life.experiences,
  );
  const indicatorIds = await insertRows(
    em,
    'indicator',
    ['name', 'unit', 'direction', 'baseline', 'target', 'plan_id', 'activity_id', 'created_at'],
    life.indicators.map((i) => i.row),
  );
  await insertRows(
    em,
    'measurement',
    ['indicator_id', 'period_start', 'period_end', 'value', 'note'],
    life.indicators.flatMap((i, n) => i.measurements.map((m) => [indicatorIds[n]!, ...m])),
    false,
  );
  await insertRows(em, 'evaluation', ['activity_id', 'decision', 'rationale', 'decided_at'], life.evaluations);
  const meetingIds = await insertRows(
    em,
    'meeting',
    ['steering_group_id', 'date', { name: 'agenda', cast: 'jsonb' }, 'minutes', { name: 'decisions', cast: 'jsonb' }, 'created_at'],
    life.meetings.map((m) => m.row),
  );
  await insertRows(
    em,
    'action_item',
    ['meeting_id', 'description', 'owner_id', 'due_date', 'status', 'completed_at'],
    life.meetings.flatMap((m, n) => m.actionItems.map((item) => [meetingIds[n]!, ...item])),
  );
  await insertRows(em, 'inquiry_count', ['plan_id', 'channel', 'topic', 'period_start', 'period_end', 'count', 'created_at'], life.inquiries, false);
  return { plans: part.plans.length, activities: part.activities.length };
}

/** Loads a city, and `scale - 1` further copies of its districts, plans and activities, in one transaction; scores the overlaps. */
export async function loadCitySeed(em: EntityManager, city: CitySeed, scale = 1): Promise<SeedCounts> {
  return em
    .transactional(async (tx) => {
      const ref = await insertReference(tx, city);
      const total = await insertPlansAndActivities(tx, city, ref);
      for (let copy = 2; copy <= scale; copy++) {
        const counts = await insertPlansAndActivities(tx, cityCopy(city, copy), ref);
        total.plans += counts.plans;
        total.activities += counts.activities;
      }
      await refreshAllOverlaps(tx);
      return total;
    })
    .then(async (total) => {
      await settleOverlapTable(em);
      return total;
    });
}

/** Loads the demo city, `scale` times over, with a few overlaps the team has already resolved by coordinating. */
export async function loadCity(em: EntityManager, scale = 1): Promise<SeedCounts> {
  const counts = await loadCitySeed(em, buildDemoCity(), scale);
  // The strongest cross-plan pairs among the generated activities (the documented pairs stay unreviewed).
  await em.execute(
    `insert into overlap_review (activity_a_id, activity_b_id, decision, note, reviewed_at)
     select o.activity_a_id, o.activity_b_id, 'COORDINATED', 'Fælles rekruttering og faste dage aftalt mellem helhedsplanerne.', ?::timestamptz - (row_number() over (order by o.score desc, o.activity_a_id)) * interval '9 days'
     from activity_overlap o join activity x on x.id = o.activity_a_id join activity y on y.id = o.activity_b_id
     where not o.same_plan and x.title <> all(?::text[]) and y.title <> all(?::text[])
     order by o.score desc, o.activity_a_id limit 3`,
    [`${DEMO_TODAY}T10:00:00Z`, pgArray(DELIBERATE.map((d) => d.title)), pgArray(DELIBERATE.map((d) => d.title))],
  );
  return counts;
}

/** Seeds the demo city and its demo users when the database holds no areas and no plans; returns what it loaded, or null. */
export async function seedDemoCityIfEmpty(em: EntityManager): Promise<(SeedCounts & { tokens: DemoTokens }) | null> {
  return em.transactional(async (tx) => {
    // Two hubs starting together on one database: only the first seeds.
    await tx.execute('select pg_advisory_xact_lock(?)', [AdvisoryLock.DEMO_SEED]);
    const [row] = (await tx.execute('select exists(select 1 from area) or exists(select 1 from plan) as used')) as { used: boolean }[];
    if (row?.used) return null;
    const counts = await loadCity(tx);
    return { ...counts, tokens: await seedDemoUsers(tx) };
  });
}
