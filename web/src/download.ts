import { session } from './api.js';

/** What came of an export: a problem to show, or how many rows the saved file holds (when the hub says). */
export interface Downloaded {
  problem: string | null;
  rows: number | null;
}

/** A file from one of the hub's export addresses, fetched with the session's token and saved under its own name. */
export async function downloadExport(path: string, filename: string): Promise<Downloaded> {
  // The hub says what to change in Danish when asked in Danish, as it does for the console's GraphQL.
  const headers: Record<string, string> = { 'accept-language': 'da', ...(session.token ? { authorization: `Bearer ${session.token}` } : {}) };
  const response = await fetch(path, { headers }).catch(() => null);
  if (!response) return { problem: 'Ingen forbindelse til hubben. Tjek netværket, og prøv igen.', rows: null };
  if (!response.ok) {
    if (response.status === 401) return { problem: 'Du er ikke logget ind, eller din nøgle er ikke længere gyldig. Log ind igen.', rows: null };
    // The hub names what to change (a filter that finds too much); anything else is a fault to try again.
    const said =
      response.status === 400 ? ((await response.json().catch(() => null)) as { errors?: { message: string }[] } | null)?.errors?.[0]?.message : undefined;
    if (response.status === 429) return { problem: 'For mange forespørgsler på kort tid. Vent et øjeblik, og prøv igen.', rows: null };
    return { problem: said ? `Filen kunne ikke laves: ${said}` : 'Filen kunne ikke hentes. Prøv igen om lidt.', rows: null };
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? filename;
  const rows = response.headers.get('x-export-rows');
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return { problem: null, rows: rows === null ? null : Number(rows) };
}
