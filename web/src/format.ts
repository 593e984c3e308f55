/** Danish forms of what the console shows: one place for dates and decimals. */

const DANISH_DATE = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric' });

/** The ISO day (YYYY-MM-DD) of a moment, by default now. */
export const isoDay = (date = new Date()) => date.toISOString().slice(0, 10);

/** "23. november 2026" for an ISO day. */
export const danishDate = (iso: string) => DANISH_DATE.format(new Date(`${iso}T12:00:00`));

const DANISH_DATE_TIME = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "5. december 2026 kl. 07.00" for a moment. */
export const danishDateTime = (iso: string) => DANISH_DATE_TIME.format(new Date(iso));

/** "0,87": a score with a decimal comma. */
export const decimal = (n: number) => n.toFixed(2).replace('.', ',');
