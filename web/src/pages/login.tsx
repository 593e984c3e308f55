import { useEffect, useState } from 'preact/hooks';
import { session } from '../api.js';
import { navigate } from '../router.js';

/** Checks a token against the hub; the answer says whether it signs in. */
async function check(token: string): Promise<'ok' | 'refused' | 'unreachable'> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    if (response.status === 401) return 'refused';
    const body = (await response.json()) as { data?: { viewer: { id: string } | null } };
    return body.data?.viewer ? 'ok' : 'refused';
  } catch {
    return 'unreachable';
  }
}

const MESSAGES = {
  refused: 'Nøglen blev ikke godkendt. Tjek, at du har kopieret hele nøglen, eller bed en administrator om et nyt invitationslink.',
  unreachable: 'Ingen forbindelse til hubben. Tjek netværket, og prøv igen.',
};

/** After signing in: the page asked for (a shared link opened while signed out), else the overview. */
function destination(): string {
  if (location.pathname !== '/login') return location.pathname + location.search;
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signIn = async (candidate: string) => {
    setBusy(true);
    setProblem(null);
    const result = await check(candidate.trim());
    setBusy(false);
    if (result === 'ok') {
      session.token = candidate.trim();
      const to = destination();
      // The explorer at /graphql is the hub's own page, not one of the console's.
      if (to.split('?')[0] === '/graphql') location.assign(to);
      else navigate(to);
    } else {
      setProblem(MESSAGES[result]);
    }
  };

  // An invitation link carries the token after '#', which browsers never send to the server: it never reaches a log.
  useEffect(() => {
    const fromLink = () => {
      const invited = new URLSearchParams(location.hash.slice(1)).get('token');
      if (!invited) return;
      history.replaceState(null, '', location.pathname + location.search);
      void signIn(invited);
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
