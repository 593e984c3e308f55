/** Danish names for the hub's codes, in one place for every page. */
export const STATUS_NAMES: Record<string, string> = { PLANNED: 'planlagt', RUNNING: 'i gang', PAUSED: 'sat på pause', ENDED: 'afsluttet', CANCELLED: 'aflyst' };
export const PLAN_STATUS_NAMES: Record<string, string> = { ACTIVE: 'aktiv', DRAFT: 'kladde', ENDED: 'afsluttet' };
export const WEEKDAYS: { value: string; short: string; long: string }[] = [
  { value: 'MONDAY', short: 'man', long: 'mandag' },
  { value: 'TUESDAY', short: 'tir', long: 'tirsdag' },
  { value: 'WEDNESDAY', short: 'ons', long: 'onsdag' },
  { value: 'THURSDAY', short: 'tor', long: 'torsdag' },
  { value: 'FRIDAY', short: 'fre', long: 'fredag' },
  { value: 'SATURDAY', short: 'lør', long: 'lørdag' },
  { value: 'SUNDAY', short: 'søn', long: 'søndag' },
];
const SHORT_DAY = Object.fromEntries(WEEKDAYS.map((d) => [d.value, d.short]));
export const DECISION_NAMES: Record<string, string> = { COMPLEMENTARY: 'komplementær', COORDINATED: 'koordineret', DUPLICATE: 'dublet' };
export const EVALUATION_NAMES: Record<string, string> = { CONTINUE: 'fortsæt', ADJUST: 'justér', STOP: 'stop' };
export const OUTCOME_NAMES: Record<string, string> = { WORKED: 'virkede', MIXED: 'blandet', DID_NOT_WORK: 'virkede ikke' };

/** A weekly schedule as "man 15:00-17:00, tor 15:00-17:00". */
export function scheduleText(slots: readonly { weekday: string; startTime: string; endTime: string }[]): string {
  return slots.map((s) => `${SHORT_DAY[s.weekday] ?? s.weekday} ${s.startTime.slice(0, 5)}-${s.endTime.slice(0, 5)}`).join(', ') || 'intet ugeskema';
}

type UserError = { field: readonly string[]; code: string; message: string };

// What each field's rule means for the person filling in the form.
const FIELD_TEXTS: Record<string, string> = {
  title: 'Skriv en titel på højst 200 tegn.',
  description: 'Beskrivelsen må højst være 10.000 tegn.',
  planId: 'Vælg en af dine helhedsplaner.',
  areaIds: 'Vælg mindst ét og højst 25 områder.',
  targetGroupIds: 'Vælg mindst én og højst 10 målgrupper.',
  themeIds: 'Vælg højst 10 temaer.',
  methodId: 'Vælg en metode fra listen, eller lad feltet stå tomt.',
  startDate: 'Skriv en startdato.',
  endDate: 'Slutdatoen ligger før startdatoen.',
  capacity: 'Skriv et helt tal fra 0 til 100.000.',
  contactId: 'Vælg en person fra listen, eller lad feltet stå tomt.',
  schedule: 'Tjek ugeskemaet: hvert tidsrum skal slutte, efter det begynder, og tidsrum samme dag må ikke overlappe.',
};

/** Danish text for a userError of a form: by its code, and by its field where the rule is the field's own. */
export function userErrorText(error: UserError, subject = 'aktiviteten'): string {
  switch (error.code) {
    case 'VERSION_CONFLICT':
      return `En anden har ændret ${subject}, siden du åbnede den.`;
    case 'FORBIDDEN':
      return 'Det har du ikke adgang til: du kan kun ændre i dine egne helhedsplaner.';
    case 'NOT_FOUND':
      return 'Det valgte findes ikke længere. Hent siden igen.';
    case 'DUPLICATE':
      return 'Det findes allerede.';
    default:
      // The form's own words for its fields; otherwise the hub's, which it gives in Danish to the console.
      return FIELD_TEXTS[error.field[1] ?? ''] ?? error.message;
  }
}

/** The userErrors of one input field (["input", name, ...]); errors of the whole input under "". */
export function errorsByField(errors: readonly UserError[], subject?: string): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const field = error.code === 'VERSION_CONFLICT' ? '' : (error.field[1] ?? '');
    byField[field] ??= userErrorText(error, subject);
  }
  return byField;
}
