import { useMutation } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { fieldsNamed, FormButtons, refusalsByField } from './form-parts.js';
import { isoDay } from './format.js';
import { CreateIndicatorDocument, RecordMeasurementDocument, type IndicatorDirection } from './generated/graphql.js';
type Indicator = {
  id: string;
  name: string;
  unit: string;
  baseline?: number | null;
  target: number;
  latestValue?: number | null;
  progress?: number | null;
  direction: string;
};

const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** A number as a Dane writes it ("1.250,5", "12,5") or as a program does ("12.5"); NaN when it is none. */
export function danishNumber(text: string): number {
  const typed = text.trim().replace(/\s/g, '');
  if (!typed) return NaN;
  return Number(typed.includes(',') ? typed.replace(/\./g, '').replace(',', '.') : typed);
}

/** "Tilføj et succeskriterium" to a plan or an activity: what is measured, its unit, where it starts and where it should end (createIndicator). */
export function IndicatorForm({ subject, onCreated }: { subject: { planId: string } | { activityId: string }; onCreated: (said: string) => void }) {
  const [state, create] = useMutation(CreateIndicatorDocument);
  const [open, setOpen] = useState(false);
  const empty = { name: '', unit: '', baseline: '', target: '', direction: 'INCREASE' as IndicatorDirection };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const first = useRef<HTMLInputElement>(null);
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => (setOpen(true), setTimeout(() => first.current?.focus()))}>
          Tilføj et succeskriterium
        </button>
      </p>
    );
  const set = (name: keyof typeof values) => (e: Event) => setValues((v) => ({ ...v, [name]: (e.target as HTMLInputElement).value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    const target = danishNumber(values.target);
    const baseline = values.baseline.trim() ? danishNumber(values.baseline) : null;
    const local: Record<string, string> = {};
    if (!values.name.trim()) local.name = 'Skriv, hvad der måles.';
    if (!values.unit.trim()) local.unit = 'Skriv en enhed, fx deltagere eller %.';
    if (!Number.isFinite(target)) local.target = 'Skriv målet som et tal, fx 80.';
    if (baseline !== null && !Number.isFinite(baseline)) local.baseline = 'Skriv et tal, eller lad feltet stå tomt.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const answer = await create({
      input: { ...subject, name: values.name.trim(), unit: values.unit.trim(), target, baseline, direction: values.direction },
    });
    const payload = answer.data?.createIndicator;
    if (payload?.indicator) {
      setOpen(false);
      setValues(empty);
      return onCreated(`Succeskriteriet er tilføjet: ${payload.indicator.name}.`);
    }
    setErrors(refusalsByField(answer, payload, fieldsNamed('name', 'unit', 'baseline', 'target', 'direction'), 'Succeskriteriet blev ikke gemt. Prøv igen.'));
  };
  const input = (name: 'name' | 'unit' | 'baseline' | 'target', label: string, ref?: typeof first) => (
    <div>
      <label for={`indicator-${name}`}>{label}</label>
      <input
        ref={ref}
        id={`indicator-${name}`}
        type="text"
        inputMode={name === 'baseline' || name === 'target' ? 'decimal' : undefined}
        value={values[name]}
        onInput={set(name)}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `indicator-${name}-error` : undefined}
      />
      {errors[name] ? (
        <p id={`indicator-${name}-error`} class="error">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form class="measurement-form" onSubmit={submit} noValidate aria-label="Tilføj et succeskriterium">
      {errors[''] ? (
        <p role="alert" class="error">
          Succeskriteriet blev ikke gemt: {errors['']}
        </p>
      ) : null}
      {input('name', 'Hvad måles', first)}
      {input('unit', 'Enhed (fx deltagere eller %)')}
      {input('baseline', 'Udgangspunkt (valgfrit)')}
      {input('target', 'Mål')}
      <div>
        <label for="indicator-direction">Succes er</label>
        <select id="indicator-direction" value={values.direction} onChange={set('direction')}>
          <option value="INCREASE">at tallet stiger</option>
          <option value="DECREASE">at tallet falder</option>
        </select>
      </div>
      <FormButtons busy={state.fetching} label="Gem succeskriteriet" busyLabel="Gemmer …" onCancel={() => (setOpen(false), setErrors({}))} />
    </form>
  );
}

/** "Registrér en måling" for one success criterion: a value for a period, checked by the hub (periods never overlap). */
function MeasurementForm({ indicator, onRecorded }: { indicator: Indicator; onRecorded: (said: string) => void }) {
  const [state, record] = useMutation(RecordMeasurementDocument);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ value: '', periodStart: '', periodEnd: isoDay(), note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const first = useRef<HTMLInputElement>(null);
  const key = indicator.id.replace(/[^a-z0-9]/gi, '');
  if (!open)
    return (
      <button
        type="button"
        class="small"
        aria-label={`Registrér en måling: ${indicator.name}`}
        onClick={() => (setOpen(true), setTimeout(() => first.current?.focus()))}
      >
        Registrér en måling
      </button>
    );
  const set = (name: keyof typeof values) => (e: Event) => setValues((v) => ({ ...v, [name]: (e.target as HTMLInputElement).value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    const value = danishNumber(values.value);
    const local: Record<string, string> = {};
    if (!Number.isFinite(value)) local.value = 'Skriv et tal, fx 12,5.';
    if (!values.periodStart) local.periodStart = 'Skriv periodens første dag.';
    if (!values.periodEnd) local.periodEnd = 'Skriv periodens sidste dag.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const answer = await record({
      input: { indicatorId: indicator.id, value, periodStart: values.periodStart, periodEnd: values.periodEnd, note: values.note.trim() || null },
    });
    const payload = answer.data?.recordMeasurement;
    if (payload?.indicator) {
      setOpen(false);
      setValues({ value: '', periodStart: '', periodEnd: isoDay(), note: '' });
      return onRecorded(`Målingen er registreret: ${indicator.name} ${number.format(value)} ${indicator.unit}.`);
    }
    setErrors(refusalsByField(answer, payload, fieldsNamed('value', 'periodStart', 'periodEnd', 'note'), 'Målingen blev ikke gemt. Prøv igen.'));
  };
  const field = (name: 'value' | 'periodStart' | 'periodEnd' | 'note', label: string, type: string, ref?: typeof first) => (
    <div>
      <label for={`m-${key}-${name}`}>{label}</label>
      <input
        ref={ref}
        id={`m-${key}-${name}`}
        type={type}
        inputMode={name === 'value' ? 'decimal' : undefined}
        value={values[name]}
        onInput={set(name)}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `m-${key}-${name}-error` : undefined}
      />
      {errors[name] ? (
        <p id={`m-${key}-${name}-error`} class="error">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form class="measurement-form" onSubmit={submit} noValidate aria-label={`Registrér en måling: ${indicator.name}`}>
      {errors[''] ? (
        <p role="alert" class="error">
          Målingen blev ikke gemt: {errors['']}
        </p>
      ) : null}
      {field('value', `Værdi (${indicator.unit})`, 'text', first)}
      {field('periodStart', 'Periodens første dag', 'date')}
      {field('periodEnd', 'Periodens sidste dag', 'date')}
      {field('note', 'Note (valgfri): hvordan er der målt?', 'text')}
      <FormButtons busy={state.fetching} label="Gem målingen" busyLabel="Gemmer …" onCancel={() => (setOpen(false), setErrors({}))} />
    </form>
  );
}

/** Success criteria with a bar each for the way from baseline to target; the figures are always written too. */
export function IndicatorList({
  indicators,
  onRecorded,
}: {
  indicators: readonly Indicator[];
  /** Given to who may record measurements: what was said once one is recorded. */
  onRecorded?: (said: string) => void;
}) {
  if (!indicators.length) return <p>Ingen succeskriterier er registreret.</p>;
  return (
    <ul class="indicators">
      {indicators.map((i) => {
        const labelId = `ind-${i.id.replace(/[^a-z0-9]/gi, '')}`;
        const progress = i.progress == null ? null : Math.round(i.progress * 100);
        return (
          <li key={i.id}>
            <span id={labelId}>{i.name}</span>: {i.latestValue == null ? 'ikke målt endnu' : `${number.format(i.latestValue)} ${i.unit}`} (mål{' '}
            {i.direction === 'DECREASE' ? 'ned til' : 'op til'} {number.format(i.target)} {i.unit}
            {i.baseline == null ? '' : `, fra ${number.format(i.baseline)}`})
            <div class="progress-row">
              <progress
                max={100}
                value={progress ?? 0}
                aria-labelledby={labelId}
                aria-valuetext={progress == null ? 'ikke beregnet' : `${progress} procent af vejen`}
              />
              <span>{progress == null ? 'ikke beregnet' : `${progress} % af vejen`}</span>
            </div>
            {onRecorded ? <MeasurementForm indicator={i} onRecorded={onRecorded} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
