import { Provider, useQuery } from '@urql/preact';
import { useMemo } from 'preact/hooks';
import { createClient, describeError, session } from './api.js';
import { ViewerDocument } from './generated/graphql.js';
import { LoginPage } from './pages/login.js';
import { CoveragePage } from './pages/coverage.js';
import { NewsletterPage } from './pages/newsletter.js';
import { OverlapsPage } from './pages/overlaps.js';
import { OverviewPage } from './pages/overview.js';
import { UsersPage } from './pages/users.js';
import { Link, navigate, usePath } from './router.js';

const ROLE_NAMES: Record<string, string> = { ADMIN: 'administrator', COORDINATOR: 'koordinator', PROJECT_LEAD: 'projektleder', READER: 'læser' };

export function App() {
  const path = usePath();
  const client = useMemo(() => createClient(), [session.token]);
  if (path === '/login' || !session.token) return <LoginPage />;
  return (
    <Provider value={client}>
      <Shell path={path} />
    </Provider>
  );
}

function Shell({ path }: { path: string }) {
  const [{ data, error }] = useQuery({ query: ViewerDocument });
  const problem = describeError(error);
  return (
    <>
      <a class="skip" href="#indhold">Gå til indhold</a>
      <header class="top">
        <Link href="/" class="brand">Boligsocial koordinering</Link>
        <nav aria-label="Hovedmenu">
          <ul>
            <li><Link href="/">Overblik</Link></li>
            <li><Link href="/overlaps">Overlap</Link></li>
            <li><Link href="/coverage">Dækning</Link></li>
            <li><Link href="/newsletter">Nyhedsbrev</Link></li>
            {data?.viewer?.role === 'ADMIN' ? <li><Link href="/brugere">Brugere</Link></li> : null}
          </ul>
        </nav>
        <div class="who">
          {data?.viewer ? <span>{data.viewer.name} ({ROLE_NAMES[data.viewer.role] ?? data.viewer.role})</span> : null}
          <button type="button" onClick={() => { session.token = null; navigate('/login'); }}>Log ud</button>
        </div>
      </header>
      <main id="indhold" tabIndex={-1}>
        {problem ? <p role="alert" class="error">{problem}</p> : null}
        {path === '/' ? <OverviewPage /> : path === '/overlaps' ? <OverlapsPage /> : path === '/coverage' ? <CoveragePage /> : path === '/newsletter' ? <NewsletterPage /> : path === '/brugere' ? <UsersPage /> : <NotFound />}
      </main>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Siden findes ikke</h1>
      <p>Der er ingen side på denne adresse. <Link href="/">Gå til overblikket</Link>.</p>
    </>
  );
}
