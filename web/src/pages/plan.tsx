import { useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../api.js';
import { danishDate, isoDay } from '../format.js';
import { CompleteFollowUp, mayCompleteFollowUps } from '../follow-ups.js';
import { PlanInquiriesDocument, PlanPageDocument, ViewerDocument } from '../generated/graphql.js';
import { IndicatorForm, IndicatorList } from '../indicators.js';
import { InquiryForm } from '../inquiry-form.js';
import { MeetingForm } from '../meeting-form.js';
import { SteeringGroupForm } from '../steering-group-form.js';
import { Link } from '../router.js';
import { Section } from '../section.js';
import { PLAN_STATUS_NAMES, STATUS_NAMES } from '../texts.js';

const MONTH = new Intl.DateTimeFormat('da-DK', { month: 'short', year: '2-digit' });
const monthName = (month: string) => MONTH.format(new Date(`${month}-15T12:00:00`));

/** Inquiries per month as bars, with the counts written on them and a table with the same figures for screen readers. */
function InquiryChart({ planId, stamp }: { planId: string; stamp: number }) {
  const [{ data }, refetch] = useQuery({ query: PlanInquiriesDocument, variables: { planId } });
  // A count just recorded joins the chart.
  useEffect(() => {
    if (stamp) refetch({ requestPolicy: 'network-only' });
  }, [stamp]);
  if (!data) return <p>Henter henvendelserne …</p>;
  const months = data.inquiryStats
    .filter((s) => s.month)
    .sort((a, b) => a.month!.localeCompare(b.month!))
    .slice(-12);
  if (!months.length) return <p>Ingen henvendelser er registreret.</p>;
  const max = Math.max(...months.map((m) => m.count));
  const width = 46;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${months.length * width} 150`} role="img" aria-labelledby="inquiry-caption" preserveAspectRatio="xMinYMin meet">
        {months.map((m, i) => {
          const height = Math.max(2, Math.round((m.count / max) * 110));
          return (
            <g key={m.month}>
              <rect x={i * width + 6} y={125 - height} width={width - 12} height={height} class="bar" />
              <text x={i * width + width / 2} y={120 - height} text-anchor="middle" class="value">
                {m.count}
              </text>
              <text x={i * width + width / 2} y={142} text-anchor="middle" class="label">
                {monthName(m.month!)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="inquiry-caption">Henvendelser pr. måned, de seneste {months.length} måneder med tal.</figcaption>
      <table class="sr-only">
        <caption>Henvendelser pr. måned</caption>
        <thead>
          <tr>
            <th scope="col">Måned</th>
            <th scope="col">Henvendelser</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <td>{monthName(m.month!)}</td>
              <td>{m.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A plan: its steering group and meetings, overdue follow-ups, success criteria, inquiries and activities. */
export function PlanPage({ code }: { code: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: PlanPageDocument, variables: { code } });
  const [viewer] = useQuery({ query: ViewerDocument });
  const [done, setDone] = useState<string | null>(null);
  const [measured, setMeasured] = useState<string | null>(null);
  const [met, setMet] = useState<string | null>(null);
  const [counted, setCounted] = useState<string | null>(null);
  const [grouped, setGrouped] = useState<string | null>(null);
  const [inquiryStamp, setInquiryStamp] = useState(0);
  const problem = describeError(error);
  const plan = data?.plan;
  if (!plan) {
    return (
      <>
        <h1>Helhedsplan</h1>
        {problem ? (
          <p role="alert" class="error">
            {problem}
          </p>
        ) : (
          <p aria-live="polite">
            {fetching || !data ? 'Henter helhedsplanen …' : `Der findes ingen helhedsplan med koden ${code}, eller du har ikke adgang til den.`}
          </p>
        )}
      </>
    );
  }
  const today = isoDay();
  const group = plan.steeringGroup;
  const meetings = [...(group?.meetings ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  // Coordinators and the plan's leads: follow-ups done, measurements of its success criteria.
  const mayComplete = mayCompleteFollowUps(viewer.data?.viewer, plan.code);
  const markedDone = (said: string) => {
    setDone(said);
    refetch({ requestPolicy: 'network-only' });
  };
  const overdue = meetings.flatMap((m) => m.actionItems.filter((i) => i.status === 'OPEN' && i.dueDate < today).map((i) => ({ ...i, meeting: m.date })));
  return (
    <>
      <h1>{plan.name}</h1>
      <p>
        {plan.code} · {PLAN_STATUS_NAMES[plan.status] ?? plan.status} · {danishDate(plan.startDate)} til {danishDate(plan.endDate)}
      </p>
      {plan.description ? <p class="description">{plan.description}</p> : null}
      <dl class="facts">
        <dt>Områder</dt>
        <dd>{plan.areas.map((a) => a.name).join(', ') || 'ingen'}</dd>
        <dt>Boligorganisationer</dt>
        <dd>{plan.housingOrganisations.map((o) => o.name).join(', ') || 'ingen'}</dd>
        <dt>Projektleder</dt>
        <dd>
          {plan.lead ? (
            <>
              {plan.lead.name}
              {plan.lead.email ? (
                <>
                  {' '}
                  · <a href={`mailto:${plan.lead.email}`}>{plan.lead.email}</a>
                </>
              ) : null}
              {plan.lead.phone ? ` · ${plan.lead.phone}` : ''}
            </>
          ) : (
            'ingen'
          )}
        </dd>
      </dl>

      <p role="status" class={done ? 'notice saved' : undefined}>
        {done ?? ''}
      </p>
      <Section id="overdue" title="Opfølgningspunkter over tid">
        {overdue.length === 0 ? (
          <p>Ingen opfølgningspunkter er over tid.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Punkt</th>
                <th scope="col">Frist</th>
                <th scope="col">Ansvarlig</th>
                <th scope="col">Fra mødet</th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.description}
                    {mayComplete ? <CompleteFollowUp id={i.id} description={i.description} onDone={markedDone} /> : null}
                  </td>
                  <td>{danishDate(i.dueDate)}</td>
                  <td>{i.owner?.name ?? 'ingen'}</td>
                  <td>{danishDate(i.meeting)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="indicators" title="Succeskriterier">
        <p role="status" class={measured ? 'notice saved' : undefined}>
          {measured ?? ''}
        </p>
        {mayComplete ? (
          <IndicatorForm
            subject={{ planId: plan.id }}
            onCreated={(said) => {
              setMeasured(said);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        ) : null}
        <IndicatorList
          indicators={plan.indicators}
          onRecorded={
            mayComplete
              ? (said) => {
                  setMeasured(said);
                  refetch({ requestPolicy: 'network-only' });
                }
              : undefined
          }
        />
      </Section>

      <Section id="inquiries" title="Henvendelser">
        <p role="status" class={counted ? 'notice saved' : undefined}>
          {counted ?? ''}
        </p>
        {mayComplete ? (
          <InquiryForm
            planId={plan.id}
            onRecorded={(said) => {
              setCounted(said);
              setInquiryStamp((n) => n + 1);
            }}
          />
        ) : null}
        <InquiryChart planId={plan.id} stamp={inquiryStamp} />
      </Section>

      <Section id="group" title={<>Styregruppe{group ? `: ${group.name}` : ''}</>}>
        <p role="status" class={grouped ? 'notice saved' : undefined}>
          {grouped ?? ''}
        </p>
        {!group ? (
          <>
            <p>Planen har ingen styregruppe endnu.</p>
            {mayComplete ? (
              <SteeringGroupForm
                planId={plan.id}
                planName={plan.name}
                onCreated={(said) => {
                  setGrouped(said);
                  refetch({ requestPolicy: 'network-only' });
                }}
              />
            ) : null}
          </>
        ) : (
          <>
            <ul>
              {group.members.map((m) => (
                <li key={m.person.id}>
                  {m.person.name}
                  {m.role ? `, ${m.role}` : ''}
                  {m.person.organisation ? ` (${m.person.organisation.name})` : ''}
                </li>
              ))}
            </ul>
            <h3>Møder</h3>
            <p role="status" class={met ? 'notice saved' : undefined}>
              {met ?? ''}
            </p>
            {mayComplete ? (
              <MeetingForm
                steeringGroupId={group.id}
                members={group.members}
                onRecorded={(said) => {
                  setMet(said);
                  refetch({ requestPolicy: 'network-only' });
                }}
              />
            ) : null}
            {meetings.length === 0 ? (
              <p>Ingen møder er registreret.</p>
            ) : (
              meetings.map((m) => (
                <details key={m.id} class="group">
                  <summary>
                    {danishDate(m.date)}: {m.agenda.length} {m.agenda.length === 1 ? 'punkt' : 'punkter'} på dagsordenen, {m.decisions.length}{' '}
                    {m.decisions.length === 1 ? 'beslutning' : 'beslutninger'}
                  </summary>
                  {m.agenda.length ? (
                    <>
                      <h4>Dagsorden</h4>
                      <ol>
                        {m.agenda.map((x, i) => (
                          <li key={i}>{x}</li>
                        ))}
                      </ol>
                    </>
                  ) : null}
                  {m.decisions.length ? (
                    <>
                      <h4>Beslutninger</h4>
                      <ul>
                        {m.decisions.map((x, i) => (
                          <li key={i}>{x}</li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {m.actionItems.length ? (
                    <>
                      <h4>Opfølgning</h4>
                      <ul>
                        {m.actionItems.map((x) => (
                          <li key={x.id}>
                            {x.description}, frist {danishDate(x.dueDate)} ({x.status === 'DONE' ? 'udført' : 'åben'})
                            {mayComplete && x.status === 'OPEN' ? <CompleteFollowUp id={x.id} description={x.description} onDone={markedDone} /> : null}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </details>
              ))
            )}
          </>
        )}
      </Section>

      <Section id="activities" title={<>Aktiviteter ({plan.activities.totalCount})</>}>
        <ul>
          {plan.activities.nodes.map((a) => (
            <li key={a.id}>
              <Link href={`/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link> ({STATUS_NAMES[a.status] ?? a.status}
              {a.method ? `, ${a.method.name}` : ''})
            </li>
          ))}
        </ul>
        {plan.activities.totalCount > plan.activities.nodes.length ? (
          <p>
            <Link href={`/activities?plan=${encodeURIComponent(plan.id)}`}>Se alle planens aktiviteter</Link>
          </p>
        ) : null}
      </Section>
    </>
  );
}
