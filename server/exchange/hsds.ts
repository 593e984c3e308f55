import { createHash } from 'node:crypto';
import { ActivityStatus, Weekday } from '../core/enums.js';
import type { RouteRequest, RouteResponse } from '../core/http.js';
import { allPages, exportedActivities, filterOf, query } from './export.js';
import { WEEKDAY_NAMES } from './sheet.js';

/** The namespace of the hub's Open Referral ids: a UUID (v5) per hub object, the same in every export. */
const NAMESPACE = '6f1d3c2a-9b7e-4c1d-8a55-3e0b6f4d2c91';

/** A name-based UUID (RFC 9562 version 5) of a hub id: HSDS ids are UUIDs, and a re-export keeps them. */
export function uuidOf(name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const SERVICE_STATUS: Readonly<Record<ActivityStatus, string>> = {
  PLANNED: 'active',
  RUNNING: 'active',
  PAUSED: 'temporarily closed',
  ENDED: 'inactive',
  CANCELLED: 'defunct',
};

const BYDAY: Readonly<Record<Weekday, string>> = { MONDAY: 'MO', TUESDAY: 'TU', WEDNESDAY: 'WE', THURSDAY: 'TH', FRIDAY: 'FR', SATURDAY: 'SA', SUNDAY: 'SU' };

interface CatalogueItem {
  id: string;
  code: string;
  name: string;
  description?: string | null;
  parent?: { id: string } | null;
}

const PLANS_QUERY = `query HsdsPlans($after: String) {
  plans(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id code name description status housingOrganisations { name } } }
}`;
const CITY_QUERY = `query HsdsCity {
  areas { id code name kind latitude longitude parent { name } }
  targetGroups { id code name parent { id } }
  methods { id code name description }
  themes { id code name }
}`;

/**
 * The city as Open Referral HSDS 3.0 JSON: plans as organizations, activities as services with their weekly schedules,
 * areas as locations, and target groups, methods and themes as taxonomies whose terms the services carry as attributes.
 * What the viewer may not read (DRAFT plans for readers, staff e-mail) is not in it; archived activities never are.
 */
export async function hsdsDocument(request: RouteRequest): Promise<Record<string, unknown>> {
  const filter = { ...filterOf(request.url.searchParams), includeArchived: false };
  const city = await query<{
    areas: { id: string; code: string; name: string; kind: string; latitude: number | null; longitude: number | null; parent: { name: string } | null }[];
    targetGroups: CatalogueItem[];
    methods: CatalogueItem[];
    themes: CatalogueItem[];
  }>(request, CITY_QUERY);
  const activities = await exportedActivities(request, filter);
  const plans = await allPages<PlanRow>(request, PLANS_QUERY, 'plans');
  const { areas, targetGroups, methods, themes } = city;
  const taxonomies = [
    { key: 'targetGroups', name: 'Målgrupper', description: 'De grupper af beboere, en aktivitet er for.', items: targetGroups },
    { key: 'methods', name: 'Metoder', description: 'Den fælles metodekatalog: hvordan en aktivitet arbejder.', items: methods },
    { key: 'themes', name: 'Indsatsområder', description: 'De temaer (indsatsområder), en aktivitet arbejder med.', items: themes },
  ];
  const term = (id: string) => uuidOf(`term:${id}`);
  const planUuid = new Map(plans.map((p) => [p.id, uuidOf(p.id)]));
  const services = activities.flatMap((activity) => {
    const detail = activity;
    if (!planUuid.has(detail.plan.id)) return [];
    const service = uuidOf(activity.id);
    const ages = detail.targetGroups;
    const terms = [
      ...detail.targetGroups.map((g) => ({ id: g.id!, type: 'eligibility' })),
      ...(detail.method ? [{ id: detail.method.id!, type: 'method' }] : []),
      ...detail.themes.map((t) => ({ id: t.id!, type: 'theme' })),
    ];
    return [
      {
        id: service,
        organization_id: planUuid.get(detail.plan.id)!,
        name: activity.title,
        description: activity.description ?? activity.title,
        status: SERVICE_STATUS[activity.status],
        ...(ages.every((g) => g.minAge != null) && ages.length ? { minimum_age: Math.min(...ages.map((g) => g.minAge!)) } : {}),
        ...(ages.every((g) => g.maxAge != null) && ages.length ? { maximum_age: Math.max(...ages.map((g) => g.maxAge!)) } : {}),
        ...(ages.length ? { eligibility_description: `For ${ages.map((g) => g.name).join(', ')}.` } : {}),
        contacts: detail.contact
          ? [
              {
                id: uuidOf(`contact:${activity.id}`),
                service_id: service,
                name: detail.contact.name,
                ...(detail.contact.email ? { email: detail.contact.email } : {}),
              },
            ]
          : [],
        schedules: activity.schedule.map((slot, i) => ({
          id: uuidOf(`schedule:${activity.id}:${i}`),
          service_id: service,
          valid_from: activity.startDate,
          ...(activity.endDate ? { valid_to: activity.endDate } : {}),
          dtstart: activity.startDate,
          freq: 'WEEKLY',
          wkst: 'MO',
          byday: BYDAY[slot.weekday],
          opens_at: slot.startTime.slice(0, 5),
          closes_at: slot.endTime.slice(0, 5),
          description: `Hver ${WEEKDAY_NAMES[slot.weekday]} kl. ${slot.startTime.slice(0, 5).replace(':', '.')}-${slot.endTime.slice(0, 5).replace(':', '.')}`,
        })),
        service_at_locations: detail.areas.map((area) => ({ id: uuidOf(`at:${activity.id}:${area.id}`), service_id: service, location_id: uuidOf(area.id!) })),
        attributes: terms.map((t) => ({
          id: uuidOf(`attribute:${activity.id}:${t.id}`),
          link_id: service,
          link_type: t.type,
          link_entity: 'service',
          taxonomy_term_id: term(t.id),
        })),
      },
    ];
  });
  const usedAreas = new Set(services.flatMap((s) => s.service_at_locations.map((l) => l.location_id)));
  return {
    hsds_version: '3.0',
    generated_at: new Date().toISOString(),
    publisher: 'Boligsocial koordinationshub',
    organizations: plans.map((plan) => ({
      id: planUuid.get(plan.id)!,
      name: plan.name,
      alternate_name: plan.code,
      description:
        plan.description ??
        `Boligsocial helhedsplan ${plan.name}${plan.housingOrganisations.length ? `, ${plan.housingOrganisations.map((o) => o.name).join(', ')}` : ''}.`,
    })),
    services,
    locations: areas
      .filter((area) => usedAreas.has(uuidOf(area.id)))
      .map((area) => ({
        id: uuidOf(area.id),
        location_type: 'physical',
        name: area.name,
        alternate_name: area.code,
        description: `${AREA_KIND[area.kind] ?? 'Område'}${area.parent ? ` i ${area.parent.name}` : ''}`,
        ...(area.latitude != null && area.longitude != null ? { latitude: area.latitude, longitude: area.longitude } : {}),
      })),
    service_at_locations: services.flatMap((s) => s.service_at_locations),
    taxonomies: taxonomies.map((t) => ({ id: uuidOf(`taxonomy:${t.key}`), name: t.name, description: t.description })),
    taxonomy_terms: taxonomies.flatMap((t) =>
      t.items.map((item) => ({
        id: term(item.id),
        code: item.code,
        name: item.name,
        description: item.description ?? item.name,
        taxonomy_id: uuidOf(`taxonomy:${t.key}`),
        taxonomy: t.name,
        language: 'da',
        ...(item.parent ? { parent_id: term(item.parent.id) } : {}),
      })),
    ),
  };
}

interface PlanRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  status: string;
  housingOrganisations: { name: string }[];
}

const AREA_KIND: Readonly<Record<string, string>> = { MUNICIPALITY: 'Kommune', DISTRICT: 'Bydel', ESTATE: 'Boligafdeling' };

export async function hsdsExport(request: RouteRequest): Promise<RouteResponse> {
  const document = await hsdsDocument(request);
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="hsds.json"' },
    body: JSON.stringify(document, null, 2),
  };
}
