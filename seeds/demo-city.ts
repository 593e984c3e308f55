import { DELIBERATE } from './deliberate.js';
import { PLANS, type PlanSeed } from './plans.js';
import {
  DISTRICTS,
  FIRST_NAMES,
  HOUSING_ORGANISATIONS,
  LAST_NAMES,
  METHODS,
  MUNICIPALITY,
  OTHER_ORGANISATIONS,
  TARGET_GROUPS,
  THEMES,
  type AreaSeed,
} from './reference.js';
import { TEMPLATES, type SlotSeed } from './templates.js';

export interface PersonSeed {
  key: string;
  name: string;
  title: string;
  organisation: string;
  email: string;
  phone: string;
}

export interface ActivitySeed {
  key?: string;
  plan: string;
  title: string;
  description: string;
  method?: string;
  groups: string[];
  themes: string[];
  areas: string[];
  partners: string[];
  contact?: string;
  status: string;
  startDate: string;
  endDate?: string;
  schedule: SlotSeed[];
  capacity?: number;
  archived: boolean;
}

export interface CitySeed {
  areas: AreaSeed[];
  organisations: { name: string; kind: string }[];
  persons: PersonSeed[];
  themes: typeof THEMES;
  targetGroups: typeof TARGET_GROUPS;
  methods: typeof METHODS;
  plans: (PlanSeed & { lead: string })[];
  activities: ActivitySeed[];
  steeringGroups: { plan: string; name: string; members: { person: string; role: string }[] }[];
}

/** The date the demo city is written against: statuses follow from it. */
export const DEMO_TODAY = '2026-11-22';

/** Start dates of activities that the plans are preparing now. */
const UPCOMING_STARTS = ['2026-12-01', '2026-12-07', '2027-01-04', '2027-02-01'];

/** Small deterministic PRNG (mulberry32), so every start builds the same city. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

function shuffle<T>(rnd: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24);

function people() {
  const used = new Set<string>();
  let n = 0;
  return (organisation: string, title: string): PersonSeed => {
    let name: string;
    do {
      name = `${FIRST_NAMES[(n * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(n * 11 + Math.floor(n / LAST_NAMES.length)) % LAST_NAMES.length]}`;
      n++;
    } while (used.has(name));
    used.add(name);
    const [first, last] = name.toLowerCase().split(' ') as [string, string];
    return {
      key: `p${n}`,
      name,
      title,
      organisation,
      email: `${slug(first)}.${slug(last)}@${slug(organisation)}.example`,
      phone: `+45 ${60 + (n % 30)} ${String(10 + ((n * 37) % 90))} ${String(10 + ((n * 53) % 90))} ${String(10 + ((n * 71) % 90))}`,
    };
  };
}

/** Builds the demo city: 35 plans, their estates, staff, steering groups and 600+ activities. */
export function buildDemoCity(): CitySeed {
  const areas: AreaSeed[] = [MUNICIPALITY];
  for (const { district, estates } of DISTRICTS) {
    areas.push({ ...district, parent: MUNICIPALITY.code });
    for (const estate of estates) areas.push({ ...estate, parent: district.code });
  }
  const estatesOf = (code: string): string[] => {
    const district = DISTRICTS.find((d) => d.district.code === code);
    return district ? district.estates.map((e) => e.code) : [code];
  };
  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  const organisations = [...HOUSING_ORGANISATIONS.map((name) => ({ name, kind: 'HOUSING_ORGANISATION' })), ...OTHER_ORGANISATIONS];

  const newPerson = people();
  const persons: PersonSeed[] = [];
  const hire = (organisation: string, title: string) => {
    const person = newPerson(organisation, title);
    persons.push(person);
    return person.key;
  };
  const housingChief = new Map(HOUSING_ORGANISATIONS.map((org) => [org, hire(org, 'Boligchef')]));
  const contactAt = new Map(
    OTHER_ORGANISATIONS.map((org) => [org.name, hire(org.name, org.kind === 'POLICE' ? 'Lokalbetjent' : org.kind === 'SCHOOL' ? 'Skoleleder' : 'Konsulent')]),
  );

  const plans: CitySeed['plans'] = [];
  const activities: ActivitySeed[] = [];
  const steeringGroups: CitySeed['steeringGroups'] = [];
  const staffOf = new Map<string, string[]>();

  PLANS.forEach((plan, planIndex) => {
    const rnd = random(1000 + planIndex);
    const housing = plan.housing[0]!;
    const lead = hire(housing, 'Projektleder');
    const staff = [lead, hire(housing, 'Boligsocial medarbejder'), hire(housing, 'Boligsocial medarbejder')];
    staffOf.set(plan.code, staff);
    plans.push({ ...plan, lead });
    const members = [
      { person: housingChief.get(housing)!, role: 'Formand' },
      { person: contactAt.get(planIndex % 2 ? 'Børn- og Ungeforvaltningen' : 'Beskæftigelses- og Socialforvaltningen')!, role: 'Kommunens repræsentant' },
      { person: lead, role: 'Sekretær (projektleder)' },
    ];
    if (planIndex % 3 === 0) members.push({ person: contactAt.get('Fyns Politi')!, role: 'Politiets repræsentant' });
    if (planIndex % 4 === 1) members.push({ person: contactAt.get('SSP Odense')!, role: 'SSP' });
    steeringGroups.push({ plan: plan.code, name: `Styregruppen for ${plan.name}`, members });

    const estates = plan.areas.flatMap(estatesOf);
    const count = plan.status === 'ACTIVE' ? 20 : plan.status === 'ENDED' ? 10 : 6;
    const order = shuffle(
      rnd,
      TEMPLATES.map((_, i) => i),
    );
    for (const templateIndex of order.slice(0, count)) {
      const template = TEMPLATES[templateIndex]!;
      const districtWide = plan.areas.length > 0 && estatesOf(plan.areas[0]!).length > 1 && rnd() < 0.25;
      const area = districtWide ? plan.areas[0]! : pick(rnd, estates);
      const fill = (text: string) => text.replace(/\{area\}/g, areaName.get(area)!);
      let startDate: string;
      let endDate: string | undefined;
      let status: string;
      const upcoming = UPCOMING_STARTS.filter((date) => date <= plan.endDate);
      if (plan.status === 'DRAFT') {
        startDate = addMonths(plan.startDate, Math.floor(rnd() * 6));
        status = 'PLANNED';
      } else if (plan.status === 'ACTIVE' && upcoming.length && rnd() < 0.08) {
        startDate = pick(rnd, upcoming);
        endDate = plan.endDate;
        status = 'PLANNED';
      } else {
        startDate = addMonths(plan.startDate, Math.floor(rnd() * 24));
        const shape = rnd();
        if (plan.status === 'ENDED' || shape < 0.15) endDate = addMonths(startDate, 6 + Math.floor(rnd() * 10));
        else if (shape < 0.5) endDate = plan.endDate;
        if (endDate && endDate > plan.endDate) endDate = plan.endDate;
        status = startDate > DEMO_TODAY ? 'PLANNED' : endDate && endDate < DEMO_TODAY ? 'ENDED' : 'RUNNING';
        if (status === 'RUNNING' && rnd() < 0.05) status = 'PAUSED';
        if (status !== 'ENDED' && rnd() < 0.03) status = 'CANCELLED';
      }
      const [min, max] = template.capacity ?? [0, 0];
      activities.push({
        plan: plan.code,
        title: fill(pick(rnd, template.titles)),
        description: fill(pick(rnd, template.descriptions)),
        method: template.method,
        groups: pick(rnd, template.groups),
        themes: template.themes,
        areas: [area],
        partners: template.partners.filter(() => rnd() < 0.7),
        contact: pick(rnd, staff),
        status,
        startDate,
        endDate,
        schedule: pick(rnd, template.schedules),
        capacity: template.capacity ? min + Math.floor(rnd() * (max - min + 1)) : undefined,
        archived: plan.status === 'ENDED' && rnd() < 0.3,
      });
    }
  });

  for (const d of DELIBERATE) {
    activities.push({
      key: d.key,
      plan: d.plan,
      title: d.title,
      description: d.description,
      method: d.method,
      groups: d.groups,
      themes: d.themes,
      areas: [d.area],
      partners: [],
      contact: staffOf.get(d.plan)![1],
      status: d.status,
      startDate: d.startDate,
      endDate: d.endDate,
      schedule: d.schedule,
      capacity: d.capacity,
      archived: d.archived ?? false,
    });
  }

  return { areas, organisations, persons, themes: THEMES, targetGroups: TARGET_GROUPS, methods: METHODS, plans, activities, steeringGroups };
}

/** Copy number `copy` (2, 3, ...) of the city's districts, estates, plans and activities, on a grid of 10 copies
 *  per column, about 33 km apart north-south and 37 km east-west, so no copy neighbours another. */
export function cityCopy(city: CitySeed, copy: number): Pick<CitySeed, 'areas' | 'plans' | 'activities' | 'steeringGroups'> {
  const area = (code: string) => (code === MUNICIPALITY.code ? code : `${code}-x${copy}`);
  const plan = (code: string) => `${code}-X${copy}`;
  return {
    areas: city.areas
      .filter((a) => a.code !== MUNICIPALITY.code)
      // Names stay as they are (place names are stripped from texts when scoring, so copies score like the original).
      .map((a) => ({
        ...a,
        code: area(a.code),
        parent: a.parent && area(a.parent),
        lat: a.lat + 0.3 * ((copy - 1) % 10),
        lon: a.lon + 0.6 * Math.floor((copy - 1) / 10),
      })),
    plans: city.plans.map((p) => ({ ...p, code: plan(p.code), name: `${p.name} (${copy})`, areas: p.areas.map(area) })),
    activities: city.activities.map((a) => ({ ...a, key: a.key && `${a.key}-x${copy}`, plan: plan(a.plan), areas: a.areas.map(area) })),
    steeringGroups: city.steeringGroups.map((g) => ({ ...g, plan: plan(g.plan), name: `${g.name} (${copy})` })),
  };
}
