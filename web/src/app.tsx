import { Provider, useQuery } from '@urql/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createClient, describeError, session } from './api.js';
import { ViewerDocument } from './generated/graphql.js';
import { LoginPage } from './pages/login.js';
import { ActivitiesPage } from './pages/activities.js';
import { ActivityPage } from './pages/activity.js';
import { ActivityFormPage } from './pages/activity-form.js';
import { CoveragePage } from './pages/coverage.js';
import { PlanPage } from './pages/plan.js';
import { NewsletterPage } from './pages/newsletter.js';
import { OverlapsPage } from './pages/overlaps.js';
import { OverviewPage } from './pages/overview.js';
import { UsersPage } from './pages/users.js';
import { ImportPage } from './pages/import.js';
import { NotificationsPage } from './pages/notifications.js';
import { MyWorkPage } from './pages/my-work.js';
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
  // On a phone the menu folds behind a button; a new page folds it again.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [path]);
  return (
    <>
      <a class="skip" href="#indhold">
        Gå til indhold
      </a>
      <header class={menuOpen ? 'top open' : 'top'}>
        <Link href="/" class="brand">
          Boligsocial koordinering
        </Link>
        <button type="button" class="menu-toggle" aria-expanded={menuOpen} aria-controls="hovedmenu" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <nav aria-label="Hovedmenu" id="hovedmenu">
          <ul>
            {data?.viewer?.role === 'PROJECT_LEAD' ? (
              <li>
                <Link href="/mine">Mine aktiviteter</Link>
              </li>
            ) : null}
            <li>
              <Link href="/">Overblik</Link>
            </li>
            <li>
              <Link href="/activities">Aktiviteter</Link>
            </li>
            <li>
              <Link href="/overlaps">Overlap</Link>
            </li>
            <li>
              <Link href="/coverage">Dækning</Link>
            </li>
            <li>
              <Link href="/newsletter">Nyhedsbrev</Link>
            </li>
            {data?.viewer?.role === 'COORDINATOR' || data?.viewer?.role === 'PROJECT_LEAD' ? (
              <li>
                <Link href="/importer">Importér</Link>
              </li>
            ) : null}
            <li>
              <Link href="/notifikationer">
                Notifikationer{' '}
                {data?.viewer?.unreadNotificationCount ? (
                  <span class="badge">
                    {data.viewer.unreadNotificationCount}
                    <span class="sr-only"> ulæste</span>
                  </span>
                ) : null}
              </Link>
            </li>
            {data?.viewer?.role === 'ADMIN' ? (
              <li>
                <Link href="/brugere">Brugere</Link>
              </li>
            ) : null}
            <li>
              <a href="/graphql">GraphQL</a>
            </li>
          </ul>
        </nav>
        <div class="who">
          {data?.viewer ? (
            <span>
              {data.viewer.name} ({ROLE_NAMES[data.viewer.role] ?? data.viewer.role})
            </span>
          ) : null}
          <button
            type="button"
            onClick={() => {
              session.token = null;
              navigate('/login');
            }}
          >
            Log ud
          </button>
        </div>
      </header>
      <main id="indhold" tabIndex={-1}>
        {problem ? (
          <p role="alert" class="error">
            {problem}
          </p>
        ) : null}
        <Page path={path} role={data?.viewer?.role} />
      </main>
    </>
  );
}

/** The page at a path: each page has its own URL, so links can be shared. */
function Page({ path, role }: { path: string; role: string | undefined }) {
  const [, section, id, action] = path.split('/').map((part) => decodeURIComponent(part));
  if (path === '/') return <OverviewPage />;
  if (path === '/overlaps') return <OverlapsPage />;
  if (path === '/coverage') return <CoveragePage />;
  if (path === '/newsletter') return <NewsletterPage />;
  // Pages for some roles only, reached by their address: said plainly, not a form the hub would refuse.
  const gated = GATES[path];
  if (gated && !role) return <p aria-live="polite">Henter siden …</p>;
  if (gated && !gated.roles.includes(role!)) return <NotForRole title={gated.title} text={gated.text(ROLE_NAMES[role!] ?? role!)} />;
  if (path === '/brugere') return <UsersPage />;
  if (path === '/importer') return <ImportPage />;
  if (path === '/notifikationer') return <NotificationsPage />;
  if (path === '/mine') return <MyWorkPage />;
  if (section === 'activities' && !id) return <ActivitiesPage role={role} />;
  if (section === 'activities' && id === 'new' && !action) return <ActivityFormPage />;
  if (section === 'activities' && id && !action) return <ActivityPage id={id} role={role} />;
  if (section === 'activities' && id && action === 'rediger') return <ActivityFormPage id={id} />;
  if (section === 'plans' && id && !action) return <PlanPage code={id} />;
  return <NotFound />;
}

const GATES: Readonly<Record<string, { title: string; roles: readonly string[]; text: (role: string) => string }>> = {
  '/brugere': { title: 'Brugere', roles: ['ADMIN'], text: (role) => `Kun administratorer kan se og oprette brugere; du er logget ind som ${role}.` },
  '/importer': {
    title: 'Importér aktiviteter',
    roles: ['COORDINATOR', 'PROJECT_LEAD'],
    text: (role) => `Kun projektledere og koordinatorer kan importere aktiviteter; du er logget ind som ${role}.`,
  },
  '/mine': {
    title: 'Mine aktiviteter',
    roles: ['PROJECT_LEAD'],
    text: (role) => `Siden samler en projektleders egne helhedsplaner; du er logget ind som ${role}. Byens aktiviteter finder du under Aktiviteter.`,
  },
};

function NotForRole({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <Link href="/">Gå til overblikket</Link>
      </p>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Siden findes ikke</h1>
      <p>
        Der er ingen side på denne adresse. <Link href="/">Gå til overblikket</Link>.
      </p>
    </>
  );
}
