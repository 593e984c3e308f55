import { useMutation } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { fieldsNamed, FormButtons, refusalsByField } from './form-parts.js';
import { ShareExperienceDocument, type ExperienceOutcome } from './generated/graphql.js';

const OUTCOMES: { value: ExperienceOutcome; label: string }[] = [
  { value: 'WORKED', label: 'Det virkede' },
  { value: 'MIXED', label: 'Blandet' },
  { value: 'DID_NOT_WORK', label: 'Det virkede ikke' },
];

const EMPTY = { title: '', body: '', recommendation: '', outcome: '' as ExperienceOutcome | '', publishable: false };

/** "Del en erfaring" on an activity's page: what happened and what was learned, for others to find (createExperience). */
export function ExperienceForm({ activityId, onShared }: { activityId: string; onShared: (said: string) => void }) {
  const [state, share] = useMutation(ShareExperienceDocument);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const field = (id: keyof typeof EMPTY) => ({
    id: `experience-${id}`,
    'aria-invalid': errors[id] ? ('true' as const) : undefined,
    'aria-describedby': errors[id] ? `experience-${id}-error` : undefined,
  });
  const error = (id: string) =>
    errors[id] ? (
      <p id={`experience-${id}-error`} class="error">
        {errors[id]}
      </p>
    ) : null;

  if (!open)
    return (
      <p>
        <button type="button" onClick={() => (setOpen(true), setTimeout(() => first.current?.focus()))}>
          Del en erfaring
        </button>
      </p>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!values.title.trim()) local.title = 'Skriv en titel.';
    if (!values.body.trim()) local.body = 'Skriv, hvad der skete, og hvad I lærte.';
    if (!values.outcome) local.outcome = 'Vælg, om det virkede.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const answer = await share({
      input: {
        activityId,
        title: values.title.trim(),
        body: values.body.trim(),
        recommendation: values.recommendation.trim() || null,
        outcome: values.outcome as ExperienceOutcome,
        publishable: values.publishable,
      },
    });
    const payload = answer.data?.createExperience;
    if (payload?.experience) {
      setValues(EMPTY);
      setOpen(false);
      return onShared(`Erfaringen er delt: ${payload.experience.title}.`);
    }
    // The hub's words, in Danish, beside their field; a fault or a lost connection above the form.
    setErrors(refusalsByField(answer, payload, fieldsNamed('title', 'body', 'outcome', 'recommendation'), 'Erfaringen blev ikke delt. Prøv igen.'));
  };
  return (
    <form class="experience-form" onSubmit={submit} noValidate aria-labelledby="experience-form-heading">
      <h3 id="experience-form-heading">Del en erfaring</h3>
      {errors[''] ? (
        <p role="alert" class="error">
          Erfaringen blev ikke delt: {errors['']}
        </p>
      ) : null}
      <div>
        <label for="experience-title">Titel</label>
        <input
          ref={first}
          type="text"
          maxLength={200}
          value={values.title}
          onInput={(e) => set('title', (e.target as HTMLInputElement).value)}
          {...field('title')}
        />
        {error('title')}
      </div>
      <div>
        <label for="experience-body">Hvad skete der, og hvad lærte I?</label>
        <textarea rows={4} value={values.body} onInput={(e) => set('body', (e.target as HTMLTextAreaElement).value)} {...field('body')} />
        {error('body')}
      </div>
      <fieldset aria-describedby={errors.outcome ? 'experience-outcome-error' : undefined} class={errors.outcome ? 'invalid' : undefined}>
        <legend>Virkede det?</legend>
        {OUTCOMES.map((o) => (
          <div key={o.value} class="check">
            <input
              type="radio"
              name="experience-outcome"
              id={`experience-outcome-${o.value}`}
              checked={values.outcome === o.value}
              onChange={() => set('outcome', o.value)}
            />
            <label class="inline" for={`experience-outcome-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
        {error('outcome')}
      </fieldset>
      <div>
        <label for="experience-recommendation">Råd til andre (valgfrit)</label>
        <textarea
          rows={2}
          value={values.recommendation}
          onInput={(e) => set('recommendation', (e.target as HTMLTextAreaElement).value)}
          {...field('recommendation')}
        />
        {error('recommendation')}
      </div>
      <div class="check">
        <input
          type="checkbox"
          id="experience-publishable"
          checked={values.publishable}
          onChange={(e) => set('publishable', (e.target as HTMLInputElement).checked)}
        />
        <label class="inline" for="experience-publishable">
          Må deles med alle i hubben og i nyhedsbrevet
        </label>
      </div>
      <FormButtons busy={state.fetching} label="Del erfaringen" busyLabel="Deler …" onCancel={() => (setOpen(false), setErrors({}))} />
    </form>
  );
}
