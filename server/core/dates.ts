const COPENHAGEN = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date where the plans are, YYYY-MM-DD: "active now" and "not ended" are judged by it. */
export function today(): string {
  return COPENHAGEN.format(new Date());
}
