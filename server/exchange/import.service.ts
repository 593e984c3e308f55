import type { EntityManager } from '@mikro-orm/postgresql';
import { mayEditPlan, requireMutation } from '../access/permissions.js';
import { ACTIVITY_CAPS, activitySnapshot, REVIEWED_FIELDS } from '../activities/activity.commands.js';
import { Activity, MAX_REFERENCE } from '../activities/activity.entity.js';
import { activityWrites } from '../activities/activity.hooks.js';
import type { ScheduleSlotData } from '../activities/schedule.js';
import { Area } from '../areas/area.entity.js';
import { Method } from '../catalogue/method.entity.js';
import { TargetGroup } from '../catalogue/target-group.entity.js';
import { Theme } from '../catalogue/theme.entity.js';
import { recordAudit, type Snapshot } from '../core/audit-trail.js';
import type { HubContext, Viewer } from '../core/context.js';
import { ActivityStatus } from '../core/enums.js';
import { fromGlobalId } from '../core/global-id.js';
import { MAX_TEXT, MAX_TITLE, runMutation } from '../core/mutation.js';
import { pgArray, rows } from '../core/sql.js';
import { refuse, UserErrorCode, message } from '../core/user-errors.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { similarCounts } from '../overlap/overlap.service.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { ImportRowStatus, type ImportActivitiesInput, type ImportCellError, type ImportReport, type ImportRow } from './import.input.js';
import { readSheet, SheetError, SHEET_LIMITS, type Sheet } from './sheet-read.js';
import {
  cellText,
  clip,
  columnOf,
  HEADER_OF,
  listItems,
  NameIndex,
  parseCapacity,
  parseDate,
  parseSchedule,
  parseStatus,
  type CellValue,
  type ColumnKey,
  type Named,
} from './sheet.js';

/** What a row says an activity is; a field is undefined when the sheet has no column for it (the activity keeps its value). */
interface Wanted {
  planId: number;
  title?: string;
  description?: string | null;
  methodId?: number | null;
  targetGroupIds?: number[];
  areaIds?: number[];
  themeIds?: number[];
  startDate?: string;
  endDate?: string | null;
  status?: ActivityStatus;
  capacity?: number | null;
  schedule?: ScheduleSlotData[];
  contactId?: number | null;
  partnerIds?: number[];
  reference?: string | null;
}

interface RowWork {
  row: number;
  title: string | null;
  errors: ImportCellError[];
  wanted?: Wanted;
  /** The activity the row matches (by Id, Reference, or plan and title). */
  match?: Existing;
  /** The sheet's Id cell, when it names an activity: matched once the activities are loaded. */
  idCell?: number;
  status?: ImportRowStatus;
  activityId: number | null;
}

/** A stored activity as matching needs it: plain rows, so a city's sheet does not load the city's entities at once. */
interface Existing {
  id: number;
  planId: number;
  title: string;
  reference: string | null;
  archived: boolean;
  startDate: string;
  endDate: string | null;
}

/** Rows written per flush: the unit of work stays small however long the sheet (the hub runs in 160 MB). */
const CHUNK = 250;

/** The catalogues a sheet names things from, read once per import. */
interface Catalogues {
  plans: NameIndex<Named & { plan: Plan }>;
  areas: NameIndex<Named>;
  targetGroups: NameIndex<Named>;
  themes: NameIndex<Named>;
  methods: NameIndex<Named>;
  organisations: NameIndex<Named>;
  people: NameIndex<Named>;
}

async function loadCatalogues(tx: EntityManager): Promise<Catalogues> {
  const named = <T extends { id: number; name: string; code?: string }>(items: T[]) => items.map((i) => ({ id: i.id, code: i.code ?? null, name: i.name }));
  const [plans, areas, groups, themes, methods, organisations, people] = await Promise.all([
    tx.find(Plan, {}),
    tx.find(Area, {}),
    tx.find(TargetGroup, {}),
    tx.find(Theme, {}),
    tx.find(Method, {}),
    tx.find(Organisation, {}),
    tx.find(Person, {}),
  ]);
  return {
    plans: new NameIndex(
      plans.map((p) => ({ id: p.id, code: p.code, name: p.name, plan: p })),
      'helhedsplan',
    ),
    areas: new NameIndex(named(areas), 'område'),
    targetGroups: new NameIndex(named(groups), 'målgruppe'),
    themes: new NameIndex(named(themes), 'tema'),
    methods: new NameIndex(named(methods), 'metode'),
    organisations: new NameIndex(named(organisations), 'samarbejdspartner'),
    people: new NameIndex(
      people.map((p) => ({ id: p.id, name: p.name, alias: p.email ?? null })),
      'kontaktperson',
    ),
  };
}

/** Thrown to roll back the work of a dry run (or of an import with a failed row) once its report is made. */
class NotWritten extends Error {
  constructor(readonly report: ImportReport) {
    super('not written');
  }
}

const EMPTY = { report: null as ImportReport | null };

/** importActivities: reads the sheet, checks every row, and writes all of it in one transaction, or nothing. */
export async function importActivities(ctx: HubContext, input: ImportActivitiesInput) {
  try {
    return await runMutation(ctx, EMPTY, async (tx) => {
      const viewer = requireMutation(ctx.viewer, 'importActivities');
      const defaultPlan = await planOfInput(tx, viewer, input.planId);
      let sheet: Sheet;
      try {
        sheet = await readSheet(input.format, input.content);
      } catch (error) {
        if (error instanceof SheetError)
          refuse(['input', 'content'], UserErrorCode.INVALID, message(`The sheet cannot be read: ${error.message}`, error.message));
        throw error;
      }
      // A large import scores hundreds of activities in a few statements; a request's usual 5 s would cut it off.
      await tx.execute("set local statement_timeout = '120s'");
      const report = await importSheet(tx, viewer, sheet, defaultPlan, input.dryRun);
      if (!report.written) throw new NotWritten(report);
      return { report };
    });
  } catch (error) {
    if (error instanceof NotWritten) return { report: error.report, userErrors: [] };
    throw error;
  }
}

async function planOfInput(tx: EntityManager, viewer: Viewer, planId: string | null | undefined): Promise<Plan | null> {
  if (planId === null || planId === undefined) return null;
  const decoded = fromGlobalId(planId);
  if (!decoded || decoded.type !== 'Plan')
    refuse(
      ['input', 'planId'],
      UserErrorCode.INVALID,
      message(`"${clip(planId)}" is not the id of a plan`, `"${clip(planId)}" er ikke id'et på en helhedsplan`),
    );
  const plan = await tx.findOne(Plan, decoded.id);
  if (!plan)
    refuse(['input', 'planId'], UserErrorCode.NOT_FOUND, message(`No plan has the id "${clip(planId)}"`, `Ingen helhedsplan har id'et "${clip(planId)}"`));
  if (!mayEditPlan(viewer, plan.id)) {
    refuse(
      ['input', 'planId'],
      UserErrorCode.FORBIDDEN,
      message(
        `You may only import into your own plans; "${plan.name}" is not one of them`,
        `Du kan kun importere til dine egne helhedsplaner; "${plan.name}" er ikke en af dem`,
      ),
    );
  }
  return plan;
}

/** The sheet's columns by key, and the headers it does not know; a column given twice is refused. */
function columnsOf(sheet: Sheet): { columns: Map<ColumnKey, { index: number; header: string }>; unknown: string[] } {
  const columns = new Map<ColumnKey, { index: number; header: string }>();
  const unknown: string[] = [];
  for (const { index, text } of sheet.headers) {
    const key = columnOf(text);
    if (!key) unknown.push(text);
    else if (columns.has(key)) {
      refuse(
        ['input', 'content'],
        UserErrorCode.INVALID,
        message(
          `The column ${HEADER_OF[key]} appears twice ("${columns.get(key)!.header}" and "${text}"); delete one`,
          `Kolonnen ${HEADER_OF[key]} står to gange ("${columns.get(key)!.header}" og "${text}"); slet den ene`,
        ),
      );
    } else columns.set(key, { index, header: text });
  }
  return { columns, unknown };
}

async function importSheet(tx: EntityManager, viewer: Viewer, sheet: Sheet, defaultPlan: Plan | null, dryRun: boolean): Promise<ImportReport> {
  const { columns, unknown } = columnsOf(sheet);
  if (!columns.has('title')) {
    refuse(
      ['input', 'content'],
      UserErrorCode.INVALID,
      message(
        'The sheet has no column Titel: the first row must hold the column names (Titel, Målgrupper, Områder, Startdato ...)',
        'Arket har ingen kolonne Titel: første række skal have kolonnernes navne (Titel, Målgrupper, Områder, Startdato …)',
      ),
    );
  }
  if (!columns.has('plan') && !defaultPlan) {
    refuse(
      ['input', 'planId'],
      UserErrorCode.INVALID,
      message(
        'The sheet has no column Helhedsplan: choose the plan its rows belong to',
        'Arket har ingen kolonne Helhedsplan: vælg den helhedsplan, rækkerne hører til',
      ),
    );
  }
  const catalogues = await loadCatalogues(tx);
  const work = sheet.rows.map((r) => readRow(r.row, r.cells, columns, catalogues, viewer, defaultPlan));
  await matchRows(tx, work, columns);
  const apply = !dryRun && work.every((w) => w.errors.length === 0);
  await writeRows(tx, viewer, work, apply);
  const counts = await similarCounts(
    tx,
    work.flatMap((w) => (w.activityId ? [w.activityId] : [])),
  );
  const rows: ImportRow[] = work.map((w) => ({
    row: w.row,
    title: w.title,
    status: w.errors.length ? ImportRowStatus.FAILED : w.status!,
    activityId: w.errors.length || w.status === ImportRowStatus.WOULD_CREATE ? null : w.activityId,
    errors: w.errors,
    similarCount: w.errors.length ? 0 : (counts.get(w.activityId ?? 0) ?? 0),
  }));
  const count = (...statuses: ImportRowStatus[]) => rows.filter((r) => statuses.includes(r.status)).length;
  return {
    written: apply,
    created: count(ImportRowStatus.CREATED, ImportRowStatus.WOULD_CREATE),
    updated: count(ImportRowStatus.UPDATED, ImportRowStatus.WOULD_UPDATE),
    unchanged: count(ImportRowStatus.UNCHANGED),
    failed: count(ImportRowStatus.FAILED),
    unknownColumns: unknown,
    rows,
  };
}

/** One row's cells as what the activity should be, with an error per cell that cannot be read. */
function readRow(
  row: number,
  cells: CellValue[],
  columns: Map<ColumnKey, { index: number; header: string }>,
  catalogues: Catalogues,
  viewer: Viewer,
  defaultPlan: Plan | null,
): RowWork {
  const errors: ImportCellError[] = [];
  const header = (key: ColumnKey) => columns.get(key)?.header ?? HEADER_OF[key];
  const problem = (key: ColumnKey, code: UserErrorCode, message: string) => errors.push({ column: header(key), code, message });
  /** The cell of a column, undefined when the sheet has no such column; formulas and overlong text are refused here. */
  const cell = (key: ColumnKey): CellValue | undefined => {
    const column = columns.get(key);
    if (!column) return undefined;
    const value = cells[column.index] ?? null;
    if (value && typeof value === 'object' && 'formula' in value) {
      problem(key, UserErrorCode.INVALID, `Cellen indeholder en formel eller en fejlværdi (${value.formula}); skriv selve værdien`);
      return null;
    }
    if (typeof value === 'string' && value.length > SHEET_LIMITS.cellCharacters) {
      problem(
        key,
        UserErrorCode.INVALID,
        `Cellen har ${value.length.toLocaleString('da-DK')} tegn; højst ${SHEET_LIMITS.cellCharacters.toLocaleString('da-DK')}`,
      );
      return null;
    }
    return value;
  };
  const text = (key: ColumnKey, max: number): string | null | undefined => {
    const value = cell(key);
    if (value === undefined) return undefined;
    const content = cellText(value);
    if (content.length > max)
      problem(key, UserErrorCode.INVALID, `Højst ${max.toLocaleString('da-DK')} tegn; cellen har ${content.length.toLocaleString('da-DK')}`);
    return content || null;
  };
  function parsed<T>(key: ColumnKey, parse: (value: CellValue) => { ok: true; value: T } | { ok: false; message: string }): T | undefined {
    const value = cell(key);
    if (value === undefined) return undefined;
    const result = parse(value);
    if (!result.ok) problem(key, UserErrorCode.INVALID, result.message);
    return result.ok ? result.value : undefined;
  }
  function names(key: ColumnKey, index: NameIndex<Named>, max: number): number[] | undefined {
    const value = cell(key);
    if (value === undefined) return undefined;
    const items = listItems(value, (whole) => index.has(whole));
    if (items.length > max) problem(key, UserErrorCode.INVALID, `Højst ${max} ${index.what}r; cellen nævner ${items.length}`);
    const ids: number[] = [];
    for (const item of items.slice(0, max)) {
      const found = index.find(item);
      if (found.ok) ids.push(found.value.id);
      else problem(key, UserErrorCode.NOT_FOUND, found.message);
    }
    return [...new Set(ids)];
  }
  function one(key: ColumnKey, index: NameIndex<Named>): number | null | undefined {
    const value = cell(key);
    if (value === undefined) return undefined;
    const content = cellText(value);
    if (!content) return null;
    const found = index.find(content);
    if (!found.ok) problem(key, UserErrorCode.NOT_FOUND, found.message);
    return found.ok ? found.value.id : undefined;
  }

  const title = text('title', MAX_TITLE);
  let plan = defaultPlan;
  const planCell = cell('plan');
  if (planCell !== undefined && cellText(planCell)) {
    const found = catalogues.plans.find(cellText(planCell));
    if (found.ok) plan = found.value.plan;
    else {
      problem('plan', UserErrorCode.NOT_FOUND, found.message);
      plan = null;
    }
  } else if (!plan) problem('plan', UserErrorCode.INVALID, 'Skriv helhedsplanens kode eller navn (eller vælg en helhedsplan til hele arket)');
  if (plan && !mayEditPlan(viewer, plan.id)) {
    problem('plan', UserErrorCode.FORBIDDEN, `Du kan kun importere til dine egne helhedsplaner; "${plan.name}" er ikke en af dem`);
  }
  const idCell = cell('id');
  const idText = idCell === undefined ? '' : cellText(idCell);
  const decodedId = idText ? fromGlobalId(idText) : null;
  if (idText && decodedId?.type !== 'Activity')
    problem('id', UserErrorCode.INVALID, `"${clip(idText)}" er ikke en aktivitets id fra hubben; lad cellen stå tom for en ny aktivitet`);

  const wanted: Wanted = {
    planId: plan?.id ?? 0,
    title: title === null ? undefined : title,
    description: text('description', MAX_TEXT),
    reference: text('reference', MAX_REFERENCE),
    methodId: one('method', catalogues.methods),
    targetGroupIds: names('targetGroups', catalogues.targetGroups, ACTIVITY_CAPS.targetGroups),
    areaIds: names('areas', catalogues.areas, ACTIVITY_CAPS.areas),
    themeIds: names('themes', catalogues.themes, ACTIVITY_CAPS.themes),
    partnerIds: names('partners', catalogues.organisations, ACTIVITY_CAPS.partners),
    contactId: one('contact', catalogues.people),
    startDate: parsed('startDate', parseDate) ?? undefined,
    endDate: parsed('endDate', parseDate),
    status: parsed('status', parseStatus) ?? undefined,
    capacity: parsed('capacity', (v) => parseCapacity(v, ACTIVITY_CAPS.capacity)),
    schedule: parsed('schedule', parseSchedule),
  };
  if (title === null) problem('title', UserErrorCode.INVALID, 'Titlen mangler');
  if (wanted.startDate === undefined && columns.has('startDate') && !errors.some((e) => e.column === header('startDate'))) {
    problem('startDate', UserErrorCode.INVALID, 'Startdatoen mangler');
  }
  for (const key of ['targetGroups', 'areas'] as const) {
    const ids = key === 'targetGroups' ? wanted.targetGroupIds : wanted.areaIds;
    if (ids && ids.length === 0 && !errors.some((e) => e.column === header(key))) {
      problem(key, UserErrorCode.INVALID, key === 'areas' ? 'Skriv mindst ét område' : 'Skriv mindst én målgruppe');
    }
  }
  return { row, title: title ?? null, errors, wanted, idCell: decodedId?.type === 'Activity' ? decodedId.id : undefined, activityId: null };
}

/** Finds the activity each row means, and refuses rows that mean one another row means already. */
async function matchRows(tx: EntityManager, work: RowWork[], columns: Map<ColumnKey, { index: number; header: string }>): Promise<void> {
  const planIds = [...new Set(work.map((w) => w.wanted!.planId).filter((id) => id > 0))];
  const byId = work.flatMap((w) => (w.idCell ? [w.idCell] : []));
  const existing: Existing[] = (
    await rows(
      tx,
      `select id, plan_id, title, reference, archived, to_char(start_date, 'YYYY-MM-DD') as start_date, to_char(end_date, 'YYYY-MM-DD') as end_date
       from activity where plan_id = any(?::int[]) or id = any(?::int[])`,
      [pgArray(planIds), pgArray(byId)],
    )
  ).map((r) => ({
    id: Number(r.id),
    planId: Number(r.plan_id),
    title: String(r.title),
    reference: (r.reference as string | null) ?? null,
    archived: Boolean(r.archived),
    startDate: String(r.start_date),
    endDate: (r.end_date as string | null) ?? null,
  }));
  const ofId = new Map(existing.map((a) => [a.id, a]));
  const key = (planId: number, text: string) => `${planId} ${text}`;
  const ofReference = new Map(existing.filter((a) => a.reference).map((a) => [key(a.planId, sameReference(a.reference!)), a]));
  const ofTitle = new Map<string, Existing[]>();
  for (const a of existing.filter((a) => !a.archived)) {
    const k = key(a.planId, a.title.trim().toLowerCase());
    ofTitle.set(k, [...(ofTitle.get(k) ?? []), a]);
  }
  const header = (k: ColumnKey) => columns.get(k)?.header ?? HEADER_OF[k];
  const claimed = new Map<string, number>();
  for (const w of work) {
    const wanted = w.wanted!;
    if (!wanted.planId) continue;
    if (w.idCell) {
      const found = ofId.get(w.idCell);
      if (!found)
        w.errors.push({ column: header('id'), code: UserErrorCode.NOT_FOUND, message: 'Ingen aktivitet har dette id; lad cellen stå tom for en ny aktivitet' });
      else if (found.planId !== wanted.planId) {
        w.errors.push({
          column: header('plan'),
          code: UserErrorCode.INVALID,
          message: 'Aktiviteten med dette id hører til en anden helhedsplan; en import flytter ikke aktiviteter',
        });
      } else w.match = found;
    } else if (wanted.reference) w.match = ofReference.get(key(wanted.planId, sameReference(wanted.reference)));
    else if (wanted.title) {
      const found = ofTitle.get(key(wanted.planId, wanted.title.toLowerCase())) ?? [];
      if (found.length > 1) {
        w.errors.push({
          column: header('title'),
          code: UserErrorCode.DUPLICATE,
          message: `${found.length} aktiviteter i helhedsplanen hedder "${clip(wanted.title)}"; skriv en Reference eller aktivitetens Id, så rækken kun passer på én`,
        });
      }
      w.match = found.length === 1 ? found[0] : undefined;
    }
    // The same activity, or the same new one, named by two rows: the later row is refused.
    const identity = w.match
      ? `id ${w.match.id}`
      : wanted.reference
        ? `ref ${key(wanted.planId, sameReference(wanted.reference))}`
        : `title ${key(wanted.planId, (wanted.title ?? '').toLowerCase())}`;
    const earlier = claimed.get(identity);
    if (earlier !== undefined) {
      w.errors.push({
        column: header(w.match || !wanted.reference ? 'title' : 'reference'),
        code: UserErrorCode.DUPLICATE,
        message: `Rækken gentager række ${earlier}`,
      });
    } else claimed.set(identity, w.row);
    if (w.match?.archived) w.errors.push({ column: header('title'), code: UserErrorCode.INVALID, message: 'Aktiviteten er arkiveret og kan ikke ændres' });
    // A reference another activity of the plan has already.
    if (!w.match && wanted.reference === undefined) continue;
    const holder = wanted.reference ? ofReference.get(key(wanted.planId, sameReference(wanted.reference))) : undefined;
    if (holder && w.match && holder.id !== w.match.id) {
      w.errors.push({ column: header('reference'), code: UserErrorCode.DUPLICATE, message: `Referencen bruges allerede af "${clip(holder.title)}"` });
    }
  }
  for (const w of work) {
    const wanted = w.wanted!;
    if (w.match || w.errors.length) continue;
    // A new activity needs what the registration form needs.
    const missing: [ColumnKey, string][] = [];
    if (wanted.targetGroupIds === undefined) missing.push(['targetGroups', 'en ny aktivitet skal have mindst én målgruppe']);
    if (wanted.areaIds === undefined) missing.push(['areas', 'en ny aktivitet skal have mindst ét område']);
    if (wanted.startDate === undefined) missing.push(['startDate', 'en ny aktivitet skal have en startdato']);
    for (const [k, why] of missing) w.errors.push({ column: header(k), code: UserErrorCode.INVALID, message: `Kolonnen ${HEADER_OF[k]} mangler: ${why}` });
  }
  for (const w of work) {
    const start = w.wanted!.startDate ?? w.match?.startDate;
    const end = w.wanted!.endDate === undefined ? w.match?.endDate : w.wanted!.endDate;
    if (start && end && end < start)
      w.errors.push({ column: header('endDate'), code: UserErrorCode.INVALID, message: `Slutdatoen (${end}) ligger før startdatoen (${start})` });
  }
}

/** A schedule compared by its slots (the stored JSON may order its keys differently). */
const slots = (s: readonly ScheduleSlotData[]) => JSON.stringify(s.map((x) => [x.weekday, x.startTime.slice(0, 5), x.endTime.slice(0, 5)]));

/** References match case aside, but every character counts ("1.2" is not "12"). */
const sameReference = (reference: string) => reference.trim().toLowerCase();

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Whether the row would change the activity it matches. */
function differs(activity: Activity, wanted: Wanted): boolean {
  const idsOf = (items: { id: number }[]) => items.map((i) => i.id);
  const checks: [unknown, () => boolean][] = [
    [wanted.title, () => wanted.title === activity.title],
    [wanted.description, () => (wanted.description ?? null) === (activity.description ?? null)],
    [wanted.reference, () => (wanted.reference ?? null) === (activity.reference ?? null)],
    [wanted.methodId, () => (wanted.methodId ?? null) === (activity.method?.id ?? null)],
    [wanted.contactId, () => (wanted.contactId ?? null) === (activity.contact?.id ?? null)],
    [wanted.targetGroupIds, () => sameIds(wanted.targetGroupIds!, idsOf(activity.targetGroups.getItems()))],
    [wanted.areaIds, () => sameIds(wanted.areaIds!, idsOf(activity.areas.getItems()))],
    [wanted.themeIds, () => sameIds(wanted.themeIds!, idsOf(activity.themes.getItems()))],
    [wanted.partnerIds, () => sameIds(wanted.partnerIds!, idsOf(activity.partners.getItems()))],
    [wanted.startDate, () => wanted.startDate === activity.startDate],
    [wanted.endDate, () => (wanted.endDate ?? null) === (activity.endDate ?? null)],
    [wanted.status, () => wanted.status === activity.status],
    [wanted.capacity, () => (wanted.capacity ?? null) === (activity.capacity ?? null)],
    [wanted.schedule, () => slots(wanted.schedule!) === slots(activity.schedule)],
  ];
  // A field the sheet has no column for is undefined and keeps the activity's value.
  return checks.some(([value, same]) => value !== undefined && !same());
}

/** Applies the rows in the open transaction, a chunk at a time; the caller rolls it back unless `apply`. */
async function writeRows(tx: EntityManager, viewer: Viewer, work: RowWork[], apply: boolean): Promise<void> {
  const good = work.filter((w) => w.errors.length === 0);
  await activityWrites.lockActivities.run(
    tx,
    good.flatMap((w) => (w.match ? [w.match.id] : [])),
    good.flatMap((w) => w.wanted!.areaIds ?? []),
  );
  const changedIds: number[] = [];
  const reopen = new Set<number>();
  for (let start = 0; start < good.length; start += CHUNK) {
    const chunk = good.slice(start, start + CHUNK);
    // Read under the locks: a write that committed since the sheet was matched is what the row is compared with.
    const ids = chunk.flatMap((w) => (w.match ? [w.match.id] : []));
    const loaded = ids.length
      ? await tx.find(Activity, { id: { $in: ids } }, { populate: ['themes', 'targetGroups', 'areas', 'partners'], refresh: true })
      : [];
    const byId = new Map(loaded.map((a) => [a.id, a]));
    const changed: { w: RowWork; activity: Activity; before: Snapshot | null }[] = [];
    for (const w of chunk) {
      const activity = w.match ? byId.get(w.match.id)! : null;
      if (activity && !differs(activity, w.wanted!)) {
        w.status = ImportRowStatus.UNCHANGED;
        w.activityId = activity.id;
        continue;
      }
      const before = activity ? activitySnapshot(activity) : null;
      changed.push({ w, before, activity: applyRow(tx, viewer, activity, w.wanted!) });
      w.status = activity ? (apply ? ImportRowStatus.UPDATED : ImportRowStatus.WOULD_UPDATE) : apply ? ImportRowStatus.CREATED : ImportRowStatus.WOULD_CREATE;
    }
    await tx.flush();
    for (const c of changed) {
      c.w.activityId = c.activity.id;
      changedIds.push(c.activity.id);
      const after = activitySnapshot(c.activity);
      recordAudit(tx, viewer, 'importActivities', { type: 'Activity', id: c.activity.id }, c.before, after);
      if (c.before && REVIEWED_FIELDS.some((f) => JSON.stringify(c.before![f]) !== JSON.stringify(after[f]))) reopen.add(c.activity.id);
    }
    await tx.flush();
    tx.clear();
  }
  // The overlap store follows the whole import at once.
  if (changedIds.length) await activityWrites.changed.run(tx, changedIds, { reopenReviews: reopen });
}

/** The row's values on its activity (a new one when it matches none). */
function applyRow(tx: EntityManager, viewer: Viewer, matched: Activity | null, wanted: Wanted): Activity {
  const ref = <T extends object>(entity: new () => T, id: number | null | undefined) => (id ? tx.getReference(entity as never, id as never) : null) as never;
  const refs = <T extends object>(entity: new () => T, ids: number[]) => ids.map((id) => tx.getReference(entity as never, id as never)) as never[];
  const activity =
    matched ?? tx.create(Activity, { plan: ref(Plan, wanted.planId), title: wanted.title!, startDate: wanted.startDate!, createdBy: viewer.userId });
  if (wanted.title !== undefined) activity.title = wanted.title;
  if (wanted.description !== undefined) activity.description = wanted.description;
  if (wanted.reference !== undefined) activity.reference = wanted.reference;
  if (wanted.methodId !== undefined) activity.method = ref(Method, wanted.methodId);
  if (wanted.contactId !== undefined) activity.contact = ref(Person, wanted.contactId);
  if (wanted.targetGroupIds !== undefined) activity.targetGroups.set(refs(TargetGroup, wanted.targetGroupIds));
  if (wanted.areaIds !== undefined) activity.areas.set(refs(Area, wanted.areaIds));
  if (wanted.themeIds !== undefined) activity.themes.set(refs(Theme, wanted.themeIds));
  if (wanted.partnerIds !== undefined) activity.partners.set(refs(Organisation, wanted.partnerIds));
  if (wanted.startDate !== undefined) activity.startDate = wanted.startDate;
  if (wanted.endDate !== undefined) activity.endDate = wanted.endDate;
  if (wanted.status !== undefined) activity.status = wanted.status;
  if (wanted.capacity !== undefined) activity.capacity = wanted.capacity;
  if (wanted.schedule !== undefined && slots(wanted.schedule) !== slots(activity.schedule)) activity.schedule = wanted.schedule;
  // Every change raises the version, also one that touches only the related lists.
  if (matched) activity.updatedAt = new Date();
  return activity;
}
