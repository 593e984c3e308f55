import { session } from './api.js';

/** A file from one of the hub's export addresses, fetched with the session's token and saved under its own name. */
export async function downloadExport(path: string, filename: string): Promise<string | null> {
  const response = await fetch(path, { headers: session.token ? { authorization: `Bearer ${session.token}` } : {} });
  if (!response.ok) {
    if (response.status === 401) return 'Du er ikke logget ind, eller din nøgle er ikke længere gyldig. Log ind igen.';
    return 'Filen kunne ikke hentes. Prøv igen om lidt.';
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? filename;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return null;
}
