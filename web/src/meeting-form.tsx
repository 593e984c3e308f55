import { useMutation } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { fieldsNamed, FormButtons, refusalsByField } from './form-parts.js';
import { isoDay } from './format.js';
import { RecordMeetingDocument } from './generated/graphql.js';

interface FollowUp {
  description: string;
  dueDate: string;
  ownerId: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** "Registrér et møde" under a plan's steering group: agenda and decisions a line each, minutes, and follow-ups with owner and due date. */
export function MeetingForm({
  steeringGroupId,
  members,
  onRecorded,
}: {
  steeringGroupId: string;
  members: readonly { person: { id: string; name: string } }[];
  onRecorded: (said: string) => void;
}) {
  const [state, record] = useMutation(RecordMeetingDocument);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(isoDay());
  const [agenda, setAgenda] = useState('');
  const [minutes, setMinutes] = useState('');
  const [decisions, setDecisions] = useState('');
  const [followUps, setFollowUps] = useState<FollowUp[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const first = useRef<HTMLInputElement>(null);
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => (setOpen(true), setTimeout(() => first.current?.focus()))}>
          Registrér et møde
        </button>
      </p>
    );
  const setFollowUp = (i: number, change: Partial<FollowUp>) => setFollowUps((all) => all.map((f, j) => (j === i ? { ...f, ...change } : f)));
  const submit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!date) local.date = 'Skriv mødets dato.';
    followUps.forEach((f, i) => {
      if (!f.description.trim()) local[`actionItems.${i}.description`] = 'Skriv, hvad der skal gøres.';
      if (!f.dueDate) local[`actionItems.${i}.dueDate`] = 'Skriv en frist.';
    });
    setErrors(local);
    if (Object.keys(local).length) return;
    const answer = await record({
      input: {
        steeringGroupId,
        date,
        agenda: lines(agenda),
        minutes: minutes.trim() || null,
        decisions: lines(decisions),
        actionItems: followUps.map((f) => ({ description: f.description.trim(), dueDate: f.dueDate, ownerId: f.ownerId || null })),
      },
    });
    const payload = answer.data?.recordMeeting;
    if (payload?.meeting) {
      setOpen(false);
      setAgenda('');
      setMinutes('');
      setDecisions('');
      setFollowUps([]);
      return onRecorded(`Mødet ${new Date(`${date}T12:00:00`).toLocaleDateString('da-DK', { dateStyle: 'long' })} er registreret.`);
    }
    // The hub's words beside their field: a follow-up's by its row ("actionItems.0.dueDate"), an agenda point under the agenda.
    const keyOf = ([, name, index, part]: readonly string[]) =>
      name === 'actionItems' && index !== undefined && part
        ? `actionItems.${index}.${part}`
        : fieldsNamed('date', 'agenda', 'minutes', 'decisions')(['input', name ?? '']);
    setErrors(refusalsByField(answer, payload, keyOf, 'Mødet blev ikke gemt. Prøv igen.'));
  };
  const described = (key: string) => (errors[key] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `meeting-${key.replace(/\./g, '-')}-error` } : {});
  const error = (key: string) =>
    errors[key] ? (
      <p id={`meeting-${key.replace(/\./g, '-')}-error`} class="error">
        {errors[key]}
      </p>
    ) : null;
  return (
    <form class="experience-form" onSubmit={submit} noValidate aria-labelledby="meeting-form-heading">
      <h4 id="meeting-form-heading">Registrér et møde</h4>
      {errors[''] ? (
        <p role="alert" class="error">
          Mødet blev ikke gemt: {errors['']}
        </p>
      ) : null}
      <div>
        <label for="meeting-date">Dato</label>
        <input ref={first} id="meeting-date" type="date" value={date} onInput={(e) => setDate((e.target as HTMLInputElement).value)} {...described('date')} />
        {error('date')}
      </div>
      <div>
        <label for="meeting-agenda">Dagsorden: et punkt pr. linje</label>
        <textarea id="meeting-agenda" rows={3} value={agenda} onInput={(e) => setAgenda((e.target as HTMLTextAreaElement).value)} {...described('agenda')} />
        {error('agenda')}
      </div>
      <div>
        <label for="meeting-minutes">Referat (valgfrit)</label>
        <textarea
          id="meeting-minutes"
          rows={4}
          value={minutes}
          onInput={(e) => setMinutes((e.target as HTMLTextAreaElement).value)}
          {...described('minutes')}
        />
        {error('minutes')}
      </div>
      <div>
        <label for="meeting-decisions">Beslutninger: en pr. linje</label>
        <textarea
          id="meeting-decisions"
          rows={3}
          value={decisions}
          onInput={(e) => setDecisions((e.target as HTMLTextAreaElement).value)}
          {...described('decisions')}
        />
        {error('decisions')}
      </div>
      <fieldset>
        <legend>Opfølgningspunkter</legend>
        {followUps.map((f, i) => (
          <div key={i} class="measurement-form" role="group" aria-label={`Opfølgningspunkt ${i + 1}`}>
            <div>
              <label for={`meeting-follow-${i}-description`}>Hvad skal gøres</label>
              <input
                id={`meeting-follow-${i}-description`}
                type="text"
                value={f.description}
                onInput={(e) => setFollowUp(i, { description: (e.target as HTMLInputElement).value })}
                {...described(`actionItems.${i}.description`)}
              />
              {error(`actionItems.${i}.description`)}
            </div>
            <div>
              <label for={`meeting-follow-${i}-due`}>Frist</label>
              <input
                id={`meeting-follow-${i}-due`}
                type="date"
                value={f.dueDate}
                onInput={(e) => setFollowUp(i, { dueDate: (e.target as HTMLInputElement).value })}
                {...described(`actionItems.${i}.dueDate`)}
              />
              {error(`actionItems.${i}.dueDate`)}
            </div>
            <div>
              <label for={`meeting-follow-${i}-owner`}>Ansvarlig</label>
              <select id={`meeting-follow-${i}-owner`} value={f.ownerId} onChange={(e) => setFollowUp(i, { ownerId: (e.target as HTMLSelectElement).value })}>
                <option value="">Ingen valgt</option>
                {members.map((m) => (
                  <option key={m.person.id} value={m.person.id}>
                    {m.person.name}
                  </option>
                ))}
              </select>
              {error(`actionItems.${i}.ownerId`)}
            </div>
            <p>
              <button type="button" class="secondary" onClick={() => setFollowUps((all) => all.filter((_, j) => j !== i))}>
                Fjern opfølgningspunkt {i + 1}
              </button>
            </p>
          </div>
        ))}
        <button type="button" onClick={() => setFollowUps((all) => [...all, { description: '', dueDate: '', ownerId: '' }])}>
          Tilføj opfølgningspunkt
        </button>
      </fieldset>
      <FormButtons busy={state.fetching} label="Gem mødet" busyLabel="Gemmer …" onCancel={() => (setOpen(false), setErrors({}))} />
    </form>
  );
}
