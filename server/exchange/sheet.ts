import { ActivityStatus, DANISH_WEEKDAYS, Weekday } from '../core/enums.js';
import type { ScheduleSlotData } from '../activities/schedule.js';

/** The columns of an activity sheet, in the order an export writes them; headers match in Danish or English. */
export const SHEET_COLUMNS = [
  { key: 'id', header: 'Id', aliases: ['hub-id', 'aktivitets-id', 'activity id'] },
  { key: 'plan', header: 'Helhedsplan', aliases: ['plan', 'boligsocial helhedsplan', 'helhedsplankode'] },
  { key: 'reference', header: 'Reference', aliases: ['ref', 'nr', 'nummer', 'løbenummer'] },
  { key: 'title', header: 'Titel', aliases: ['title', 'aktivitet', 'aktivitetens navn', 'navn', 'name', 'activity'] },
  { key: 'description', header: 'Beskrivelse', aliases: ['description', 'indhold'] },
  { key: 'method', header: 'Metode', aliases: ['method', 'arbejdsform'] },
  { key: 'targetGroups', header: 'Målgrupper', aliases: ['målgruppe', 'target groups', 'target group'] },
  { key: 'areas', header: 'Områder', aliases: ['område', 'areas', 'area', 'boligområde', 'boligområder'] },
  { key: 'themes', header: 'Temaer', aliases: ['tema', 'indsatsområde', 'indsatsområder', 'themes', 'theme'] },
  { key: 'startDate', header: 'Startdato', aliases: ['start', 'start date', 'startdate', 'fra', 'fra dato'] },
  { key: 'endDate', header: 'Slutdato', aliases: ['slut', 'end date', 'enddate', 'til', 'til dato'] },
  { key: 'status', header: 'Status', aliases: ['tilstand'] },
  { key: 'capacity', header: 'Kapacitet', aliases: ['capacity', 'pladser', 'antal pladser'] },
  { key: 'schedule', header: 'Ugeplan', aliases: ['schedule', 'tidspunkt', 'tidspunkter', 'mødetider', 'tider'] },
  { key: 'contact', header: 'Kontakt', aliases: ['kontaktperson', 'contact', 'contact person', 'ansvarlig'] },
  { key: 'partners', header: 'Samarbejdspartnere', aliases: ['samarbejdspartner', 'partnere', 'partners', 'partner'] },
] as const;

export type ColumnKey = (typeof SHEET_COLUMNS)[number]['key'];

export const HEADER_OF: Readonly<Record<ColumnKey, string>> = Object.fromEntries(SHEET_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

/**
 * Text folded for matching: case, accents, spaces and punctuation do not count, and the Danish letters meet their
 * ASCII spellings ("Målgrupper", "Maalgrupper" and "malgrupper" are one header).
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'e');
}

const HEADERS = new Map<string, ColumnKey>(SHEET_COLUMNS.flatMap((c) => [c.header, c.key, ...c.aliases].map((name) => [fold(name), c.key] as const)));

/** The column a header names, or undefined. */
export function columnOf(header: string): ColumnKey | undefined {
  return HEADERS.get(fold(header));
}

/** A cell as read from a sheet: text, a number, an Excel date, a truth value, a formula (refused), or empty. */
export type CellValue = string | number | boolean | Date | { formula: string } | null;

/** A cell's content as text, trimmed ("" for empty); formulas are refused before this is asked. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoOf(value);
  if (typeof value === 'object') return '';
  return String(value).trim();
}

const isoOf = (date: Date) => date.toISOString().slice(0, 10);

/** What a value could not be, in Danish, for the cell's error; or the value. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['januar', 'jan', 'january'],
    ['februar', 'feb', 'february'],
    ['marts', 'mar', 'march'],
    ['april', 'apr'],
    ['maj', 'may'],
    ['juni', 'jun', 'june'],
    ['juli', 'jul', 'july'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt', 'oct', 'october'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap((names, i) => names.map((name) => [name, i + 1])),
);

/** Days from Excel's day 0 (1899-12-30, Excel counting 1900 as a leap year) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

function calendarDate(year: number, month: number, day: number): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`${day}.${month}.${year} er ikke en dato i kalenderen`);
  }
  return ok(isoOf(date));
}

/**
 * A date as people write it in a Danish sheet: an Excel date, 1.2.2026, 01-02-2026, 1/2/2026, 2026-02-01 or
 * "1. februar 2026" (day before month, as in Denmark).
 */
export function parseDate(value: CellValue): Parsed<string | null> {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? fail('Datoen kan ikke læses') : ok(isoOf(value));
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 109_574) return fail(`${value} er ikke en dato`);
    return ok(isoOf(new Date((value - EXCEL_EPOCH_DAYS) * 86_400_000)));
  }
  const text = cellText(value);
  if (!text) return ok(null);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(text);
  if (numeric) {
    const year = Number(numeric[3]!.length === 2 ? `20${numeric[3]}` : numeric[3]);
    return calendarDate(year, Number(numeric[2]), Number(numeric[1]));
  }
  const named = /^(\d{1,2})\.?\s*([\p{L}]+)\.?,?\s*(\d{4})$/u.exec(text);
  const month = named ? MONTHS[named[2]!.toLowerCase()] : undefined;
  if (named && month) return calendarDate(Number(named[3]), month, Number(named[1]));
  return fail(`"${clip(text)}" er ikke en dato; skriv fx 1.2.2026, 2026-02-01 eller 1. februar 2026`);
}

const STATUSES = new Map<string, ActivityStatus>(
  (
    [
      [ActivityStatus.PLANNED, ['planlagt', 'planlægges', 'planned', 'kommende']],
      [ActivityStatus.RUNNING, ['i gang', 'igang', 'kører', 'aktiv', 'running', 'active']],
      [ActivityStatus.PAUSED, ['sat på pause', 'pause', 'på pause', 'paused']],
      [ActivityStatus.ENDED, ['afsluttet', 'slut', 'ophørt', 'ended', 'finished']],
      [ActivityStatus.CANCELLED, ['aflyst', 'annulleret', 'cancelled', 'canceled']],
    ] as const
  ).flatMap(([status, names]) => [status, ...names].map((name) => [fold(name), status] as const)),
);

/** Danish names of the statuses, as an export writes them. */
export const STATUS_NAMES: Readonly<Record<ActivityStatus, string>> = {
  PLANNED: 'Planlagt',
  RUNNING: 'I gang',
  PAUSED: 'Sat på pause',
  ENDED: 'Afsluttet',
  CANCELLED: 'Aflyst',
};

export function parseStatus(value: CellValue): Parsed<ActivityStatus | null> {
  const text = cellText(value);
  if (!text) return ok(null);
  const status = STATUSES.get(fold(text));
  return status ? ok(status) : fail(`Ukendt status "${clip(text)}"; brug ${Object.values(STATUS_NAMES).join(', ')}`);
}

/** A whole number of places; "15 pladser" and "1.200" are read too. */
export function parseCapacity(value: CellValue, max: number): Parsed<number | null> {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return fail(`Kapaciteten skal være et helt tal på 0 eller mere, ikke ${value}`);
    return value > max ? fail(`Kapaciteten kan højst være ${max.toLocaleString('da-DK')}`) : ok(value);
  }
  const text = cellText(value);
  if (!text) return ok(null);
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:pladser|deltagere|personer|pers\.?)?$/i.exec(text);
  if (!match) return fail(`"${clip(text)}" er ikke et antal pladser; skriv et helt tal`);
  return parseCapacity(Number(match[1]!.replace(/\./g, '')), max);
}

const WEEKDAYS = new Map<string, Weekday>(
  (
    [
      [Weekday.MONDAY, ['mandag', 'man', 'monday', 'mon']],
      [Weekday.TUESDAY, ['tirsdag', 'tirs', 'tir', 'tuesday', 'tue']],
      [Weekday.WEDNESDAY, ['onsdag', 'ons', 'wednesday', 'wed']],
      [Weekday.THURSDAY, ['torsdag', 'tors', 'tor', 'thursday', 'thu']],
      [Weekday.FRIDAY, ['fredag', 'fre', 'friday', 'fri']],
      [Weekday.SATURDAY, ['lørdag', 'lør', 'saturday', 'sat']],
      [Weekday.SUNDAY, ['søndag', 'søn', 'sunday', 'sun']],
    ] as const
  ).flatMap(([day, names]) => names.map((name) => [fold(name), day] as const)),
);

/** Danish weekday names, as an export writes them. */
export const WEEKDAY_NAMES = DANISH_WEEKDAYS;
const WEEK = Object.values(Weekday);

function clock(text: string): string | null {
  const match = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * A weekly schedule as people write it: "tirsdag 15.30-17.00; torsdag 15.30-17.00", also "man og ons kl. 10-12",
 * one slot per line or separated by ";" (or "," before the next day).
 */
export function parseSchedule(value: CellValue): Parsed<ScheduleSlotData[]> {
  const text = cellText(value);
  if (!text) return ok([]);
  const slots: ScheduleSlotData[] = [];
  for (const part of text.split(/[;\n]|,(?=\s*\p{L})/u).map((p) => p.trim())) {
    if (!part) continue;
    const match = /^([\p{L}\s.&+/,-]+?)\s*(?:kl\.?\s*)?(\d{1,2}(?:[.:]\d{2})?)\s*(?:-|–|—|til)\s*(\d{1,2}(?:[.:]\d{2})?)$/iu.exec(part);
    const days = match?.[1]!
      .split(/\s*(?:\bog\b|\band\b|&|\+|\/|,|\s)\s*/iu)
      .filter(Boolean)
      .map((word) => WEEKDAYS.get(fold(word)));
    const [start, end] = match ? [clock(match[2]!), clock(match[3]!)] : [null, null];
    if (!match || !days?.length || days.includes(undefined) || !start || !end) {
      return fail(`"${clip(part)}" kan ikke læses som ugedag og tidsrum; skriv fx "tirsdag 15.30-17.00; torsdag 15.30-17.00"`);
    }
    if (end <= start) return fail(`"${clip(part)}" slutter (${dots(end)}) før den begynder (${dots(start)})`);
    for (const weekday of days) slots.push({ weekday: weekday!, startTime: start, endTime: end });
  }
  const unique = [...new Map(slots.map((s) => [`${s.weekday} ${s.startTime}-${s.endTime}`, s])).values()];
  unique.sort((a, b) => WEEK.indexOf(a.weekday) - WEEK.indexOf(b.weekday) || a.startTime.localeCompare(b.startTime));
  for (let i = 1; i < unique.length; i++) {
    const [before, slot] = [unique[i - 1]!, unique[i]!];
    if (before.weekday === slot.weekday && slot.startTime < before.endTime) {
      return fail(
        `Tidsrummene om ${WEEKDAY_NAMES[slot.weekday]} overlapper: ${dots(before.startTime)}-${dots(before.endTime)} og ${dots(slot.startTime)}-${dots(slot.endTime)}`,
      );
    }
  }
  return ok(unique);
}

const dots = (time: string) => time.replace(':', '.');

/** A schedule as a cell: the form parseSchedule reads back. */
export function scheduleText(slots: readonly ScheduleSlotData[]): string {
  return slots.map((s) => `${WEEKDAY_NAMES[s.weekday]} ${dots(s.startTime.slice(0, 5))}-${dots(s.endTime.slice(0, 5))}`).join('; ');
}

/**
 * The items of a list cell: one per line or separated by ";", else by ","; `whole` tells whether the whole cell
 * names one item (a name with a comma in it).
 */
export function listItems(value: CellValue, whole: (text: string) => boolean = () => false): string[] {
  const text = cellText(value);
  if (!text) return [];
  if (whole(text)) return [text];
  const separator = /[;\n]/.test(text) ? /[;\n]/ : /,/;
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Something a cell can name: by its code or its name, case and accents aside. */
export interface Named {
  id: number;
  code?: string | null;
  name: string;
  /** Also matched (a person's e-mail). */
  alias?: string | null;
}

/** Finds catalogue entries by code or name and, for a name it does not know, suggests the closest. */
export class NameIndex<T extends Named> {
  private readonly byKey = new Map<string, T[]>();

  constructor(
    readonly items: readonly T[],
    /** The kind, in Danish with its article, for messages ("målgruppe"). */
    readonly what: string,
  ) {
    for (const item of items) {
      for (const key of new Set([item.code, item.name, item.alias].filter((k): k is string => !!k).map(fold))) {
        const list = this.byKey.get(key) ?? [];
        list.push(item);
        this.byKey.set(key, list);
      }
    }
  }

  has(text: string): boolean {
    return this.byKey.has(fold(text));
  }

  find(text: string): Parsed<T> {
    const found = this.byKey.get(fold(text));
    if (found?.length === 1) return ok(found[0]!);
    if (found && found.length > 1) {
      const codes = found.map((item) => item.code ?? item.alias).filter(Boolean);
      return fail(`"${clip(text)}" kan være flere ${this.what}r${codes.length ? `; skriv koden (${codes.join(', ')})` : ''}`);
    }
    const close = this.closest(text);
    return fail(`Ukendt ${this.what} "${clip(text)}"${close.length ? `; mente du ${close.map((n) => `"${n}"`).join(' eller ')}?` : ''}`);
  }

  /** Up to three names nearest the text (edit distance on the folded forms), near enough to be a slip. */
  closest(text: string): string[] {
    const key = fold(text);
    if (!key) return [];
    return this.items
      .map((item) => {
        const distances = [item.name, item.code]
          .filter((k): k is string => !!k)
          .map((k) => {
            const other = fold(k);
            return other.includes(key) || key.includes(other) ? Math.abs(other.length - key.length) / 2 : editDistance(key, other);
          });
        return { name: item.name, distance: Math.min(...distances) };
      })
      .filter((c) => c.distance <= Math.max(2, key.length / 3))
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'da'))
      .slice(0, 3)
      .map((c) => c.name);
  }
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** What a spreadsheet reads as the start of a formula (ASCII and full-width), and the tab and carriage return it skips before one. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A CSV cell a spreadsheet shows as the text it is: a leading apostrophe before anything it would run as a formula. */
export function safeCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV cell as written before safeCsvText: the apostrophe an export put before formula-like text is not part of it. */
export function unsafeCsvText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A cell's text in a message: at most 60 characters. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
