import { useMutation, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../api.js';
import {
  InviteUserDocument,
  PlansToPickDocument,
  RenewTokenDocument,
  RevokeUserDocument,
  UserListDocument,
  type Role,
  ViewerDocument,
  ChangeUserPlansDocument,
} from '../generated/graphql.js';

const ROLES: { value: Role; label: string; help: string }[] = [
  { value: 'PROJECT_LEAD', label: 'Projektleder', help: 'registrerer og retter aktiviteter i sine egne helhedsplaner' },
  { value: 'COORDINATOR', label: 'Koordinator', help: 'det tværgående team: alle planer, overlap og beslutninger' },
  { value: 'READER', label: 'Læser', help: 'kun læseadgang uden personoplysninger, fx nyhedsbrevet' },
  { value: 'ADMIN', label: 'Administrator', help: 'opretter brugere og stamdata' },
];

/** The hub's user errors, by field and code, in the words a person filling in the form understands. */
function problemText(field: string, code: string): string {
  if (field === 'name') return 'Skriv brugerens navn (højst 200 tegn).';
  if (field === 'planIds')
    return code === 'NOT_FOUND'
      ? 'En af de valgte helhedsplaner findes ikke længere.'
      : 'En projektleder skal have mindst én helhedsplan; andre roller har ingen.';
  if (code === 'FORBIDDEN') return 'Kun administratorer kan oprette brugere.';
  return 'Oplysningerne kunne ikke gemmes. Tjek felterne, og prøv igen.';
}

/** ADMIN: a user for a plan, and the invitation link that signs them in without typing. */
export function UsersPage() {
  const [{ data: plans }] = useQuery({ query: PlansToPickDocument });
  const [result, invite] = useMutation(InviteUserDocument);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('PROJECT_LEAD');
  const [planIds, setPlanIds] = useState<string[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [created, setCreated] = useState(0);

  const submit = async (event: Event) => {
    event.preventDefault();
    setLink(null);
    setCopied('no');
    const answer = await invite({ input: { name, role, planIds: role === 'PROJECT_LEAD' ? planIds : null } });
    const payload = answer.data?.createUser;
    if (!payload) return;
    const found: Record<string, string> = {};
    for (const error of payload.userErrors) {
      const field = error.field[error.field.length - 1] ?? '';
      found[field || 'form'] = problemText(field, error.code);
    }
    setProblems(found);
    if (payload.user && payload.token) {
      setLink({ name: payload.user.name, url: `${location.origin}/login#token=${payload.token}` });
      setCreated((n) => n + 1);
      setName('');
      setPlanIds([]);
    }
  };

  const fault = describeError(result.error);
  return (
    <>
      <h1>Brugere</h1>
      <p>Opret en bruger, og send invitationslinket til personen. Linket logger ind uden at skrive noget og vises kun én gang.</p>
      <form onSubmit={submit} noValidate>
        <div>
          <label for="user-name">Navn</label>
          <input
            id="user-name"
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
            aria-invalid={problems.name ? 'true' : undefined}
            aria-describedby={problems.name ? 'user-name-problem' : undefined}
          />
          {problems.name ? (
            <p id="user-name-problem" class="error">
              {problems.name}
            </p>
          ) : null}
        </div>
        <fieldset>
          <legend>Rolle</legend>
          {ROLES.map((r) => (
            <div key={r.value}>
              <input type="radio" id={`role-${r.value}`} name="role" value={r.value} checked={role === r.value} onChange={() => setRole(r.value)} />
              <label class="inline" for={`role-${r.value}`}>
                {r.label}
              </label>{' '}
              <span class="help">– {r.help}</span>
            </div>
          ))}
        </fieldset>
        {role === 'PROJECT_LEAD' ? (
          <fieldset aria-describedby={problems.planIds ? 'plans-problem' : undefined}>
            <legend>Helhedsplaner, projektlederen må rette i</legend>
            <div class="columns">
              {[...(plans?.plans.nodes ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name, 'da'))
                .map((plan) => (
                  <div key={plan.id}>
                    <input
                      type="checkbox"
                      id={`plan-${plan.code}`}
                      checked={planIds.includes(plan.id)}
                      onChange={(e) => setPlanIds((e.target as HTMLInputElement).checked ? [...planIds, plan.id] : planIds.filter((id) => id !== plan.id))}
                    />
                    <label class="inline" for={`plan-${plan.code}`}>
                      {plan.name}
                    </label>
                  </div>
                ))}
            </div>
            {problems.planIds ? (
              <p id="plans-problem" class="error">
                {problems.planIds}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {problems.form ? (
          <p class="error" role="alert">
            {problems.form}
          </p>
        ) : null}
        {fault ? (
          <p class="error" role="alert">
            {fault}
          </p>
        ) : null}
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Opretter …' : 'Opret bruger'}
        </button>
      </form>
      {link ? (
        <section aria-labelledby="link-heading" class="notice" role="status">
          <h2 id="link-heading">Invitationslink til {link.name}</h2>
          <p>Send linket til {link.name} ad en sikker vej. Det vises ikke igen.</p>
          <input aria-label="Invitationslink" readOnly value={link.url} class="wide" onFocus={(e) => (e.target as HTMLInputElement).select()} />
          <button
            type="button"
            onClick={async () =>
              setCopied(
                await navigator.clipboard.writeText(link.url).then(
                  () => 'yes' as const,
                  () => 'failed' as const,
                ),
              )
            }
          >
            Kopiér link
          </button>
          {copied === 'yes' ? (
            <span> Kopieret.</span>
          ) : copied === 'failed' ? (
            <span> Browseren tillod ikke at kopiere: markér linket, og kopiér det selv.</span>
          ) : null}
        </section>
      ) : null}
      <UserList created={created} onLink={(name, token) => setLink({ name, url: `${location.origin}/login#token=${token}` })} />
    </>
  );
}

const ROLE_LABEL = Object.fromEntries(ROLES.map((r) => [r.value, r.label])) as Record<Role, string>;

/** Every user, with a new invitation link (the old one stops on every hub within a second) and revoking access. */
/** A project lead's plans, changed in place: the lead's open console follows at their next request, on every hub. */
function PlanEditor({
  user,
  onSaved,
}: {
  user: { id: string; name: string; plans: readonly { id: string }[] };
  onSaved: (text: string, problem: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(user.plans.map((p) => p.id));
  const [{ data }] = useQuery({ query: PlansToPickDocument, pause: !open });
  const [saving, save] = useMutation(ChangeUserPlansDocument);
  if (!open)
    return (
      <>
        {' '}
        <button type="button" class="link-button" onClick={() => setOpen(true)}>
          Ret<span class="sr-only"> {user.name}s helhedsplaner</span>
        </button>
      </>
    );
  return (
    <fieldset class="plan-editor">
      <legend>{user.name}s helhedsplaner</legend>
      <div class="scroll">
        {(data?.plans.nodes ?? []).map((plan) => (
          <div key={plan.id} class="check">
            <input
              type="checkbox"
              id={`plans-${user.id}-${plan.id}`}
              checked={chosen.includes(plan.id)}
              onChange={(e) => setChosen((e.target as HTMLInputElement).checked ? [...chosen, plan.id] : chosen.filter((x) => x !== plan.id))}
            />
            <label class="inline" for={`plans-${user.id}-${plan.id}`}>
              {plan.name}
            </label>
          </div>
        ))}
      </div>
      <button
        type="button"
        disabled={saving.fetching}
        onClick={async () => {
          const result = await save({ input: { id: user.id, planIds: chosen } });
          const problem = result.data?.updateUser.userErrors[0]?.message ?? describeError(result.error);
          if (problem) return onSaved(`${user.name}s helhedsplaner blev ikke gemt: ${problem}`, true);
          setOpen(false);
          onSaved(`${user.name}s helhedsplaner er gemt.`, false);
        }}
      >
        Gem helhedsplaner
      </button>{' '}
      <button type="button" class="secondary" onClick={() => setOpen(false)}>
        Fortryd
      </button>
    </fieldset>
  );
}

// To the hour, as the hub notes it.
const lastSeen = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

function UserList({ created, onLink }: { created: number; onLink: (name: string, token: string) => void }) {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: UserListDocument, variables: { after } });
  // Administrators cannot lock themselves out (the hub refuses it): their own row offers no such button.
  const [{ data: me }] = useQuery({ query: ViewerDocument });
  const [revoking, revoke] = useMutation(RevokeUserDocument);
  const [renewing, renew] = useMutation(RenewTokenDocument);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const users = data?.users.nodes ?? [];
  // A user just created joins the list.
  useEffect(() => {
    if (created) refetch({ requestPolicy: 'network-only' });
  }, [created]);

  const onRevoke = async (user: { id: string; name: string }) => {
    if (!confirm(`Spær ${user.name}s adgang? Nøglen holder op med at virke med det samme.`)) return;
    const answer = await revoke({ input: { id: user.id } });
    // The hub says why in Danish (its userErrors follow the console's language); a fault is described by its code.
    const problem = answer.error ? describeError(answer.error) : answer.data?.revokeUser.userErrors[0]?.message;
    if (problem) {
      setMessage({ text: `Adgangen blev ikke spærret: ${problem}`, problem: true });
      return;
    }
    setMessage({ text: `${user.name}s adgang er spærret.`, problem: false });
    refetch({ requestPolicy: 'network-only' });
  };

  const onRenew = async (user: { id: string; name: string; revokedAt?: unknown }) => {
    const text = user.revokedAt
      ? `Giv ${user.name} adgang igen med et nyt invitationslink?`
      : `Lav et nyt invitationslink til ${user.name}? Det gamle holder op med at virke med det samme.`;
    if (!confirm(text)) return;
    const answer = await renew({ input: { id: user.id } });
    const payload = answer.data?.rotateToken;
    if (!payload?.token || payload.userErrors.length) {
      setMessage({ text: `Der blev ikke lavet et nyt link: ${payload?.userErrors[0]?.message ?? describeError(answer.error) ?? 'prøv igen.'}`, problem: true });
      return;
    }
    setMessage({ text: `Nyt invitationslink til ${user.name} er lavet (se ovenfor).`, problem: false });
    onLink(user.name, payload.token);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">Alle brugere</h2>
      {error ? (
        <p class="error" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      <p role="status" class={message?.problem ? 'error' : undefined}>
        {message?.text ?? ''}
      </p>
      {/* A narrow screen scrolls the table, not the page. */}
      <div class="matrix-wrap" tabIndex={0} role="region" aria-label="Alle brugere">
        <table>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Rolle</th>
              <th scope="col">Helhedsplaner</th>
              <th scope="col">Status</th>
              <th scope="col">Sidst aktiv</th>
              <th scope="col">Handlinger</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{ROLE_LABEL[user.role]}</td>
                <td>
                  {user.plans.map((p) => p.name).join(', ') || '–'}
                  {user.role === 'PROJECT_LEAD' && !user.revokedAt ? (
                    <PlanEditor
                      user={user}
                      onSaved={(text, problem) => {
                        setMessage({ text, problem });
                        if (!problem) refetch({ requestPolicy: 'network-only' });
                      }}
                    />
                  ) : null}
                </td>
                <td>{user.revokedAt ? 'Spærret' : 'Aktiv'}</td>
                <td>{user.lastSeenAt ? lastSeen.format(new Date(user.lastSeenAt)) : 'aldrig'}</td>
                <td>
                  <button type="button" disabled={renewing.fetching} onClick={() => onRenew(user)}>
                    {user.revokedAt ? 'Giv adgang igen' : 'Nyt link'}
                    <span class="sr-only"> til {user.name}</span>
                  </button>{' '}
                  {user.revokedAt || user.id === me?.viewer?.id ? null : (
                    <button type="button" disabled={revoking.fetching} onClick={() => onRevoke(user)}>
                      Spær adgang<span class="sr-only"> for {user.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data?.users.pageInfo.hasNextPage ? (
        <button type="button" onClick={() => setAfter(data.users.pageInfo.endCursor ?? null)}>
          Næste side
        </button>
      ) : null}
    </section>
  );
}
