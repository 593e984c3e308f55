import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ActivityStatus, Weekday } from '../core/enums.js';
import type { Language } from '../core/context.js';
import type { RouteRequest, RouteResponse } from '../core/http.js';
import { MAX_PAGE_SIZE } from '../core/pagination.js';
import { message, type Message } from '../core/user-errors.js';
import { safeCsvText, SHEET_COLUMNS, STATUS_NAMES, scheduleText, type ColumnKey } from './sheet.js';

/** The address's filter as the activities query takes it: ActivityFilter's own names, or the console's short ones. */
const FILTER_PARAMS: Readonly<Record<string, { field: string; list: boolean }>> = {
  planIds: { field: 'planIds', list: true },
  plan: { field: 'planIds', list: true },
  areaIds: { field: 'areaIds', list: true },
  area: { field: 'areaIds', list: true },
  targetGroupIds: { field: 'targetGroupIds', list: true },
  group: { field: 'targetGroupIds', list: true },
  methodIds: { field: 'methodIds', list: true },
  method: { field: 'methodIds', list: true },
  themeIds: { field: 'themeIds', list: true },
  theme: { field: 'themeIds', list: true },
  status: { field: 'status', list: true },
  text: { field: 'text', list: false },
  activeOn: { field: 'activeOn', list: false },
  includeArchived: { field: 'includeArchived', list: false },
  archived: { field: 'includeArchived', list: false },
};

/** A request an export cannot serve, said in both languages until the answer picks the caller's (exportError). */
export class ExportRequestError extends Error {
  constructor(
    readonly said: Message,
    readonly status = 400,
  ) {
    super(said.en);
  }
}

/** The filter in an export's address; unknown parameters are refused, so a typo never exports more than was meant. */
export function filterOf(params: URLSearchParams): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const known = FILTER_PARAMS[name];
    if (!known) {
      const taken = Object.keys(FILTER_PARAMS).join(', ');
      throw new ExportRequestError(
        message(`Unknown parameter "${name.slice(0, 40)}"; the filter takes ${taken}`, `Ukendt parameter "${name.slice(0, 40)}"; filteret tager ${taken}`),
      );
    }
    const values = params
      .getAll(name)
      .flatMap((v) => (known.list ? v.split(',') : [v]))
      .map((v) => v.trim())
      .filter(Boolean);
    if (!values.length) continue;
    if (known.field === 'includeArchived') filter.includeArchived = ['1', 'true', 'ja'].includes(values[0]!.toLowerCase());
    else filter[known.field] = known.list ? values : values[0];
  }
  return filter;
}

interface Named {
  id?: string;
  code?: string | null;
  name: string;
}

interface ExportedActivity {
  id: string;
  reference: string | null;
  title: string;
  description: string | null;
  status: ActivityStatus;
  startDate: string;
  endDate: string | null;
  capacity: number | null;
  plan: { id: string; code: string };
  method: Named | null;
  targetGroups: (Named & { minAge: number | null; maxAge: number | null })[];
  areas: Named[];
  themes: Named[];
  partners: { name: string }[];
  contact: { name: string; email: string | null } | null;
  schedule: { weekday: Weekday; startTime: string; endTime: string }[];
}

const CATALOGUE_QUERY = `query ExportCatalogue { areas { code name } targetGroups { code name } themes { code name } methods { code name } }`;
/** Activities one export holds at most: twice what one import takes, and what the hub's memory holds as a workbook. */
export const MAX_EXPORT_ROWS = 10_000;

const PAGE_QUERY = `query ExportActivities($filter: ActivityFilter, $after: String) {
  activities(first: ${MAX_PAGE_SIZE}, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id reference title description status startDate endDate capacity plan { id code } method { id code name }
      targetGroups { id code name minAge maxAge } areas { id code name } themes { id code name } partners { name } contact { name email }
      schedule { weekday startTime endTime } }
  }
}`;

/** GraphQL errors as an export's answer: the caller's mistake (400) unless the hub failed. */
function failed(errors: readonly { message: string; extensions?: Record<string, unknown> }[]): never {
  const code = errors[0]?.extensions?.code;
  // Already in the caller's language: the route's GraphQL answers as its request asked.
  const said = errors.map((e) => e.message).join('; ');
  throw new ExportRequestError(message(said, said), code === 'BUSY' || code === 'DATABASE_UNAVAILABLE' ? 503 : code === 'INTERNAL_SERVER_ERROR' ? 500 : 400);
}

export async function query<T>(request: RouteRequest, text: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await request.execute<T>(text, variables);
  if (result.errors?.length) failed(result.errors as never);
  return result.data!;
}

/** What an export holds at most, and what it says of a filter that finds more. */
export interface ExportLimit {
  max: number;
  tooMany: (total: number) => Message;
}
const ACTIVITY_LIMIT: ExportLimit = {
  max: MAX_EXPORT_ROWS,
  tooMany: (total) =>
    message(
      `The filter selects ${total} activities; an export holds at most ${MAX_EXPORT_ROWS}: narrow it, e.g. by plan or area`,
      `Filteret finder ${total} aktiviteter; en eksport rummer højst ${MAX_EXPORT_ROWS}: afgræns det, fx til en helhedsplan eller et område`,
    ),
};

/**
 * Every node of a connection field, page after page (each page a query of its own, under every limit of one); `keep`
 * turns each page's nodes into what the export holds, so a large export keeps its rows, not the nodes they came from.
 */
export async function allPages<T, R = T>(
  request: RouteRequest,
  text: string,
  field: string,
  variables: Record<string, unknown> = {},
  options: { limit?: ExportLimit; keep?: (node: T) => R } = {},
): Promise<R[]> {
  type Page = Record<string, { totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: T[] }>;
  const { limit = ACTIVITY_LIMIT, keep = (node: T) => node as unknown as R } = options;
  const all: R[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = await query<Page>(request, text, { ...variables, after });
    const total = page[field]!.totalCount ?? 0;
    if (total > limit.max) throw new ExportRequestError(limit.tooMany(total));
    all.push(...page[field]!.nodes.map(keep));
    if (!page[field]!.pageInfo.hasNextPage) return all;
    after = page[field]!.pageInfo.endCursor;
  }
}

/** The activities the filter selects, as the viewer may read them (readers: no e-mail, redacted descriptions). */
export function exportedActivities(request: RouteRequest, filter: Record<string, unknown>): Promise<ExportedActivity[]> {
  return allPages<ExportedActivity>(request, PAGE_QUERY, 'activities', { filter });
}

/** A catalogue entry as a cell: its name where no other entry of its kind has that name, else its code (the import reads both). */
async function namer(request: RouteRequest): Promise<(item: Named) => string> {
  const catalogue = await query<Record<string, Named[]>>(request, CATALOGUE_QUERY);
  const counts = new Map<string, number>();
  for (const item of Object.values(catalogue).flat()) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  return (item) => ((counts.get(item.name) ?? 0) > 1 && item.code ? item.code : item.name);
}

export type Cell = string | number | Date | null;

/** The sheet: the import's headers, then one row per activity, the cells the import reads back unchanged. */
export async function activitySheet(request: RouteRequest): Promise<{ headers: string[]; rows: Cell[][] }> {
  const filter = filterOf(request.url.searchParams);
  const [name, activities] = await Promise.all([namer(request), exportedActivities(request, filter)]);
  const list = (items: Named[]) => items.map(name).join('; ');
  const cells: Record<ColumnKey, (a: ExportedActivity) => Cell> = {
    id: (a) => a.id,
    plan: (a) => a.plan.code,
    reference: (a) => a.reference,
    title: (a) => a.title,
    description: (a) => a.description,
    method: (a) => (a.method ? name(a.method) : null),
    targetGroups: (a) => list(a.targetGroups),
    areas: (a) => list(a.areas),
    themes: (a) => list(a.themes),
    startDate: (a) => dateCell(a.startDate),
    endDate: (a) => (a.endDate ? dateCell(a.endDate) : null),
    status: (a) => STATUS_NAMES[a.status],
    capacity: (a) => a.capacity,
    schedule: (a) => scheduleText(a.schedule),
    // The e-mail where the viewer may see it (it names one person); a reader gets the name only.
    contact: (a) => (a.contact ? (a.contact.email ?? a.contact.name) : null),
    partners: (a) => a.partners.map((p) => p.name).join('; '),
  };
  return {
    headers: SHEET_COLUMNS.map((c) => c.header),
    rows: activities.map((a) => SHEET_COLUMNS.map((c) => cells[c.key](a))),
  };
}

const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Rows as a CSV file as Danish Excel opens it (semicolons, a byte-order mark, CRLF), text safe from formulas, dates as
 * days; `x-export-rows` says how many rows it holds, for the console to say so.
 */
export function csvFile(name: string, headers: readonly string[], rows: readonly (readonly Cell[])[]): RouteResponse {
  const text = stringify(
    [
      headers,
      ...rows.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'string' ? safeCsvText(cell) : cell))),
    ],
    { delimiter: ';', record_delimiter: '\r\n', quoted_string: true },
  );
  return {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${stamp()}.csv"`,
      'x-export-rows': String(rows.length),
    },
    // A byte-order mark, so Excel opens the Danish letters as UTF-8.
    body: `\uFEFF${text}`,
  };
}

export async function activitiesCsv(request: RouteRequest): Promise<RouteResponse> {
  const { headers, rows } = await activitySheet(request);
  return csvFile('aktiviteter', headers, rows);
}

export async function activitiesXlsx(request: RouteRequest): Promise<RouteResponse> {
  const { headers, rows } = await activitySheet(request);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Boligsocial koordinationshub';
  const sheet = workbook.addWorksheet('Aktiviteter', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  // Text cells are stored as text (shared strings): Excel shows "=..." as written and never runs it.
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
  sheet.columns.forEach((column, i) => {
    const key = SHEET_COLUMNS[i]!.key;
    column.width = key === 'description' ? 60 : key === 'title' ? 40 : key === 'id' ? 18 : 22;
    if (key === 'startDate' || key === 'endDate') column.numFmt = 'dd-mm-yyyy';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="aktiviteter-${stamp()}.xlsx"`,
      'x-export-rows': String(rows.length),
    },
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

const TEMPLATE_QUERY = `query ImportTemplate {
  viewer { role plans { code } }
  plans(first: 1) { nodes { code } }
  areas(kind: ESTATE) { code name }
  targetGroups { code name }
  themes { code name }
  methods { code name }
}`;

/** What each column takes, for the template's second sheet. */
const COLUMN_HELP: Readonly<Record<ColumnKey, string>> = {
  id: 'Hubbens id for aktiviteten. Tom for en ny aktivitet; en eksport udfylder den, så rækken rammer den samme aktivitet igen.',
  plan: 'Helhedsplanens kode eller navn. Kan udelades, hvis hele arket hører til én helhedsplan (vælg den ved importen).',
  reference: 'Jeres eget nummer for aktiviteten (fx fra regnearket). Rækker genkendes på den; uden den på helhedsplan og titel.',
  title: 'Aktivitetens navn. Skal udfyldes.',
  description: 'Hvad sker der, for hvem og hvordan. Højst 10.000 tegn.',
  method: 'Metode fra det fælles katalog, med kode eller navn. Kan være tom: hubben gætter så metoden ud fra teksten.',
  targetGroups: 'Én eller flere målgrupper, adskilt af ";" eller ",". Mindst én.',
  areas: 'Ét eller flere områder (boligafdeling eller bydel), adskilt af ";" eller ",". Mindst ét.',
  themes: 'Temaer (indsatsområder), adskilt af ";" eller ",".',
  startDate: 'Første dag: en dato i Excel, 1.2.2026, 01-02-2026, 2026-02-01 eller 1. februar 2026. Skal udfyldes.',
  endDate: 'Sidste dag; tom, hvis aktiviteten ikke har en slutdato.',
  status: 'Planlagt, I gang, Sat på pause, Afsluttet eller Aflyst. Tom: Planlagt.',
  capacity: 'Antal deltagere, der kan være med ad gangen (et helt tal).',
  schedule: 'Ugedage og tidsrum, fx "tirsdag 15.30-17.00; torsdag 15.30-17.00" eller "man og ons kl. 10-12".',
  contact: 'Kontaktpersonens e-mail eller navn.',
  partners: 'Samarbejdspartnere (organisationer) med navn, adskilt af ";".',
};

/** An empty sheet to fill in: the import's headers, two example rows from this city's catalogue, and what each column takes. */
export async function templateXlsx(request: RouteRequest): Promise<RouteResponse> {
  const city = await query<{
    viewer: { role: string; plans: { code: string }[] };
    plans: { nodes: { code: string }[] };
    areas: Named[];
    targetGroups: Named[];
    themes: Named[];
    methods: Named[];
  }>(request, TEMPLATE_QUERY);
  const name = await namer(request);
  const pick = <T>(items: T[], i: number) => items[Math.min(i, items.length - 1)];
  const plan = (city.viewer.role === 'PROJECT_LEAD' ? city.viewer.plans[0] : city.plans.nodes[0])?.code ?? '';
  const example = (i: number): Record<ColumnKey, Cell> => {
    const [method, group, area, theme] = [pick(city.methods, i), pick(city.targetGroups, i), pick(city.areas, i), pick(city.themes, i)];
    return {
      id: null,
      plan,
      reference: `EKS-${i + 1}`,
      title: i === 0 ? `${method?.name ?? 'Lektiecafé'} (eksempel)` : `Åbent hus for ${group?.name.toLowerCase() ?? 'beboere'} (eksempel)`,
      description:
        i === 0 ? 'Frivillige hjælper hver uge; slet eksemplerne, før I importerer.' : 'Et andet eksempel: uden metode, så hubben gætter den ud fra teksten.',
      method: i === 0 && method ? name(method) : null,
      targetGroups: group ? name(group) : null,
      areas: area ? name(area) : null,
      themes: theme ? name(theme) : null,
      startDate: i === 0 ? dateCell('2026-02-01') : '1. marts 2026',
      endDate: i === 0 ? dateCell('2026-06-30') : null,
      status: i === 0 ? STATUS_NAMES.RUNNING : STATUS_NAMES.PLANNED,
      capacity: i === 0 ? 20 : null,
      schedule: i === 0 ? 'tirsdag 15.30-17.00; torsdag 15.30-17.00' : 'lørdag 10-13',
      contact: null,
      partners: null,
    };
  };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Aktiviteter', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(SHEET_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const i of [0, 1]) sheet.addRow(SHEET_COLUMNS.map((c) => example(i)[c.key]));
  sheet.columns.forEach((column, i) => {
    const key = SHEET_COLUMNS[i]!.key;
    column.width = key === 'description' ? 50 : key === 'title' ? 36 : 22;
    if (key === 'startDate' || key === 'endDate') column.numFmt = 'dd-mm-yyyy';
  });
  const help = workbook.addWorksheet('Vejledning');
  help.addRow(['Kolonne', 'Hvad den indeholder']).font = { bold: true };
  for (const column of SHEET_COLUMNS) help.addRow([column.header, COLUMN_HELP[column.key]]);
  help.getColumn(1).width = 22;
  help.getColumn(2).width = 110;
  return {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="aktiviteter-skabelon.xlsx"',
    },
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** An export's answer to a request it cannot serve, in the caller's language. */
export function exportError(error: unknown, language: Language): RouteResponse {
  if (!(error instanceof ExportRequestError)) throw error;
  return {
    status: error.status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ errors: [{ message: error.said[language] }] }),
  };
}
