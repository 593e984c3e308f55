import { useMutation, useQuery } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { FormButtons, refusalsByField } from './form-parts.js';
import { CreateSteeringGroupDocument, PeopleToPickDocument } from './generated/graphql.js';

interface Member {
  personId: string;
  name: string;
  role: string;
}

/** "Opret styregruppen" for a plan without one: its name and members found by name among the hub's people (createSteeringGroup). */
export function SteeringGroupForm({ planId, planName, onCreated }: { planId: string; planName: string; onCreated: (said: string) => void }) {
  const [state, create] = useMutation(CreateSteeringGroupDocument);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(`Styregruppen for ${planName}`);
  const [members, setMembers] = useState<Member[]>([]);
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [{ data }] = useQuery({ query: PeopleToPickDocument, variables: { search }, pause: !open || search.trim().length < 2 });
  const first = useRef<HTMLInputElement>(null);
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => (setOpen(true), setTimeout(() => first.current?.focus()))}>
          Opret styregruppen
        </button>
      </p>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Skriv styregruppens navn.' });
    setErrors({});
    const answer = await create({
      input: { planId, name: name.trim(), members: members.map((m) => ({ personId: m.personId, role: m.role.trim() || null })) },
    });
    const payload = answer.data?.createSteeringGroup;
    if (payload?.steeringGroup) {
      setOpen(false);
      return onCreated(`Styregruppen er oprettet: ${payload.steeringGroup.name}, ${members.length} ${members.length === 1 ? 'medlem' : 'medlemmer'}.`);
    }
    // A member's problem beside the member ("members.1.role"), the rest beside the name or above the form.
    const keyOf = ([, field, index]: readonly string[]) => (field === 'members' && index !== undefined ? `members.${index}` : field === 'name' ? 'name' : null);
    setErrors(refusalsByField(answer, payload, keyOf, 'Styregruppen blev ikke oprettet. Prøv igen.'));
  };
  const chosen = new Set(members.map((m) => m.personId));
  return (
    <form class="experience-form" onSubmit={submit} noValidate aria-labelledby="group-form-heading">
      <h3 id="group-form-heading">Opret styregruppen</h3>
      {errors[''] ? (
        <p role="alert" class="error">
          Styregruppen blev ikke oprettet: {errors['']}
        </p>
      ) : null}
      <div>
        <label for="group-name">Navn</label>
        <input
          ref={first}
          id="group-name"
          type="text"
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={errors.name ? 'group-name-error' : undefined}
        />
        {errors.name ? (
          <p id="group-name-error" class="error">
            {errors.name}
          </p>
        ) : null}
      </div>
      <fieldset>
        <legend>Medlemmer</legend>
        {members.length === 0 ? <p>Ingen medlemmer endnu: søg dem frem herunder.</p> : null}
        {members.map((m, i) => (
          <div key={m.personId} class="measurement-form" role="group" aria-label={m.name}>
            <p>
              <strong>{m.name}</strong>{' '}
              <button type="button" class="link-button" onClick={() => setMembers((all) => all.filter((x) => x.personId !== m.personId))}>
                Fjern<span class="sr-only"> {m.name}</span>
              </button>
            </p>
            <div>
              <label for={`group-member-${i}-role`}>Rolle (valgfri, fx formand)</label>
              <input
                id={`group-member-${i}-role`}
                type="text"
                value={m.role}
                onInput={(e) => setMembers((all) => all.map((x) => (x.personId === m.personId ? { ...x, role: (e.target as HTMLInputElement).value } : x)))}
                aria-describedby={errors[`members.${i}`] ? `group-member-${i}-error` : undefined}
              />
            </div>
            {errors[`members.${i}`] ? (
              <p id={`group-member-${i}-error`} class="error">
                {errors[`members.${i}`]}
              </p>
            ) : null}
          </div>
        ))}
        <label for="group-search">Søg efter en person (navn eller stilling)</label>
        <input id="group-search" type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        {search.trim().length >= 2 && data ? (
          data.people.nodes.length === 0 ? (
            <p>Ingen personer passer på »{search}«.</p>
          ) : (
            <ul class="picks" aria-label="Personer">
              {data.people.nodes
                .filter((person) => !chosen.has(person.id))
                .map((person) => (
                  <li key={person.id}>
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => {
                        setMembers((all) => [...all, { personId: person.id, name: person.name, role: '' }]);
                        setSearch('');
                      }}
                    >
                      Tilføj {person.name}
                      {person.title || person.organisation ? `, ${[person.title, person.organisation?.name].filter(Boolean).join(', ')}` : ''}
                    </button>
                  </li>
                ))}
            </ul>
          )
        ) : null}
      </fieldset>
      <FormButtons busy={state.fetching} label="Opret styregruppen" busyLabel="Opretter …" onCancel={() => (setOpen(false), setErrors({}))} />
    </form>
  );
}
