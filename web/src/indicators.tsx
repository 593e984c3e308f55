import { useMutation } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { describeError } from './api.js';
import { isoDay } from './format.js';
import { RecordMeasurementDocument } from './generated/graphql.js';
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
    // Danish numbers ("1.250,5", "12,5") as well as "12.5".
    const typed = values.value.trim().replace(/\s/g, '');
    const value = Number(typed.includes(',') ? typed.replace(/\./g, '').replace(',', '.') : typed);
    const local: Record<string, string> = {};
    if (!values.value.trim() || !Number.isFinite(value)) local.value = 'Skriv et tal, fx 12,5.';
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
    const byField: Record<string, string> = {};
    for (const e of payload?.userErrors ?? [])
      byField[['value', 'periodStart', 'periodEnd', 'note'].includes(e.field[1] ?? '') ? e.field[1]! : ''] ??= e.message;
    if (!payload) byField[''] = describeError(answer.error) ?? 'Målingen blev ikke gemt. Prøv igen.';
    setErrors(byField);
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
      <p>
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? 'Gemmer …' : 'Gem målingen'}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => (setOpen(false), setErrors({}))}>
          Fortryd
        </button>
      </p>
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
