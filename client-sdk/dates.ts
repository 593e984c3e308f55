// Dates as Danish users write them on a command line: 1.11.2026, 01-11-2026, 1/11/2026 (day first) or ISO 2026-11-01.

/** A date the command cannot read; the message is Danish, for the person who typed it. */
export class DateInputError extends Error {}

const TIME_ZONE = 'Europe/Copenhagen';

/** The instant a Copenhagen calendar day begins (summer or winter time). */
function copenhagenMidnight(year: number, month: number, day: number): Date {
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(year, month - 1, day) - offsetHours * 3600_000);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', hourCycle: 'h23' })
        .formatToParts(candidate)
        .map((part) => [part.type, Number(part.value)]),
    );
    if (parts.year === year && parts.month === month && parts.day === day && parts.hour === 0) return candidate;
  }
  throw new DateInputError(`${day}.${month}.${year} findes ikke i dansk tid`);
}

/**
 * Reads a date as an ISO instant: the start of that day in Copenhagen, or with `endOfDay` its last millisecond (a
 * period "til og med" that day, shown as that day). A full ISO instant with time and offset is taken as it is. Two-digit years, month
 * names and impossible dates (31.2.2026) are refused rather than guessed.
 */
export function parseCommandDate(value: string, options: { endOfDay?: boolean } = {}): string {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const instant = new Date(text);
    if (!Number.isNaN(instant.getTime())) return instant.toISOString();
  }
  let parts: [number, number, number] | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const danish = /^(\d{1,2})([./-])(\d{1,2})\2(\d+)$/.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (danish) {
    if (danish[4]!.length !== 4) throw new DateInputError(`"${value}": skriv året med fire cifre, fx 1.11.2026`);
    parts = [Number(danish[4]), Number(danish[3]), Number(danish[1])];
  }
  if (!parts) throw new DateInputError(`"${value}" er ikke en dato: skriv fx 1.11.2026, 01-11-2026 eller 2026-11-01`);
  const [year, month, day] = parts;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new DateInputError(`"${value}" er ikke en dato, der findes`);
  }
  if (!options.endOfDay) return copenhagenMidnight(year, month, day).toISOString();
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return new Date(copenhagenMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()).getTime() - 1).toISOString();
}
