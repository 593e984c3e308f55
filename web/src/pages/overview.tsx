import { useQuery } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { danishDate, decimal, isoDay } from '../format.js';
import { OverviewDocument, type OverviewQuery } from '../generated/graphql.js';
import { Link } from '../router.js';
import { Section } from '../section.js';

const number = new Intl.NumberFormat('da-DK');

/** Lists on the overview show this many until the reader asks for all: the page stays a page, not a register. */
const SHOWN = 10;

/** The first SHOWN of a list, and a button that shows the rest in place; focus then moves to the first row it added, once. */
function useShortList<T>(items: readonly T[], what: string) {
  const [all, setAll] = useState(false);
  const focusPending = useRef(false);
  const more =
    items.length > SHOWN && !all ? (
      <p>
        <button
          type="button"
          class="link-button"
          onClick={() => {
            focusPending.current = true;
            setAll(true);
          }}
        >
          Se alle {number.format(items.length)} {what}
        </button>
      </p>
    ) : null;
  /** Props for row i: the first added row takes focus when it appears. */
  const row = (i: number) =>
    i === SHOWN
      ? {
          tabIndex: -1,
          ref: (el: HTMLElement | null) => {
            if (el && focusPending.current) {
              focusPending.current = false;
              el.focus();
            }
          },
        }
      : {};
  return { shown: all ? items : items.slice(0, SHOWN), more, row };
}

/** The team's overview: what runs, what overlaps, where the gaps are, and what is overdue. */
export function OverviewPage() {
  const [{ data, fetching }] = useQuery({ query: OverviewDocument, variables: { today: isoDay() } });
  if (!data) return <p aria-live="polite">{fetching ? 'Henter overblikket …' : ''}</p>;
  return <Overview data={data} />;
}

function Overview({ data }: { data: OverviewQuery }) {
  const unreviewed = data.overlapGroups.reduce((sum, g) => sum + g.unreviewedCount, 0);
  const plans = useShortList(data.plans.nodes, 'helhedsplaner');
  const overdue = useShortList(data.actionItems, 'opfølgningspunkter over tid');
  return (
    <>
      <h1>Overblik</h1>
      <ul class="cards" aria-label="Nøgletal">
        <li>
          <span class="figure">{number.format(data.plans.totalCount)}</span> aktive helhedsplaner
        </li>
        <li>
          <span class="figure">{number.format(data.activities.totalCount)}</span> <Link href="/activities?status=RUNNING">aktiviteter i gang i dag</Link>
        </li>
        <li>
          <span class="figure">{number.format(unreviewed)}</span> <Link href="/overlaps">overlap uden beslutning</Link>, i{' '}
          {number.format(data.overlapGroups.length)} grupper
        </li>
        <li>
          <span class="figure">{number.format(data.coverage.length)}</span> <Link href="/coverage">huller i dækningen</Link> (bydel og målgruppe uden aktivitet)
        </li>
        <li>
          <span class="figure">{number.format(data.actionItems.length)}</span> opfølgningspunkter over tid
        </li>
      </ul>

      <Section id="groups" title="Største overlap efter bydel og type arbejde">
        <table>
          <thead>
            <tr>
              <th scope="col">Gruppe</th>
              <th scope="col">Par</th>
              <th scope="col">Uden beslutning</th>
              <th scope="col">Højeste score</th>
            </tr>
          </thead>
          <tbody>
            {data.overlapGroups.slice(0, SHOWN).map((g) => (
              <tr key={g.key}>
                <td>
                  {g.area ? (
                    <Link
                      href={`/overlaps?by=AREA_AND_KIND&area=${encodeURIComponent(g.area.id)}${g.method ? `&kind=${encodeURIComponent(g.method.id)}` : ''}`}
                    >
                      {g.label}
                    </Link>
                  ) : (
                    g.label
                  )}
                </td>
                <td>{g.pairCount}</td>
                <td>{g.unreviewedCount}</td>
                <td>{decimal(g.bestScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data.overlapGroups.length > SHOWN ? (
          <p>
            <Link href="/overlaps">Se alle {number.format(data.overlapGroups.length)} grupper på overlapsiden</Link>
          </p>
        ) : null}
      </Section>

      <Section id="plans" title="Helhedsplaner">
        <ul class="columns plans">
          {plans.shown.map((p, i) => (
            <li key={p.id} {...plans.row(i)}>
              <Link href={`/plans/${encodeURIComponent(p.code)}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
        {plans.more}
      </Section>

      <Section id="gaps" title="Huller i dækningen">
        {data.coverage.length === 0 ? (
          <p>Ingen huller: hver bydel har en aktivitet for hver målgruppe.</p>
        ) : (
          <>
            <ul>
              {data.coverage.slice(0, SHOWN).map((c) => (
                <li key={`${c.area.id}:${c.targetGroup.id}`}>
                  {c.area.name}: {c.targetGroup.name}
                </li>
              ))}
            </ul>
            <p>
              <Link href="/coverage">Se hele dækningskortet</Link>
            </p>
          </>
        )}
      </Section>

      <Section id="overdue" title="Opfølgningspunkter over tid">
        {data.actionItems.length === 0 ? (
          <p>Ingen opfølgningspunkter er over tid.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Punkt</th>
                <th scope="col">Frist</th>
                <th scope="col">Ansvarlig</th>
                <th scope="col">Helhedsplan</th>
              </tr>
            </thead>
            <tbody>
              {overdue.shown.map((item, i) => (
                <tr key={item.id}>
                  <td {...overdue.row(i)}>{item.description}</td>
                  <td>{danishDate(item.dueDate)}</td>
                  <td>{item.owner?.name ?? 'ingen'}</td>
                  <td>
                    {item.meeting.steeringGroup.plan ? (
                      <Link href={`/plans/${encodeURIComponent(item.meeting.steeringGroup.plan.code)}`}>{item.meeting.steeringGroup.plan.name}</Link>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {overdue.more}
      </Section>
    </>
  );
}
