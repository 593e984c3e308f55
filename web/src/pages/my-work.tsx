import { useQuery } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { describeError } from '../api.js';
import { danishDate, decimal, isoDay } from '../format.js';
import { MyWorkDocument, ViewerDocument } from '../generated/graphql.js';
import { CompleteFollowUp } from '../follow-ups.js';
import { Link } from '../router.js';
import { Section } from '../section.js';
import { STATUS_NAMES } from '../texts.js';

/** Lists here show this many; the pages they link to show the rest. */
const SHOWN = 10;

/** A project lead's own work first: their plans' activities, overlaps with other plans awaiting a decision, follow-ups due. */
export function MyWorkPage() {
  const [viewer] = useQuery({ query: ViewerDocument });
  const plans = viewer.data?.viewer?.plans ?? [];
  const planIds = plans.map((p) => p.id);
  const [{ data, error, fetching }, refetch] = useQuery({ query: MyWorkDocument, variables: { planIds }, pause: planIds.length === 0 });
  // A follow-up marked done leaves the list: focus moves to what was said, not lost with the item.
  const [done, setDone] = useState<string | null>(null);
  const doneBox = useRef<HTMLParagraphElement>(null);
  const markedDone = (said: string) => {
    setDone(said);
    refetch({ requestPolicy: 'network-only' });
    setTimeout(() => doneBox.current?.focus());
  };
  const problem = describeError(error ?? viewer.error);
  if (viewer.data && planIds.length === 0)
    return (
      <>
        <h1>Mine aktiviteter</h1>
        <p>Du er ikke knyttet til nogen helhedsplan endnu. Bed en administrator om at give dig adgang til dine helhedsplaner.</p>
      </>
    );
  const today = isoDay();
  const own = new Set(plans.map((p) => p.code));
  // The hub's own: open follow-ups of the lead's plans, by due date.
  const followUps = data?.actionItems ?? [];
  return (
    <>
      <h1>Mine aktiviteter</h1>
      <p>
        {plans.length === 1 ? 'Din helhedsplan' : 'Dine helhedsplaner'}:{' '}
        {plans.map((p, i) => (
          <span key={p.code}>
            {i ? ', ' : ''}
            <Link href={`/plans/${encodeURIComponent(p.code)}`}>{p.name}</Link>
          </span>
        ))}
        . <Link href="/activities/new">Registrér en aktivitet</Link>
      </p>
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      {!data ? <p aria-live="polite">{fetching ? 'Henter dit arbejde …' : ''}</p> : null}
      {data ? (
        <>
          <Section id="my-overlaps" title="Overlap med andre helhedsplaner uden beslutning">
            {data.overlaps.totalCount === 0 ? (
              <p>Ingen: ingen af dine aktiviteter overlapper med en anden helhedsplans uden en beslutning.</p>
            ) : (
              <>
                <ul class="pairs">
                  {data.overlaps.nodes.map((o) => {
                    const mine = o.activities.find((a) => own.has(a.plan.code)) ?? o.activities[0];
                    const theirs = o.activities.find((a) => a !== mine);
                    return (
                      <li key={o.activities.map((a) => a.id).join(':')}>
                        <Link href={`/activities/${encodeURIComponent(mine!.id)}`}>{mine!.title}</Link> og{' '}
                        <Link href={`/activities/${encodeURIComponent(theirs!.id)}`}>{theirs!.title}</Link> ({theirs!.plan.name}), score {decimal(o.score)}
                      </li>
                    );
                  })}
                </ul>
                <p>
                  <Link href={`/overlaps?by=PLAN_PAIR&plan=${encodeURIComponent(planIds[0]!)}`}>
                    {data.overlaps.totalCount > data.overlaps.nodes.length
                      ? `Se alle ${data.overlaps.totalCount} og tag stilling`
                      : 'Tag stilling på overlapsiden'}
                  </Link>
                </p>
              </>
            )}
          </Section>

          <Section id="my-follow-ups" title="Opfølgningspunkter">
            <p role="status" tabIndex={-1} ref={doneBox} class={done ? 'notice saved' : undefined}>
              {done ?? ''}
            </p>
            {followUps.length === 0 ? (
              <p>Ingen åbne opfølgningspunkter i dine helhedsplaners styregrupper.</p>
            ) : (
              <ul>
                {followUps.slice(0, SHOWN).map((item) => (
                  <li key={item.id}>
                    {item.description}: frist {danishDate(item.dueDate)}
                    {item.dueDate < today ? <strong> (over tid)</strong> : null}
                    {plans.length > 1 && item.meeting.steeringGroup.plan ? ` (${item.meeting.steeringGroup.plan.name})` : null}
                    <CompleteFollowUp id={item.id} description={item.description} onDone={markedDone} />
                  </li>
                ))}
              </ul>
            )}
            {followUps.length > SHOWN ? (
              <p>
                Se de {followUps.length - SHOWN} andre på {plans.length === 1 ? 'helhedsplanens side' : 'helhedsplanernes sider'}:{' '}
                {plans.map((p, i) => (
                  <span key={p.code}>
                    {i ? ', ' : ''}
                    <Link href={`/plans/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                  </span>
                ))}
                .
              </p>
            ) : null}
          </Section>

          <Section
            id="my-activities"
            title={`Aktiviteterne i ${plans.length === 1 ? 'din helhedsplan' : 'dine helhedsplaner'} (${data.activities.totalCount})`}
          >
            <ul class="columns">
              {data.activities.nodes.slice(0, 5 * SHOWN).map((a) => (
                <li key={a.id}>
                  <Link href={`/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link> ({STATUS_NAMES[a.status] ?? a.status})
                </li>
              ))}
            </ul>
            {data.activities.totalCount > 5 * SHOWN ? (
              <p>
                <Link href={`/activities?plan=${encodeURIComponent(planIds[0]!)}`}>Se alle {data.activities.totalCount}</Link>
              </p>
            ) : null}
          </Section>
        </>
      ) : null}
    </>
  );
}
