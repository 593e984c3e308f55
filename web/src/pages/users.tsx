import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { describeError } from '../api.js';
import { InviteUserDocument, PlansToPickDocument, type Role } from '../generated/graphql.js';

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
    </>
  );
}
