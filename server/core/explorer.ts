import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { ruruHTML, type RuruClientConfig } from 'ruru/server';
import { getStaticFile } from 'ruru/static';

/** Where the explorer's own files (GraphiQL's editor and workers, from the ruru package) are served: nothing from a CDN. */
export const EXPLORER_ASSETS = '/graphql-explorer/';

// The signed-in console user's token (kept per browser tab) goes with every request the explorer makes, never shown in its
// header editor (a screen shared in a meeting would show it); the bar above says whose it is. Without one, sign in first.
const TOKEN_SCRIPT = `
const hubToken = sessionStorage.getItem('hub-token');
if (!hubToken) location.replace('/login?next=' + encodeURIComponent('/graphql'));
else {
  const hubFetch = window.fetch;
  const roles = { ADMIN: 'administrator', COORDINATOR: 'koordinator', PROJECT_LEAD: 'projektleder', READER: 'læser' };
  hubFetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + hubToken },
    body: JSON.stringify({ query: '{ viewer { name role } }' }),
  })
    .then((response) => response.json())
    .then(({ data }) => {
      const who = document.getElementById('hub-who');
      if (who && data && data.viewer) who.textContent = 'Logget ind som ' + data.viewer.name + ' (' + (roles[data.viewer.role] || data.viewer.role) + ')';
    })
    .catch(() => undefined);
  window.fetch = (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', 'Bearer ' + hubToken);
    return hubFetch(input, { ...init, headers });
  };
}
`;

const PAGE = ruruHTML({
  endpoint: '/graphql',
  staticPath: EXPLORER_ASSETS,
  // ruru's type marks every client setting as required; each is optional in GraphiQL.
  clientConfig: {
    defaultQuery: '# Skriv en forespørgsel, og tryk Ctrl+Enter.\n{\n  viewer {\n    name\n    role\n  }\n}\n',
  } as Partial<RuruClientConfig> as RuruClientConfig,
  htmlParts: {
    titleTag: '<title>GraphQL-udforsker · Boligsocial koordinering</title>',
    // Ruru's pink links (logo, sponsor note) have a contrast of about 3.4:1; WCAG AA asks 4.5:1.
    styleTags: (original) =>
      `${original}\n<style>a[href$="ruru"], a[href$="sponsor/"] { color: #a3136f !important; }
body { display: flex; flex-direction: column; height: 100vh; margin: 0; }
.hub-bar { display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; align-items: center; padding: 0.5rem 1rem; background: #003b5c; color: #fff; font: 15px system-ui, sans-serif; }
.hub-bar a { color: #fff; }
#ruru-root { flex: 1 1 auto; min-height: 0; height: auto !important; }</style>`,
    configScript: (original) => original.replace('</script>', `${TOKEN_SCRIPT}</script>`),
    // A way back to the console and whose key the explorer uses, above it (wrapping on a phone); the explorer fills the rest.
    bodyContent: (original) =>
      `<header class="hub-bar"><a href="/">← Tilbage til konsollen</a><span id="hub-who" aria-live="polite">Logget ind</span></header>\n${original}`,
    // Not started at all while the browser is sent to sign in, so no request goes out without the token.
    bodyInitScript: (original) => original.replace('createRoot(', 'if (hubToken) createRoot('),
  },
});

/** The explorer for a browser's plain GET of /graphql, with a strict policy that admits only its own inline scripts. */
export function serveExplorer(res: http.ServerResponse): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(PAGE.replaceAll('<script', `<script nonce="${nonce}"`));
}

/** A file of the explorer, or false when the path is not one. */
export async function serveExplorerAsset(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !pathname.startsWith(EXPLORER_ASSETS)) return false;
  const file = await getStaticFile({ staticPath: EXPLORER_ASSETS, urlPath: pathname, acceptEncoding: req.headers['accept-encoding'], disallowDevAssets: true });
  if (!file) return false;
  res.writeHead(200, { ...file.headers, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' });
  res.end(req.method === 'HEAD' ? undefined : file.content);
  return true;
}
