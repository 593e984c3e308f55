import { describe, expect, inject, test } from 'vitest';
import { DELIBERATE, DOCUMENTED_PAIRS } from '../seeds/deliberate.js';
import { buildDemoCity, cityCopy, DEMO_TODAY, type ActivitySeed } from '../seeds/demo-city.js';
import { loadCity } from '../seeds/load.js';
import { migrate } from '../server/core/orm.js';
import { initOrm } from '../server/modules.js';
import { createTestDatabase } from './support/database.js';

const city = buildDemoCity();
const areaByCode = new Map(city.areas.map((a) => [a.code, a]));
const groupByCode = new Map(city.targetGroups.map((g) => [g.code, g]));
const byKey = new Map(city.activities.filter((a) => a.key).map((a) => [a.key!, a]));

function km(a: string, b: string): number {
  const [p, q] = [areaByCode.get(a)!, areaByCode.get(b)!];
  const rad = Math.PI / 180;
  const h = Math.sin(((q.lat - p.lat) * rad) / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(((q.lon - p.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const ancestors = (code: string, of: (c: string) => string | undefined): string[] => {
  const chain = [code];
  for (let parent = of(code); parent; parent = of(parent)) chain.push(parent);
  return chain;
};

const trigrams = (text: string): Set<string> => {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return new Set(words.flatMap((w) => [...`  ${w} `].slice(2).map((_, i) => `  ${w} `.slice(i, i + 3))));
};

/** Trigram Jaccard similarity of title and description: a plain stand-in for the hub's text signal. */
function contentSimilarity(a: ActivitySeed, b: ActivitySeed): number {
  const [x, y] = [trigrams(`${a.title} ${a.description}`), trigrams(`${b.title} ${b.description}`)];
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / (x.size + y.size - shared);
}

/** DESIGN.md "What an overlap is", rules 1-4, with trigram similarity of at least 0.3 as "similar content". */
const rules = {
  live: (a: ActivitySeed) => !a.archived && a.status !== 'CANCELLED',
  period: (a: ActivitySeed, b: ActivitySeed) => a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31'),
  targetGroup: (a: ActivitySeed, b: ActivitySeed) =>
    a.groups.some((g) =>
      b.groups.some((h) => {
        const related = ancestors(g, (c) => groupByCode.get(c)?.parent).includes(h) || ancestors(h, (c) => groupByCode.get(c)?.parent).includes(g);
        const [x, y] = [groupByCode.get(g)!, groupByCode.get(h)!];
        const agesMeet = (x.minAge ?? 0) <= (y.maxAge ?? 200) && (y.minAge ?? 0) <= (x.maxAge ?? 200);
        return related && agesMeet;
      }),
    ),
  area: (a: ActivitySeed, b: ActivitySeed) =>
    a.areas.some((x) =>
      b.areas.some((y) => {
        const up = (c: string) => areaByCode.get(c)?.parent;
        return ancestors(x, up).includes(y) || ancestors(y, up).includes(x) || km(x, y) <= 1.5;
      }),
    ),
  sameKind: (a: ActivitySeed, b: ActivitySeed) =>
    (a.method !== undefined && a.method === b.method) || (a.themes.some((t) => b.themes.includes(t)) && contentSimilarity(a, b) >= 0.3),
};

describe('the demo city', () => {
  test('35 plans, at least 600 activities, every plan with activities and a steering group', () => {
    expect(city.plans).toHaveLength(35);
    expect(new Set(city.plans.map((p) => p.code)).size).toBe(35);
    expect(city.activities.length).toBeGreaterThanOrEqual(600);
    for (const plan of city.plans) {
      const activities = city.activities.filter((a) => a.plan === plan.code);
      expect(activities.length, plan.code).toBeGreaterThanOrEqual(plan.status === 'ACTIVE' ? 18 : 6);
      expect(city.steeringGroups.filter((g) => g.plan === plan.code)).toHaveLength(1);
    }
  });

  test('activities are realistic: Danish titles, schedules, periods and statuses that fit the date', () => {
    for (const a of city.activities) {
      expect(a.title.length).toBeLessThanOrEqual(200);
      expect(a.title).not.toMatch(/\{|\}/);
      if (a.endDate) expect(a.endDate >= a.startDate).toBe(true);
      for (const slot of a.schedule) expect(slot.endTime > slot.startTime).toBe(true);
      if (a.status === 'RUNNING') expect(a.startDate <= DEMO_TODAY && (!a.endDate || a.endDate >= DEMO_TODAY)).toBe(true);
      if (a.status === 'PLANNED' && !a.key) expect(a.startDate > DEMO_TODAY).toBe(true);
    }
    expect(new Set(city.activities.map((a) => a.status))).toEqual(new Set(['PLANNED', 'RUNNING', 'PAUSED', 'ENDED', 'CANCELLED']));
    expect(city.activities.filter((a) => a.schedule.length > 0).length).toBeGreaterThan(500);
  });

  test('the documented activities have titles of their own', () => {
    for (const d of DELIBERATE)
      expect(
        city.activities.filter((a) => a.title === d.title).map((a) => a.key),
        d.title,
      ).toEqual([d.key]);
  });

  test('every reference resolves', () => {
    const codes = (list: { code: string }[]) => new Set(list.map((x) => x.code));
    const [themes, methods, plans] = [codes(city.themes), codes(city.methods), codes(city.plans)];
    for (const a of city.activities) {
      expect(plans.has(a.plan)).toBe(true);
      if (a.method) expect(methods.has(a.method), a.method).toBe(true);
      for (const t of a.themes) expect(themes.has(t)).toBe(true);
      for (const g of a.groups) expect(groupByCode.has(g), g).toBe(true);
      for (const area of a.areas) expect(areaByCode.has(area), area).toBe(true);
    }
  });

  test('the pairs documented in seeds/README.md are what the README says under DESIGN.md rules', () => {
    expect(byKey.size).toBe(DELIBERATE.length);
    for (const { pair, overlap } of DOCUMENTED_PAIRS) {
      const [a, b] = pair.map((k) => byKey.get(k)!) as [ActivitySeed, ActivitySeed];
      const holds = rules.live(a) && rules.live(b) && rules.period(a, b) && rules.targetGroup(a, b) && rules.area(a, b) && Boolean(rules.sameKind(a, b));
      expect(holds, pair.join('/')).toBe(overlap);
    }
  });

  test('each near miss fails for the reason the README gives', () => {
    const [n1a, n1b, n2a, n2b, n3a, n3b, n5a, n5c] = ['N1a', 'N1b', 'N2a', 'N2b', 'N3a', 'N3b', 'N5a', 'N5c'].map((k) => byKey.get(k)!);
    expect(km(n1a!.areas[0]!, n1b!.areas[0]!)).toBeGreaterThan(5);
    expect(rules.targetGroup(n2a!, n2b!)).toBe(false);
    expect(rules.period(n3a!, n3b!)).toBe(false);
    expect(n5a!.status).toBe('CANCELLED');
    expect(n5c!.archived).toBe(true);
    const [n4a, n4b] = [byKey.get('N4a')!, byKey.get('N4b')!];
    expect(n4a.method).not.toBe(n4b.method);
    expect(rules.targetGroup(n4a, n4b) && rules.area(n4a, n4b) && rules.period(n4a, n4b)).toBe(true);
    expect(contentSimilarity(n4a, n4b)).toBeLessThan(0.25);
  });

  test('the cross-border and neighbour overlaps rely on distance, the text-only pair on text', () => {
    const d5 = km('korsloekken-parken', 'vollsmose-laerkeparken');
    const d7 = km('ejerslykke-parken', 'hoejstrup-parken');
    expect(d5).toBeLessThan(1.5);
    expect(d7).toBeLessThan(1.5);
    expect(areaByCode.get('korsloekken-parken')!.parent).not.toBe(areaByCode.get('vollsmose-laerkeparken')!.parent);
    expect(byKey.get('D4a')!.method).toBeUndefined();
    expect(byKey.get('D4b')!.method).toBeUndefined();
    expect(byKey.get('D2b')!.method).toBeUndefined();
    expect(contentSimilarity(byKey.get('D4a')!, byKey.get('D4b')!)).toBeGreaterThan(0.35);
    expect(contentSimilarity(byKey.get('D2a')!, byKey.get('D2b')!)).toBeGreaterThan(0.35);
  });
});

describe('a larger city for benchmarks', () => {
  test('copies have their own codes and lie far from the original', () => {
    const copy = cityCopy(city, 3);
    expect(copy.plans.map((p) => p.code)).toContain('VOL-OEST-X3');
    const codes = new Set([...city.areas, ...copy.areas].map((a) => a.code));
    expect(codes.size).toBe(city.areas.length + copy.areas.length);
    const estate = copy.areas.find((a) => a.code === 'vollsmose-boegeparken-x3')!;
    expect(estate.lat - areaByCode.get('vollsmose-boegeparken')!.lat).toBeCloseTo(0.6);
    const far = cityCopy(city, 12).areas.find((a) => a.code === 'vollsmose-boegeparken-x12')!;
    expect([far.lat - estate.lat, far.lon - areaByCode.get('vollsmose-boegeparken')!.lon]).toEqual([expect.closeTo(-0.3), expect.closeTo(0.6)]);
  });

  test('loadCity with scale 2 loads the city twice into an empty database', async () => {
    const database = await createTestDatabase(inject('serverUrl'), { empty: true });
    const orm = await initOrm(database.url);
    try {
      await migrate(orm);
      const counts = await loadCity(orm.em.fork(), 2);
      expect(counts).toEqual({ plans: 70, activities: city.activities.length * 2 });
      const [row] = (await orm.em
        .fork()
        .execute(
          'select (select count(*) from plan)::int as plans, (select count(*) from activity)::int as activities, (select count(*) from activity_target_group)::int as links',
        )) as any[];
      expect(row).toMatchObject({ plans: 70, activities: city.activities.length * 2 });
      expect(row.links).toBeGreaterThanOrEqual(row.activities);
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});
