import { useMutation } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { fieldsNamed, FormButtons, refusalsByField } from './form-parts.js';
import { RecordInquiriesDocument, type InquiryChannel } from './generated/graphql.js';

/** KOMHEN's channels, as a Danish counter knows them. */
const CHANNELS: { value: InquiryChannel; label: string }[] = [
  { value: 'IN_PERSON', label: 'Personligt fremmøde' },
  { value: 'PHONE', label: 'Telefon' },
  { value: 'EMAIL', label: 'E-mail' },
  { value: 'DIGITAL_POST', label: 'Digital Post' },
  { value: 'LETTER', label: 'Brev' },
  { value: 'SELF_SERVICE', label: 'Selvbetjening' },
  { value: 'SOCIAL_MEDIA', label: 'Sociale medier' },
  { value: 'SYSTEM', label: 'Fagsystem' },
];

/** Last month's first and last day: what a monthly count usually covers. */
function lastMonth(): { start: string; end: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 0));
  return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
}

/** "Registrér henvendelser" on a plan's page: a count per channel and topic for a period, never a person (recordInquiries). */
export function InquiryForm({ planId, onRecorded }: { planId: string; onRecorded: (said: string) => void }) {
  const [state, record] = useMutation(RecordInquiriesDocument);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ channel: '' as InquiryChannel | '', topic: '', count: '', ...lastMonth() });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const first = useRef<HTMLSelectElement>(null);
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => (setOpen(true), setTimeout(() => first.current?.focus()))}>
          Registrér henvendelser
        </button>
      </p>
    );
  const set = (name: keyof typeof values) => (e: Event) => setValues((v) => ({ ...v, [name]: (e.target as HTMLInputElement).value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!values.channel) local.channel = 'Vælg en kanal.';
    if (!values.topic.trim()) local.topic = 'Skriv et emne, fx Husleje.';
    if (!/^\d+$/.test(values.count.trim())) local.count = 'Skriv et helt tal, 0 eller mere.';
    if (!values.start) local.periodStart = 'Skriv periodens første dag.';
    if (!values.end) local.periodEnd = 'Skriv periodens sidste dag.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const count = Number(values.count.trim());
    const answer = await record({
      input: { planId, channel: values.channel as InquiryChannel, topic: values.topic.trim(), count, periodStart: values.start, periodEnd: values.end },
    });
    const payload = answer.data?.recordInquiries;
    if (payload && !payload.userErrors.length) {
      setOpen(false);
      setValues((v) => ({ ...v, topic: '', count: '' }));
      return onRecorded(`${count} ${count === 1 ? 'henvendelse' : 'henvendelser'} om ${values.topic.trim()} er registreret.`);
    }
    setErrors(
      refusalsByField(answer, payload, fieldsNamed('channel', 'topic', 'count', 'periodStart', 'periodEnd'), 'Henvendelserne blev ikke gemt. Prøv igen.'),
    );
  };
  const invalid = (name: string) => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `inquiry-${name}-error` } : {});
  const error = (name: string) =>
    errors[name] ? (
      <p id={`inquiry-${name}-error`} class="error">
        {errors[name]}
      </p>
    ) : null;
  return (
    <form class="measurement-form" onSubmit={submit} noValidate aria-label="Registrér henvendelser">
      {errors[''] ? (
        <p role="alert" class="error">
          Henvendelserne blev ikke gemt: {errors['']}
        </p>
      ) : null}
      <div>
        <label for="inquiry-channel">Kanal</label>
        <select ref={first} id="inquiry-channel" value={values.channel} onChange={set('channel')} {...invalid('channel')}>
          <option value="">Vælg kanal</option>
          {CHANNELS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {error('channel')}
      </div>
      <div>
        <label for="inquiry-topic">Emne (aldrig navne eller adresser)</label>
        <input id="inquiry-topic" type="text" maxLength={200} value={values.topic} onInput={set('topic')} {...invalid('topic')} />
        {error('topic')}
      </div>
      <div>
        <label for="inquiry-count">Antal</label>
        <input id="inquiry-count" type="text" inputMode="numeric" value={values.count} onInput={set('count')} {...invalid('count')} />
        {error('count')}
      </div>
      <div>
        <label for="inquiry-start">Fra og med</label>
        <input id="inquiry-start" type="date" value={values.start} onInput={set('start')} {...invalid('periodStart')} />
        {error('periodStart')}
      </div>
      <div>
        <label for="inquiry-end">Til og med</label>
        <input id="inquiry-end" type="date" value={values.end} onInput={set('end')} {...invalid('periodEnd')} />
        {error('periodEnd')}
      </div>
      <FormButtons busy={state.fetching} label="Gem henvendelserne" busyLabel="Gemmer …" onCancel={() => (setOpen(false), setErrors({}))} />
    </form>
  );
}
