import { useClient, useMutation, useQuery } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { describeError } from '../api.js';
import { decimal } from '../format.js';
import {
  ActivityToEditDocument,
  PeopleToPickDocument,
  CatalogueDocument,
  CreateActivityDocument,
  SimilarToDraftDocument,
  UpdateActivityDocument,
  ViewerDocument,
  type ActivityStatus,
  type SimilarToDraftQuery,
  type Weekday,
} from '../generated/graphql.js';
import { Link, navigate } from '../router.js';
import { errorsByField, STATUS_NAMES, WEEKDAYS } from '../texts.js';

type Slot = { weekday: Weekday; startTime: string; endTime: string };
type Values = {
  planId: string;
  title: string;
  description: string;
  methodId: string;
  areaIds: string[];
  targetGroupIds: string[];
  themeIds: string[];
  startDate: string;
  endDate: string;
  capacity: string;
  status: ActivityStatus;
  schedule: Slot[];
  contactId: string;
};
type Option = { id: string; name: string; parent?: { id: string } | null };

const EMPTY: Values = {
  planId: '',
  title: '',
  description: '',
  methodId: '',
  areaIds: [],
  targetGroupIds: [],
  themeIds: [],
  startDate: '',
  endDate: '',
  capacity: '',
  status: 'PLANNED',
  schedule: [],
  contactId: '',
};
const FIELD_NAMES: Record<keyof Values, string> = {
  planId: 'helhedsplan',
  title: 'titel',
  description: 'beskrivelse',
  methodId: 'metode',
  areaIds: 'områder',
  targetGroupIds: 'målgrupper',
  themeIds: 'temaer',
  startDate: 'startdato',
  endDate: 'slutdato',
  capacity: 'pladser',
  status: 'status',
  schedule: 'ugeskema',
  contactId: 'kontaktperson',
};
const DEBOUNCE_MS = 500;

/** The contact person: searched by name among the hub's people, chosen with a button, removable. */
function ContactPicker(props: { chosen: string; known: { id: string; name: string } | null; error?: string | undefined; onChange: (id: string) => void }) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(props.known);
  const [{ data }] = useQuery({ query: PeopleToPickDocument, variables: { search }, pause: search.trim().length < 2 });
  const name = props.chosen ? (picked?.id === props.chosen ? picked.name : props.known?.id === props.chosen ? props.known.name : '') : '';
  return (
    <fieldset class={`contact${props.error ? ' invalid' : ''}`} aria-describedby={props.error ? 'contactId-error' : undefined}>
      <legend>Kontaktperson (valgfri)</legend>
      <p aria-live="polite">
        {props.chosen ? (
          <>
            Valgt: <strong>{name}</strong>{' '}
            <button type="button" class="link-button" onClick={() => props.onChange('')}>
              Fjern<span class="sr-only"> {name} som kontaktperson</span>
            </button>
          </>
        ) : (
          'Ingen kontaktperson valgt.'
        )}
      </p>
      <label for="contact-search">Søg efter en person (navn eller stilling)</label>
      <input id="contact-search" type="search" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
      {search.trim().length >= 2 && data ? (
        data.people.nodes.length === 0 ? (
          <p>Ingen personer passer på »{search}«.</p>
        ) : (
          <ul class="picks" aria-label="Personer">
            {data.people.nodes.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => {
                    setPicked({ id: person.id, name: person.name });
                    props.onChange(person.id);
                    setSearch('');
                  }}
                >
                  {person.name}
                  {person.title || person.organisation ? `, ${[person.title, person.organisation?.name].filter(Boolean).join(', ')}` : ''}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {props.error ? (
        <p class="error" id="contactId-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Options as a tree: each option followed by its children, indented, so estates sit under their district. */
function tree(options: readonly Option[]): { option: Option; depth: number }[] {
  const ids = new Set(options.map((o) => o.id));
  const out: { option: Option; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const o of options)
      if ((o.parent && ids.has(o.parent.id) ? o.parent.id : null) === parent) {
        out.push({ option: o, depth });
        visit(o.id, depth + 1);
      }
  };
  visit(null, 0);
  return out;
}

/** A field with its label, and its error beside it (announced, and tied to the control for screen readers). */
function Field(props: { id: string; label: string; error?: string | undefined; hint?: string; children: ComponentChildren }) {
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="help" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.error ? (
        <p class="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

const described = (id: string, error: string | undefined, hint = false) => ({
  'aria-invalid': error ? ('true' as const) : undefined,
  'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
});

function Checklist(props: {
  name: string;
  legend: string;
  options: readonly Option[];
  chosen: string[];
  error?: string | undefined;
  onChange: (ids: string[]) => void;
  /** Options listed first under their own heading (the chosen plan's areas), the rest after them. */
  first?: { label: string; ids: readonly string[] };
}) {
  const firstIds = new Set(props.first?.ids ?? []);
  const firstOptions = props.options.filter((o) => firstIds.has(o.id));
  const rest = firstOptions.length ? props.options.filter((o) => !firstIds.has(o.id)) : props.options;
  const check = (option: Option, depth: number) => (
    <div key={option.id} class="check" style={{ paddingLeft: `${depth * 1.25}rem` }}>
      <input
        type="checkbox"
        id={`${props.name}-${option.id}`}
        checked={props.chosen.includes(option.id)}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).checked ? [...props.chosen, option.id] : props.chosen.filter((x) => x !== option.id))}
      />
      <label class="inline" for={`${props.name}-${option.id}`}>
        {option.name}
      </label>
    </div>
  );
  return (
    <fieldset class={`checklist${props.error ? ' invalid' : ''}`} aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend>{props.legend}</legend>
      <div class="scroll">
        {firstOptions.length ? (
          <>
            <p class="group-label">{props.first!.label}</p>
            {firstOptions.map((option) => check(option, 0))}
            <p class="group-label">Øvrige</p>
          </>
        ) : null}
        {tree(rest).map(({ option, depth }) => check(option, depth))}
      </div>
      {props.error ? (
        <p class="error" id={`${props.name}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

function ScheduleEditor({ slots, error, onChange }: { slots: Slot[]; error?: string | undefined; onChange: (slots: Slot[]) => void }) {
  const change = (i: number, patch: Partial<Slot>) => onChange(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset class={error ? 'invalid' : undefined} aria-describedby={error ? 'schedule-error' : undefined}>
      <legend>Ugeskema</legend>
      {slots.length === 0 ? <p class="help">Intet fast ugeskema. Tilføj de tidsrum, aktiviteten holdes i hver uge.</p> : null}
      {slots.map((slot, i) => (
        <div key={i} class="slot">
          <label for={`slot-${i}-day`} class="sr-only">
            Ugedag for tidsrum {i + 1}
          </label>
          <select id={`slot-${i}-day`} value={slot.weekday} onChange={(e) => change(i, { weekday: (e.target as HTMLSelectElement).value as Weekday })}>
            {WEEKDAYS.map((d) => (
              <option key={d.value} value={d.value}>
                {d.long}
              </option>
            ))}
          </select>
          <label for={`slot-${i}-start`}>fra</label>
          <input id={`slot-${i}-start`} type="time" value={slot.startTime} onInput={(e) => change(i, { startTime: (e.target as HTMLInputElement).value })} />
          <label for={`slot-${i}-end`}>til</label>
          <input id={`slot-${i}-end`} type="time" value={slot.endTime} onInput={(e) => change(i, { endTime: (e.target as HTMLInputElement).value })} />
          <button type="button" class="secondary" onClick={() => onChange(slots.filter((_, j) => j !== i))}>
            Fjern<span class="sr-only"> tidsrum {i + 1}</span>
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange([...slots, { weekday: 'MONDAY', startTime: '15:00', endTime: '17:00' }])}>
        Tilføj tidsrum
      </button>
      {error ? (
        <p class="error" id="schedule-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** What the lead is typing, asked against the running activities (debounced), with the method its words point to. */
function useSimilar(values: Values, ownId: string | undefined) {
  const client = useClient();
  const [answer, setAnswer] = useState<SimilarToDraftQuery | null>(null);
  const ready = values.title.trim() && values.areaIds.length && values.targetGroupIds.length && /^\d{4}-\d{2}-\d{2}$/.test(values.startDate);
  const draft = ready
    ? {
        title: values.title.trim(),
        description: values.description.trim() || null,
        planId: values.planId || null,
        methodId: values.methodId || null,
        areaIds: values.areaIds,
        targetGroupIds: values.targetGroupIds,
        themeIds: values.themeIds,
        startDate: values.startDate,
        endDate: values.endDate && values.endDate >= values.startDate ? values.endDate : null,
        schedule: values.schedule.filter((s) => s.startTime && s.endTime && s.startTime < s.endTime),
      }
    : null;
  const key = JSON.stringify(draft);
  useEffect(() => {
    if (!draft) return setAnswer(null);
    const timer = setTimeout(async () => {
      const result = await client
        .query(SimilarToDraftDocument, { draft, title: draft.title, description: draft.description }, { requestPolicy: 'network-only' })
        .toPromise();
      if (result.data) setAnswer(result.data);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const similar = answer?.similarActivities.filter((o) => !o.activities.some((a) => a.id === ownId)) ?? null;
  return { similar, inferred: answer?.inferMethod ?? null, ready: !!draft };
}

/** The project lead's form to register or change an activity, with similar activities beside it while they type. */
export function ActivityFormPage({ id }: { id?: string }) {
  const [catalogue] = useQuery({ query: CatalogueDocument });
  const [viewer] = useQuery({ query: ViewerDocument });
  const [existing, reload] = useQuery({ query: ActivityToEditDocument, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const [values, setValues] = useState<Values>(EMPTY);
  const [base, setBase] = useState<{ values: Values; version: number } | null>(null);
  const [conflict, setConflict] = useState<{ reloaded: boolean; changed: string[]; both: string[] } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, create] = useMutation(CreateActivityDocument);
  const [updated, update] = useMutation(UpdateActivityDocument);
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const heading = useRef<HTMLHeadingElement>(null);
  const role = viewer.data?.viewer?.role;

  const loaded = existing.data?.node?.__typename === 'Activity' ? existing.data.node : null;
  const fromServer = (a: NonNullable<typeof loaded>): Values => ({
    planId: a.plan.id,
    title: a.title,
    description: a.description ?? '',
    methodId: a.method?.id ?? '',
    areaIds: a.areas.map((x) => x.id),
    targetGroupIds: a.targetGroups.map((x) => x.id),
    themeIds: a.themes.map((x) => x.id),
    startDate: a.startDate,
    endDate: a.endDate ?? '',
    capacity: a.capacity == null ? '' : String(a.capacity),
    status: a.status,
    schedule: a.schedule.map((s) => ({ weekday: s.weekday, startTime: s.startTime.slice(0, 5), endTime: s.endTime.slice(0, 5) })),
    contactId: a.contact?.id ?? '',
  });
  useEffect(() => {
    if (!loaded) return;
    const server = fromServer(loaded);
    if (!base) setValues(server);
    else if (loaded.version !== base.version) {
      // Reapply: the lead's own edits go on top of the new version; fields only the other person changed take their value.
      const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
      const keys = Object.keys(FIELD_NAMES) as (keyof Values)[];
      const theirs = keys.filter((k) => !same(server[k], base.values[k]));
      const mine = new Set(keys.filter((k) => !same(values[k], base.values[k])));
      setValues((v) => Object.fromEntries(keys.map((k) => [k, mine.has(k) ? v[k] : server[k]])) as Values);
      setConflict({ reloaded: true, changed: theirs.map((k) => FIELD_NAMES[k]), both: theirs.filter((k) => mine.has(k)).map((k) => FIELD_NAMES[k]) });
    }
    setBase({ values: server, version: loaded.version });
  }, [loaded?.version]);

  const { similar, inferred, ready } = useSimilar(values, id);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const ownPlanCodes = new Set(viewer.data?.viewer?.plans.map((p) => p.code));
  const plans = (catalogue.data?.plans.nodes ?? []).filter((p) => p.status !== 'ENDED' && (role === 'COORDINATOR' || ownPlanCodes.has(p.code)));
  useEffect(() => {
    if (!id && !values.planId && plans.length === 1) set('planId', plans[0]!.id);
  }, [plans.length]);

  if (role && role !== 'COORDINATOR' && role !== 'PROJECT_LEAD') {
    return (
      <>
        <h1>Registrér en aktivitet</h1>
        <p>Kun projektledere og koordinatorer kan registrere og ændre aktiviteter.</p>
      </>
    );
  }
  if (id && existing.data && !loaded)
    return (
      <>
        <h1>Redigér aktivitet</h1>
        <p>Aktiviteten findes ikke, eller du har ikke adgang til den.</p>
      </>
    );
  // A lead who opened another plan's activity by its address is told so at once, not after a save that cannot work.
  if (loaded && role === 'PROJECT_LEAD' && viewer.data && !ownPlanCodes.has(loaded.plan.code))
    return (
      <>
        <h1>Redigér: {loaded.title}</h1>
        <p role="alert">
          Du kan ikke ændre denne aktivitet: den hører til {loaded.plan.name}, og du kan kun ændre aktiviteter i dine egne helhedsplaner. Kontakt helhedsplanens
          projektleder eller det tværgående team.
        </p>
        <p>
          <Link href={`/activities/${encodeURIComponent(loaded.id)}`}>Tilbage til aktiviteten</Link>
        </p>
      </>
    );
  if (!catalogue.data || !viewer.data || (id && !base))
    return (
      <>
        <h1>{id ? 'Redigér aktivitet' : 'Registrér en aktivitet'}</h1>
        <p aria-live="polite">Henter formularen …</p>
      </>
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    setConflict(null);
    const local: Record<string, string> = {};
    if (!values.title.trim()) local.title = 'Skriv en titel.';
    if (!values.planId) local.planId = 'Vælg en helhedsplan.';
    if (!values.startDate) local.startDate = 'Skriv en startdato.';
    if (!values.areaIds.length) local.areaIds = 'Vælg mindst ét område.';
    if (!values.targetGroupIds.length) local.targetGroupIds = 'Vælg mindst én målgruppe.';
    if (values.capacity && !/^\d+$/.test(values.capacity)) local.capacity = 'Skriv et helt tal, eller lad feltet stå tomt.';
    setErrors(local);
    if (Object.keys(local).length) return heading.current?.focus();
    const common = {
      title: values.title.trim(),
      description: values.description.trim() || null,
      methodId: values.methodId || null,
      areaIds: values.areaIds,
      targetGroupIds: values.targetGroupIds,
      themeIds: values.themeIds,
      startDate: values.startDate,
      endDate: values.endDate || null,
      capacity: values.capacity ? Number(values.capacity) : null,
      status: values.status,
      schedule: values.schedule,
      contactId: values.contactId || null,
    };
    if (!id) {
      const result = await create({ input: { ...common, planId: values.planId, idempotencyKey } });
      const payload = result.data?.createActivity;
      if (payload?.activity) return navigate(`/activities/${encodeURIComponent(payload.activity.id)}`, 'Aktiviteten er registreret.');
      setErrors(payload ? errorsByField(payload.userErrors) : { '': describeError(result.error) ?? 'Aktiviteten blev ikke gemt.' });
      return heading.current?.focus();
    }
    const result = await update({ input: { ...common, id, expectedVersion: base!.version } });
    const payload = result.data?.updateActivity;
    if (payload?.activity) return navigate(`/activities/${encodeURIComponent(id)}`, 'Ændringerne er gemt.');
    if (payload?.userErrors.some((e) => e.code === 'VERSION_CONFLICT')) {
      setErrors({});
      setConflict({ reloaded: false, changed: [], both: [] });
    } else setErrors(payload ? errorsByField(payload.userErrors) : { '': describeError(result.error) ?? 'Ændringerne blev ikke gemt.' });
    heading.current?.focus();
  };

  const busy = created.fetching || updated.fetching;
  const areas = catalogue.data.areas;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {id ? `Redigér: ${base?.values.title}` : 'Registrér en aktivitet'}
      </h1>
      {conflict ? (
        <div class="notice warning" role="alert">
          <p>
            <strong>En anden har ændret aktiviteten, siden du åbnede den.</strong> Dine ændringer er ikke gemt endnu.
          </p>
          {conflict.reloaded ? (
            <p>
              Den nye version er hentet{conflict.changed.length ? `; den anden ændrede: ${conflict.changed.join(', ')}` : ''}. Dine egne ændringer er lagt oven
              på den nye version
              {conflict.both.length ? ` (I har begge ændret ${conflict.both.join(', ')}: din udgave står i formularen)` : ''}. Tjek formularen, og gem igen.
            </p>
          ) : (
            <>
              <p>Hent den nye version: dine ændringer bliver stående i formularen, så du kan tjekke dem og gemme igen.</p>
              <button type="button" onClick={() => reload({ requestPolicy: 'network-only' })}>
                Hent den nye version
              </button>
            </>
          )}
        </div>
      ) : null}
      {errors[''] ? (
        <p class="error" role="alert">
          {errors['']}
        </p>
      ) : null}
      <div class="form-layout">
        <form class="activity-form" onSubmit={submit} noValidate>
          <Field id="planId" label="Helhedsplan" error={errors.planId}>
            <select
              id="planId"
              value={values.planId}
              disabled={!!id}
              onChange={(e) => set('planId', (e.target as HTMLSelectElement).value)}
              {...described('planId', errors.planId)}
            >
              <option value="">Vælg helhedsplan</option>
              {(id ? catalogue.data.plans.nodes.filter((p) => p.id === values.planId) : plans).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="title" label="Titel" error={errors.title} hint="Fx »Lektiecafé for 4.-6. klasse«.">
            <input
              id="title"
              type="text"
              class="wide"
              maxLength={200}
              value={values.title}
              onInput={(e) => set('title', (e.target as HTMLInputElement).value)}
              {...described('title', errors.title, true)}
            />
          </Field>
          <Field id="description" label="Beskrivelse" error={errors.description}>
            <textarea
              id="description"
              class="wide"
              rows={4}
              value={values.description}
              onInput={(e) => set('description', (e.target as HTMLTextAreaElement).value)}
              {...described('description', errors.description)}
            />
          </Field>
          <Field id="methodId" label="Metode" error={errors.methodId}>
            <select
              id="methodId"
              value={values.methodId}
              onChange={(e) => set('methodId', (e.target as HTMLSelectElement).value)}
              {...described('methodId', errors.methodId)}
            >
              <option value="">Ingen / ved ikke</option>
              {catalogue.data.methods.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
          {!values.methodId && inferred ? (
            <div class="notice" aria-live="polite">
              <p>
                Ordene {inferred.words.map((w) => `»${w}«`).join(', ')} tyder på metoden <strong>{inferred.method.name}</strong> (sikkerhed{' '}
                {decimal(inferred.confidence)}).
              </p>
              <button type="button" onClick={() => set('methodId', inferred.method.id)}>
                Brug metoden {inferred.method.name}
              </button>
            </div>
          ) : null}
          <Checklist
            name="areaIds"
            legend="Områder (hvor aktiviteten holdes eller rekrutterer)"
            options={areas}
            first={{ label: 'Helhedsplanens områder', ids: catalogue.data.plans.nodes.find((p) => p.id === values.planId)?.areas.map((a) => a.id) ?? [] }}
            chosen={values.areaIds}
            error={errors.areaIds}
            onChange={(ids) => set('areaIds', ids)}
          />
          <Checklist
            name="targetGroupIds"
            legend="Målgrupper"
            options={catalogue.data.targetGroups}
            chosen={values.targetGroupIds}
            error={errors.targetGroupIds}
            onChange={(ids) => set('targetGroupIds', ids)}
          />
          <Checklist
            name="themeIds"
            legend="Temaer"
            options={catalogue.data.themes}
            chosen={values.themeIds}
            error={errors.themeIds}
            onChange={(ids) => set('themeIds', ids)}
          />
          <ContactPicker chosen={values.contactId} known={loaded?.contact ?? null} error={errors.contactId} onChange={(id) => set('contactId', id)} />
          <div class="row">
            <Field id="startDate" label="Startdato" error={errors.startDate}>
              <input
                id="startDate"
                type="date"
                value={values.startDate}
                onInput={(e) => set('startDate', (e.target as HTMLInputElement).value)}
                {...described('startDate', errors.startDate)}
              />
            </Field>
            <Field id="endDate" label="Slutdato (valgfri)" error={errors.endDate}>
              <input
                id="endDate"
                type="date"
                value={values.endDate}
                onInput={(e) => set('endDate', (e.target as HTMLInputElement).value)}
                {...described('endDate', errors.endDate)}
              />
            </Field>
            <Field id="capacity" label="Pladser (valgfri)" error={errors.capacity}>
              <input
                id="capacity"
                type="text"
                inputMode="numeric"
                size={6}
                value={values.capacity}
                onInput={(e) => set('capacity', (e.target as HTMLInputElement).value)}
                {...described('capacity', errors.capacity)}
              />
            </Field>
            <Field id="status" label="Status" error={errors.status}>
              <select id="status" value={values.status} onChange={(e) => set('status', (e.target as HTMLSelectElement).value as ActivityStatus)}>
                {Object.entries(STATUS_NAMES).map(([value, name]) => (
                  <option key={value} value={value}>
                    {name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <ScheduleEditor slots={values.schedule} error={errors.schedule} onChange={(slots) => set('schedule', slots)} />
          <p>
            <button type="submit" disabled={busy}>
              {busy ? 'Gemmer …' : id ? 'Gem ændringerne' : 'Registrér aktiviteten'}
            </button>{' '}
            <Link href={id ? `/activities/${encodeURIComponent(id)}` : '/activities'}>Fortryd</Link>
          </p>
        </form>
        <aside class="similar" aria-labelledby="similar-heading">
          <h2 id="similar-heading">Lignende aktiviteter</h2>
          {/* Only the count is announced while the lead types; the list itself is read on demand. */}
          <p class="sr-only" role="status">
            {similar === null ? '' : similar.length === 0 ? 'Ingen lignende aktiviteter.' : `${similar.length} lignende aktiviteter fundet.`}
          </p>
          {!ready ? (
            <p class="help">Skriv titel, startdato, områder og målgrupper, så viser hubben de aktiviteter, der allerede kører og ligner.</p>
          ) : similar === null ? (
            <p>Leder efter lignende aktiviteter …</p>
          ) : similar.length === 0 ? (
            <p>Ingen kørende aktiviteter ligner denne.</p>
          ) : (
            <ul class="pairs">
              {similar.map((o) => {
                const other = o.activities[0]!;
                return (
                  <li key={other.id} class="pair">
                    <p class="score">
                      <Link href={`/activities/${encodeURIComponent(other.id)}`}>{other.title}</Link> ({other.plan.name}), score {decimal(o.score)}
                    </p>
                    <ul class="reasons">
                      {o.reasons.map((r) => (
                        <li key={r.kind}>{r.detail}</li>
                      ))}
                    </ul>
                    {other.contact ? (
                      <p>
                        Kontakt: {other.contact.name}
                        {other.contact.email ? (
                          <>
                            {' '}
                            · <a href={`mailto:${other.contact.email}`}>{other.contact.email}</a>
                          </>
                        ) : null}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </aside>
      </div>
    </>
  );
}
