import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built web console (web/dist, built by npm install and npm start): every asset is served by the hub itself. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
};

// The console talks only to this hub: no script, style or connection elsewhere.
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Answers a GET for the console: a file under /assets/ (named by its content, so cached for a year), or the
 * console's page for any other path a browser asks for as HTML (each page has its own URL). False when the
 * request is not the console's.
 */
export async function serveConsole(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, dir = CONSOLE_DIR): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const asset = pathname.startsWith('/assets/');
  if (!asset && !(req.headers.accept ?? '').includes('text/html')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = asset ? path.join(dir, path.normalize(decoded)) : path.join(dir, 'index.html');
  if (!file.startsWith(dir)) return false;
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) {
    if (asset) return false;
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Konsollen er ikke bygget. Kør "npm install" (eller "npm run build:web") og start hubben igen.\n');
    return true;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': String(found.size),
    'cache-control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => createReadStream(file).on('error', reject).on('end', resolve).pipe(res));
  return true;
}
