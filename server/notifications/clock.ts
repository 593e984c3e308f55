/** The hub's local time: daily and weekly e-mails go out at 07:00 in Copenhagen, summer time or not. */
export const HUB_TIME_ZONE = 'Europe/Copenhagen';
export const SEND_HOUR = 7;

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: HUB_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAY_NUMBERS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface LocalTime {
  /** YYYY-MM-DD in Copenhagen. */
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

export function localTime(at: Date): LocalTime {
  const part = Object.fromEntries(PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    weekday: WEEKDAY_NUMBERS[part.weekday!]!,
    hour: Number(part.hour),
    minute: Number(part.minute),
    second: Number(part.second),
  };
}

/** The date `days` after an ISO date (calendar arithmetic, no time zone). */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** The instant a Copenhagen wall-clock time names (the offset found by asking Intl about a first guess, twice for the changeover). */
export function instantOf(date: string, hour: number, minute = 0): Date {
  const wall = Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const seen = localTime(new Date(guess));
    const shown = Date.parse(
      `${seen.date}T${String(seen.hour).padStart(2, '0')}:${String(seen.minute).padStart(2, '0')}:${String(seen.second).padStart(2, '0')}Z`,
    );
    guess += wall - shown;
  }
  return new Date(guess);
}

export type Schedule = 'DAILY' | 'WEEKLY';

/** The latest sending time (07:00, on Mondays for WEEKLY) at or before `now`. */
export function latestSlot(now: Date, schedule: Schedule): Date {
  const local = localTime(now);
  let date = local.date;
  if (schedule === 'WEEKLY') date = addDays(date, -(local.weekday - 1));
  let slot = instantOf(date, SEND_HOUR);
  if (slot > now) slot = instantOf(addDays(date, schedule === 'WEEKLY' ? -7 : -1), SEND_HOUR);
  return slot;
}

/** The first sending time strictly after `after`. */
export function nextSlot(after: Date, schedule: Schedule): Date {
  const latest = latestSlot(after, schedule);
  return instantOf(addDays(localTime(latest).date, schedule === 'WEEKLY' ? 7 : 1), SEND_HOUR);
}
