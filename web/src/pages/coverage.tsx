import { useQuery } from '@urql/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../router.js';
import { describeError } from '../api.js';
import { isoDay } from '../format.js';
import { CellActivitiesDocument, CoverageMapDocument, type AreaKind } from '../generated/graphql.js';

/** Shade by count (more activities, darker), with the number always written: colour is never the only signal. */
// From 92 % to 64 % lightness: dark text keeps a contrast of at least 4.5:1 on every shade.
const shade = (count: number, max: number) =>
  count === 0 ? undefined : { background: `hsl(205, 60%, ${Math.round(92 - 28 * Math.min(1, count / Math.max(1, max)))}%)` };

/** The coverage map: areas x target groups, gaps marked, a cell opens the activities behind it. */
export function CoveragePage() {
  const [kind, setKind] = useState<AreaKind>('DISTRICT');
  const [theme, setTheme] = useState('');
  const [cell, setCell] = useState<{ area: { id: string; name: string }; group: { id: string; name: string } } | null>(null);
  const filter = { areaKind: kind, themeIds: theme ? [theme] : null, activeOn: isoDay() };
  const [{ data, error, fetching }] = useQuery({ query: CoverageMapDocument, variables: { filter } });
  const problem = describeError(error);
  if (!data)
    return (
      <>
        <h1>Dækning</h1>
        <p aria-live="polite">{problem ?? (fetching ? 'Henter dækningen …' : '')}</p>
      </>
    );

  const areas = [...new Map(data.coverage.map((c) => [c.area.id, c.area])).values()];
  const groups = [...new Map(data.coverage.map((c) => [c.targetGroup.id, c.targetGroup])).values()];
  const count = new Map(data.coverage.map((c) => [`${c.area.id}:${c.targetGroup.id}`, c.activeActivities]));
  const max = Math.max(0, ...data.coverage.map((c) => c.activeActivities));
  const gaps = data.coverage.filter((c) => c.activeActivities === 0).length;
  return (
    <>
      <h1>Dækning</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="kind">Områder</label>
          <select
            id="kind"
            value={kind}
            onChange={(e) => {
              setKind((e.target as HTMLSelectElement).value as AreaKind);
              setCell(null);
            }}
          >
            <option value="DISTRICT">Bydele</option>
            <option value="ESTATE">Boligområder</option>
          </select>
        </div>
        <div>
          <label for="theme">Indsatsområde</label>
          <select
            id="theme"
            value={theme}
            onChange={(e) => {
              setTheme((e.target as HTMLSelectElement).value);
              setCell(null);
            }}
          >
            <option value="">Alle</option>
            {data.themes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      <p>Aktiviteter i gang i dag pr. område og målgruppe. {gaps} felter uden aktivitet er markeret som huller.</p>
      <details class="explain">
        <summary>Hvad tæller i et felt?</summary>
        <p>
          Et felt tæller de aktiviteter, der er planlagt eller i gang i dag og ikke arkiveret, og som holdes i området (eller i et boligområde i det) for
          målgruppen eller en af dens undergrupper. En aktivitet registreret for en bredere målgruppe, fx <q>Kvinder</q>, tæller ikke under en smallere som{' '}
          <q>Mødre</q>: er et felt et hul, kan aktiviteterne være registreret under en anden målgruppe. Vælg feltet for at søge efter dem.
        </p>
      </details>
      <div class="matrix-wrap">
        <table class="matrix">
          <caption class="sr-only">Antal aktiviteter pr. område (rækker) og målgruppe (kolonner)</caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              {groups.map((g) => (
                <th key={g.id} scope="col">
                  {g.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                {groups.map((g) => {
                  const n = count.get(`${a.id}:${g.id}`) ?? 0;
                  return (
                    <td key={g.id} class={n === 0 ? 'gap' : undefined} style={shade(n, max)}>
                      <button
                        type="button"
                        class="cell"
                        aria-label={`${n === 0 ? 'hul' : n}: ${a.name}, ${g.name}, ${n === 0 ? 'ingen aktiviteter' : 'aktiviteter'}`}
                        onClick={() => setCell({ area: a, group: g })}
                      >
                        {n === 0 ? 'hul' : n}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cell ? <CellPanel key={`${cell.area.id}:${cell.group.id}`} area={cell.area} group={cell.group} themeId={theme} /> : null}
    </>
  );
}

function CellPanel({ area, group, themeId }: { area: { id: string; name: string }; group: { id: string; name: string }; themeId: string }) {
  const [{ data }] = useQuery({
    query: CellActivitiesDocument,
    variables: {
      filter: { areaIds: [area.id], targetGroupIds: [group.id], themeIds: themeId ? [themeId] : null, activeOn: isoDay(), status: ['PLANNED', 'RUNNING'] },
    },
  });
  // The answer is brought into view and focus moves to it: below a wide table it used to open off screen.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
    panel.current?.focus({ preventScroll: true });
  }, []);
  // A gap may be a matter of tagging: activities here whose words name the group (bydelsmødre under "Mødre") are offered.
  const gap = data?.activities.totalCount === 0;
  const [{ data: named }] = useQuery({
    query: CellActivitiesDocument,
    variables: { filter: { areaIds: [area.id], text: group.name, themeIds: themeId ? [themeId] : null, activeOn: isoDay(), status: ['PLANNED', 'RUNNING'] } },
    pause: !gap,
  });
  const search = `/activities?${new URLSearchParams({ text: group.name, area: area.id })}`;
  return (
    <section aria-labelledby="cell-heading" class="notice" aria-live="polite" tabIndex={-1} ref={panel}>
      <h2 id="cell-heading">
        {area.name}: {group.name}
      </h2>
      {!data ? (
        <p>Henter aktiviteterne …</p>
      ) : data.activities.totalCount === 0 ? (
        <>
          <p>Ingen aktiviteter i gang her i dag for {group.name.toLowerCase()} eller en af dens undergrupper.</p>
          {!named ? (
            <p>Ser efter aktiviteter, der nævner »{group.name}« …</p>
          ) : named.activities.totalCount === 0 ? (
            <p>Ingen aktiviteter i gang her nævner »{group.name}« i titel eller beskrivelse heller: det ligner et reelt hul.</p>
          ) : (
            <>
              <p>
                Men {named.activities.totalCount === 1 ? '1 aktivitet' : `${named.activities.totalCount} aktiviteter`} i gang her nævner »{group.name}« i titel
                eller beskrivelse og er registreret under en anden målgruppe. Er de også for {group.name.toLowerCase()}, så tilføj målgruppen på aktiviteten, og
                hullet lukkes.
              </p>
              <ul>
                {named.activities.nodes.slice(0, 5).map((a) => (
                  <li key={a.id}>
                    <Link href={`/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link> ({a.plan.name})
                  </li>
                ))}
              </ul>
              <p>
                <Link href={search}>
                  {named.activities.totalCount > 5 ? `Se alle ${named.activities.totalCount}` : 'Se dem'} blandt aktiviteterne i {area.name}
                </Link>
              </p>
            </>
          )}
        </>
      ) : (
        <ul>
          {data.activities.nodes.map((a) => (
            <li key={a.id}>
              {a.title} ({a.plan.name}
              {a.method ? `, ${a.method.name}` : ''})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
