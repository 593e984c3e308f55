import { useMutation } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { fieldsNamed, FormButtons, refusalsByField } from './form-parts.js';
import { EvaluateActivityDocument, type EvaluationDecision } from './generated/graphql.js';

const DECISIONS: { value: EvaluationDecision; label: string }[] = [
  { value: 'CONTINUE', label: 'Fortsæt som nu: den virker' },
  { value: 'ADJUST', label: 'Justér: fortsæt med ændringer' },
  { value: 'STOP', label: 'Stop: aktiviteten afsluttes i dag' },
];

/** "Evaluér aktiviteten" on an activity's page: continue, adjust or stop, and on what evidence (evaluateActivity). */
export function EvaluationForm({ activityId, onSaved }: { activityId: string; onSaved: (said: string) => void }) {
  const [state, evaluate] = useMutation(EvaluateActivityDocument);
  const [decision, setDecision] = useState<EvaluationDecision | ''>('');
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  if (!open)
    return (
      <p>
        <button type="button" onClick={() => (setOpen(true), setTimeout(() => first.current?.focus()))}>
          Evaluér aktiviteten
        </button>
      </p>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!decision) local.decision = 'Vælg fortsæt, justér eller stop.';
    if (!rationale.trim()) local.rationale = 'Skriv hvorfor, og hvad I bygger det på.';
    setErrors(local);
    if (Object.keys(local).length) return;
    if (decision === 'STOP' && !confirm('Stop afslutter aktiviteten i dag. Vil du stoppe den?')) return;
    const answer = await evaluate({ input: { activityId, decision: decision as EvaluationDecision, rationale: rationale.trim() } });
    const payload = answer.data?.evaluateActivity;
    if (payload?.evaluation) {
      setDecision('');
      setRationale('');
      setOpen(false);
      return onSaved(
        `Evalueringen er gemt: ${DECISIONS.find((d) => d.value === decision)!
          .label.split(':')[0]!
          .toLowerCase()}.`,
      );
    }
    // The hub's words, in Danish, beside their field; a fault or a lost connection above the form.
    setErrors(refusalsByField(answer, payload, fieldsNamed('decision', 'rationale'), 'Evalueringen blev ikke gemt. Prøv igen.'));
  };
  return (
    <form class="experience-form" onSubmit={submit} noValidate aria-labelledby="evaluation-form-heading">
      <h3 id="evaluation-form-heading">Evaluér aktiviteten</h3>
      {errors[''] ? (
        <p role="alert" class="error">
          Evalueringen blev ikke gemt: {errors['']}
        </p>
      ) : null}
      <fieldset aria-describedby={errors.decision ? 'evaluation-decision-error' : undefined} class={errors.decision ? 'invalid' : undefined}>
        <legend>Beslutning</legend>
        {DECISIONS.map((d, i) => (
          <div key={d.value} class="check">
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="evaluation-decision"
              id={`evaluation-decision-${d.value}`}
              checked={decision === d.value}
              onChange={() => setDecision(d.value)}
            />
            <label class="inline" for={`evaluation-decision-${d.value}`}>
              {d.label}
            </label>
          </div>
        ))}
        {errors.decision ? (
          <p id="evaluation-decision-error" class="error">
            {errors.decision}
          </p>
        ) : null}
      </fieldset>
      <div>
        <label for="evaluation-rationale">Begrundelse: hvad bygger beslutningen på?</label>
        <textarea
          id="evaluation-rationale"
          rows={3}
          value={rationale}
          onInput={(e) => setRationale((e.target as HTMLTextAreaElement).value)}
          aria-invalid={errors.rationale ? 'true' : undefined}
          aria-describedby={errors.rationale ? 'evaluation-rationale-error' : undefined}
        />
        {errors.rationale ? (
          <p id="evaluation-rationale-error" class="error">
            {errors.rationale}
          </p>
        ) : null}
      </div>
      <FormButtons busy={state.fetching} label="Gem evalueringen" busyLabel="Gemmer …" onCancel={() => (setOpen(false), setErrors({}))} />
    </form>
  );
}
