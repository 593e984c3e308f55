import { useMutation, useQuery } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { describeError } from '../api.js';
import { danishDate, decimal } from '../format.js';
import { ActivityPageDocument, ArchiveActivityDocument, UpdateActivityDocument, ViewerDocument } from '../generated/graphql.js';
import { EvaluationForm } from '../evaluation-form.js';
import { ExperienceForm } from '../experience-form.js';
import { IndicatorForm, IndicatorList } from '../indicators.js';
import { Link, takeFlash } from '../router.js';
import { Section } from '../section.js';
import { DECISION_NAMES, EVALUATION_NAMES, OUTCOME_NAMES, scheduleText, STATUS_NAMES, userErrorText } from '../texts.js';

const names = (list: readonly { name: string }[]) => list.map((x) => x.name).join(', ') || 'ingen';

/** One activity: what it is, where and when, what it overlaps, what was learned, its success criteria and evaluations. */
export function ActivityPage({ id, role }: { id: string; role: string | undefined }) {
  const [{ data, error, fetching }, refresh] = useQuery({ query: ActivityPageDocument, variables: { id } });
  const [viewer] = useQuery({ query: ViewerDocument });
  const [confirmed, confirm] = useMutation(UpdateActivityDocument);
  const [confirmFault, setConfirmFault] = useState<string | null>(null);
  const [archiving, archive] = useMutation(ArchiveActivityDocument);
  const [archiveProblem, setArchiveProblem] = useState<string | null>(null);
  // "Erfaringen er delt": said in its section, where focus moves once the form has closed.
  const [shared, setShared] = useState<string | null>(null);
  const sharedBox = useRef<HTMLParagraphElement>(null);
  const [evaluated, setEvaluated] = useState<string | null>(null);
  const [measured, setMeasured] = useState<string | null>(null);
  const evaluatedBox = useRef<HTMLParagraphElement>(null);
  // "Aktiviteten er registreret." after the form saved: said once, where the page begins.
  const [flash, setFlash] = useState(takeFlash);
  const problem = describeError(error);
  const a = data?.node?.__typename === 'Activity' ? data.node : null;
  if (!a) {
    return (
      <>
        <h1>Aktivitet</h1>
        {problem ? (
          <p role="alert" class="error">
            {problem}
          </p>
        ) : (
          <p aria-live="polite">{fetching || !data ? 'Henter aktiviteten …' : 'Aktiviteten findes ikke, eller du har ikke adgang til den.'}</p>
        )}
      </>
    );
  }
  const mayEdit = !a.archived && (role === 'COORDINATOR' || (role === 'PROJECT_LEAD' && !!viewer.data?.viewer?.plans.some((p) => p.code === a.plan.code)));
  const confirmError = confirmed.data?.updateActivity.userErrors[0];
  return (
    <>
      <h1>{a.title}</h1>
      {flash ? (
        <p role="status" class="notice saved">
          {flash}
        </p>
      ) : null}
      <p>
        <Link href={`/plans/${encodeURIComponent(a.plan.code)}`}>{a.plan.name}</Link> · {STATUS_NAMES[a.status] ?? a.status}
        {a.archived ? ' · arkiveret' : ''} · {danishDate(a.startDate)}
        {a.endDate ? ` til ${danishDate(a.endDate)}` : ', uden slutdato'}
      </p>
      {mayEdit ? (
        <p>
          <Link href={`/activities/${encodeURIComponent(a.id)}/rediger`} class="button">
            Redigér aktiviteten
          </Link>{' '}
          <button
            type="button"
            class="secondary"
            disabled={archiving.fetching}
            onClick={async () => {
              if (
                !window.confirm(
                  `Arkivér "${a.title}"? Den forsvinder fra lister, overlap og dækning; den kan stadig findes under Aktiviteter med "Også arkiverede".`,
                )
              )
                return;
              const answer = await archive({ input: { id: a.id, expectedVersion: a.version } });
              const payload = answer.data?.archiveActivity;
              const refused = payload?.userErrors[0];
              setArchiveProblem(payload?.activity ? null : refused ? userErrorText(refused) : describeError(answer.error));
              if (payload?.activity) setFlash('Aktiviteten er arkiveret.');
              refresh({ requestPolicy: 'network-only' });
            }}
          >
            Arkivér
          </button>
        </p>
      ) : null}
      {archiveProblem ? (
        <p role="alert" class="error">
          Aktiviteten blev ikke arkiveret: {archiveProblem}
        </p>
      ) : null}
      {a.description ? <p class="description">{a.description}</p> : null}
      <dl class="facts">
        <dt>Metode</dt>
        <dd>
          {a.method?.name ?? 'ingen valgt'}
          {a.inferredMethod ? (
            <div class="notice">
              <p>
                Ordene {a.inferredMethod.words.map((w) => `"${w}"`).join(', ')} tyder på metoden <strong>{a.inferredMethod.method.name}</strong> (sikkerhed{' '}
                {decimal(a.inferredMethod.confidence)}).
              </p>
              {mayEdit ? (
                <button
                  type="button"
                  disabled={confirmed.fetching}
                  onClick={async () => {
                    const method = a.inferredMethod!.method.name;
                    const result = await confirm({ input: { id: a.id, expectedVersion: a.version, methodId: a.inferredMethod!.method.id } });
                    const payload = result.data?.updateActivity;
                    setConfirmFault(payload ? null : describeError(result.error));
                    if (payload?.activity) setFlash(`Metoden er bekræftet: ${method}.`);
                    refresh({ requestPolicy: 'network-only' });
                  }}
                >
                  Bekræft: {a.inferredMethod.method.name}
                </button>
              ) : null}
              {confirmError || confirmFault ? (
                <p role="alert" class="error">
                  Metoden blev ikke bekræftet: {confirmError ? `${userErrorText(confirmError)} Hent siden igen, og prøv på ny.` : confirmFault}
                </p>
              ) : null}
            </div>
          ) : null}
        </dd>
        <dt>Områder</dt>
        <dd>{names(a.areas)}</dd>
        <dt>Målgrupper</dt>
        <dd>{names(a.targetGroups)}</dd>
        <dt>Temaer</dt>
        <dd>{names(a.themes)}</dd>
        <dt>Ugeskema</dt>
        <dd>{scheduleText(a.schedule)}</dd>
        <dt>Pladser</dt>
        <dd>{a.capacity ?? 'ikke angivet'}</dd>
        <dt>Samarbejdspartnere</dt>
        <dd>{names(a.partners)}</dd>
        <dt>Kontakt</dt>
        <dd>
          {a.contact ? (
            <>
              {a.contact.name}
              {a.contact.email ? (
                <>
                  {' '}
                  · <a href={`mailto:${a.contact.email}`}>{a.contact.email}</a>
                </>
              ) : null}
              {a.contact.phone ? ` · ${a.contact.phone}` : ''}
            </>
          ) : (
            'ingen'
          )}
        </dd>
      </dl>

      <Section id="overlaps" title="Overlap med andre aktiviteter">
        {a.overlaps.length === 0 ? (
          <p>Ingen overlap over tærsklen.</p>
        ) : (
          <ul class="pairs">
            {a.overlaps.map((o) => {
              const other = o.activities.find((x) => x.id !== a.id) ?? o.activities[0]!;
              return (
                <li key={other.id} class="pair">
                  <p class="score">
                    Score {decimal(o.score)}: <Link href={`/activities/${encodeURIComponent(other.id)}`}>{other.title}</Link> ({other.plan.name})
                    {o.review ? (
                      <>
                        {' '}
                        · beslutning: <strong>{DECISION_NAMES[o.review.decision]}</strong>
                      </>
                    ) : null}
                  </p>
                  <ul class="reasons">
                    {o.reasons.map((r) => (
                      <li key={r.kind}>{r.detail}</li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section id="experiences" title="Erfaringer">
        <p role="status" tabIndex={-1} ref={sharedBox} class={shared ? 'notice saved' : undefined}>
          {shared ?? ''}
        </p>
        {mayEdit ? (
          <ExperienceForm
            activityId={a.id}
            onShared={(said) => {
              setShared(said);
              refresh({ requestPolicy: 'network-only' });
              setTimeout(() => sharedBox.current?.focus());
            }}
          />
        ) : null}
        {a.experiences.length === 0 ? (
          <p>Ingen erfaringer er registreret endnu.</p>
        ) : (
          a.experiences.map((x) => (
            <article key={x.id} class="experience">
              <h3>{x.title}</h3>
              <p class="period">
                {danishDate(x.createdAt.slice(0, 10))} · {OUTCOME_NAMES[x.outcome] ?? x.outcome}
                {x.publishable ? '' : ' · ikke til offentliggørelse'}
              </p>
              <p>{x.body}</p>
              {x.recommendation ? (
                <p>
                  <strong>Anbefaling:</strong> {x.recommendation}
                </p>
              ) : null}
            </article>
          ))
        )}
      </Section>

      <Section id="indicators" title="Succeskriterier">
        <p role="status" class={measured ? 'notice saved' : undefined}>
          {measured ?? ''}
        </p>
        {mayEdit ? (
          <IndicatorForm
            subject={{ activityId: a.id }}
            onCreated={(said) => {
              setMeasured(said);
              refresh({ requestPolicy: 'network-only' });
            }}
          />
        ) : null}
        <IndicatorList
          indicators={a.indicators}
          onRecorded={
            mayEdit
              ? (said) => {
                  setMeasured(said);
                  refresh({ requestPolicy: 'network-only' });
                }
              : undefined
          }
        />
      </Section>

      <Section id="evaluations" title="Evalueringer">
        <p role="status" tabIndex={-1} ref={evaluatedBox} class={evaluated ? 'notice saved' : undefined}>
          {evaluated ?? ''}
        </p>
        {mayEdit ? (
          <EvaluationForm
            activityId={a.id}
            onSaved={(said) => {
              setEvaluated(said);
              refresh({ requestPolicy: 'network-only' });
              setTimeout(() => evaluatedBox.current?.focus());
            }}
          />
        ) : null}
        {a.evaluations.length === 0 ? (
          <p>Aktiviteten er ikke evalueret endnu.</p>
        ) : (
          <ul>
            {a.evaluations.map((e) => (
              <li key={e.id}>
                {danishDate(e.decidedAt.slice(0, 10))}: <strong>{EVALUATION_NAMES[e.decision] ?? e.decision}</strong>. {e.rationale}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
