import { useEffect, useState } from 'preact/hooks';
import { session } from '../api.js';
import { navigate } from '../router.js';

/** Who a token signs in as, or why it does not. */
async function whoIs(token: string): Promise<{ name: string; role: string } | 'refused' | 'unreachable'> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id name role } }' }),
    });
    if (response.status === 401) return 'refused';
    const body = (await response.json()) as { data?: { viewer: { id: string; name: string; role: string } | null } };
    return body.data?.viewer ? { name: body.data.viewer.name, role: body.data.viewer.role } : 'refused';
  } catch {
    return 'unreachable';
  }
}

const MESSAGES = {
  refused: 'Nøglen blev ikke godkendt. Tjek, at du har kopieret hele nøglen, eller bed en administrator om et nyt invitationslink.',
  unreachable: 'Ingen forbindelse til hubben. Tjek netværket, og prøv igen.',
};

/**
 * After signing in: the page asked for (a shared link opened while signed out), else the overview. `next` is only
 * ever a path of this console: anything a browser would read as another site ("//x", "/\\x", "https:...") is ignored.
 */
export function destination(): string {
  if (location.pathname !== '/login') return location.pathname + location.search;
  const next = new URLSearchParams(location.search).get('next');
  if (!next || !next.startsWith('/') || next.includes('\\') || /\p{Cc}/u.test(next)) return '/';
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin && url.pathname !== '/login' ? url.pathname + url.search : '/';
  } catch {
    return '/';
  }
}

export function LoginPage() {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // An invitation link for another user, opened while signed in: asked before the session changes hands.
  const [switching, setSwitching] = useState<{ token: string; invited: string; role: string; current: string } | null>(null);

  // A project lead lands on their own work, unless the sign-in was on the way to a page of its own.
  const go = (role?: string) => {
    const asked = destination();
    const to = asked === '/' && role === 'PROJECT_LEAD' ? '/mine' : asked;
    // The explorer at /graphql is the hub's own page, not one of the console's.
    if (to.split('?')[0] === '/graphql') location.assign(to);
    else navigate(to);
  };

  const signIn = async (candidate: string, fromLink = false) => {
    setBusy(true);
    setProblem(null);
    const token = candidate.trim();
    const result = await whoIs(token);
    const current = fromLink && session.token && session.token !== token ? await whoIs(session.token) : null;
    setBusy(false);
    if (typeof result !== 'object') return setProblem(MESSAGES[result]);
    if (current && typeof current === 'object') return setSwitching({ token, invited: result.name, role: result.role, current: current.name });
    session.token = token;
    go(result.role);
  };

  if (switching) {
    return (
      <main id="indhold" class="login">
        <h1>Skift bruger?</h1>
        <p>
          Du er logget ind som <strong>{switching.current}</strong>. Invitationslinket logger ind som <strong>{switching.invited}</strong>.
        </p>
        <p>Skift kun, hvis du selv har fået linket. Har du fået det uventet, så bliv logget ind som dig selv.</p>
        <div class="actions">
          <button
            type="button"
            onClick={() => {
              session.token = switching.token;
              go(switching.role);
            }}
          >
            Log ind som {switching.invited}
          </button>
          <button type="button" class="secondary" onClick={() => go()}>
            Bliv logget ind som {switching.current}
          </button>
        </div>
      </main>
    );
  }

  // An invitation link carries the token after '#', which browsers never send to the server: it never reaches a log.
  useEffect(() => {
    const fromLink = () => {
      const invited = new URLSearchParams(location.hash.slice(1)).get('token');
      if (!invited) return;
      history.replaceState(null, '', location.pathname + location.search);
      void signIn(invited, true);
    };
    fromLink();
    // An invitation link opened while this page is already shown changes only the part after '#'.
    addEventListener('hashchange', fromLink);
    return () => removeEventListener('hashchange', fromLink);
  }, []);

  return (
    <main id="indhold" class="login">
      <h1>Log ind</h1>
      <p>Log ind med den nøgle eller det invitationslink, du har fået af en administrator.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!token.trim()) setProblem('Skriv eller indsæt din nøgle.');
          else void signIn(token);
        }}
      >
        <label for="token">Nøgle</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="current-password"
          value={token}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'token-problem' : undefined}
          onInput={(event) => setToken((event.target as HTMLInputElement).value)}
        />
        {problem ? (
          <p id="token-problem" role="alert" class="error">
            {problem}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Logger ind …' : 'Log ind'}
        </button>
      </form>
    </main>
  );
}
