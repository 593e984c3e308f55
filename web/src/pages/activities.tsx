import { useClient, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../api.js';
import { downloadExport } from '../download.js';
import { danishDate } from '../format.js';
import { ActivityListDocument, CatalogueDocument, type ActivityListQuery, type ActivityStatus } from '../generated/graphql.js';
import { Link } from '../router.js';
import { STATUS_NAMES } from '../texts.js';

type Row = ActivityListQuery['activities']['nodes'][number];
type Column = 'title' | 'plan' | 'method' | 'status' | 'start';

const SORT_KEYS: Record<Column, (row: Row) => string> = {
  title: (r) => r.title,
  plan: (r) => r.plan.name,
  method: (r) => r.method?.name ?? '',
  status: (r) => STATUS_NAMES[r.status] ?? r.status,
  start: (r) => r.startDate,
};
const HEADINGS: Record<Column, string> = { title: 'Aktivitet', plan: 'Helhedsplan', method: 'Metode', status: 'Status', start: 'Start' };
const compare = new Intl.Collator('da-DK', { numeric: true }).compare;

const FILTER_KEYS = ['text', 'plan', 'area', 'group', 'method', 'status', 'archived'] as const;
type Filters = Record<(typeof FILTER_KEYS)[number], string>;

/** All activities across the plans: free-text search and filters (kept in the URL), sortable, exportable. */
export function ActivitiesPage({ role }: { role: string | undefined }) {
  const params = new URLSearchParams(location.search);
  const [form, setForm] = useState<Filters>(Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Filters);
  const [applied, setApplied] = useState(form);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [page, setPage] = useState<{ total: number; next: string | null }>({ total: 0, next: null });
  const [problem, setProblem] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sort, setSort] = useState<{ column: Column; up: boolean }>({ column: 'title', up: true });
  const [catalogue] = useQuery({ query: CatalogueDocument });
  const client = useClient();

  const filter = {
    text: applied.text.trim() || null,
    planIds: applied.plan ? [applied.plan] : null,
    areaIds: applied.area ? [applied.area] : null,
    targetGroupIds: applied.group ? [applied.group] : null,
    methodIds: applied.method ? [applied.method] : null,
    status: applied.status ? [applied.status as ActivityStatus] : null,
    includeArchived: applied.archived === '1',
  };

  // The hub's export: every activity the filter finds (not only the pages shown), in the columns an import reads back.
  const exportAs = async (kind: 'xlsx' | 'csv') => {
    const search = new URLSearchParams(Object.entries(applied).filter(([key, value]) => value && (key !== 'archived' || value === '1')));
    setExported(null);
    const done = await downloadExport(`/export/activities.${kind}?${search}`, `aktiviteter.${kind}`);
    setProblem(done.problem);
    if (done.rows !== null) setExported(`Filen er hentet: ${done.rows} ${done.rows === 1 ? 'aktivitet' : 'aktiviteter'}, alle dem søgningen finder.`);
  };

  const load = async (after: string | null) => {
    setBusy(true);
    const result = await client.query(ActivityListDocument, { filter, after }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    setProblem(describeError(result.error));
    if (!result.data) return;
    const { nodes, totalCount, pageInfo } = result.data.activities;
    setRows((before) => (after ? [...(before ?? []), ...nodes] : nodes));
    setPage({ total: totalCount, next: pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null });
  };
  useEffect(() => {
    void load(null);
  }, [JSON.stringify(applied)]);

  const sorted = rows && [...rows].sort((a, b) => (sort.up ? 1 : -1) * compare(SORT_KEYS[sort.column](a), SORT_KEYS[sort.column](b)));
  const set = (key: keyof Filters) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });
  const select = (key: keyof Filters, label: string, all: string, options: readonly { id: string; name: string }[] | undefined) => (
    <div>
      <label for={`f-${key}`}>{label}</label>
      <select id={`f-${key}`} value={form[key]} onChange={set(key)}>
        <option value="">{all}</option>
        {options?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
  const districts = catalogue.data?.areas.filter((a) => a.kind !== 'ESTATE');

  return (
    <>
      <h1>Aktiviteter</h1>
      {role === 'PROJECT_LEAD' || role === 'COORDINATOR' ? (
        <p>
          <Link href="/activities/new" class="button">
            Registrér en aktivitet
          </Link>
        </p>
      ) : null}
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const search = new URLSearchParams(Object.entries(form).filter(([, v]) => v));
          history.replaceState(null, '', `/activities${search.size ? `?${search}` : ''}`);
          setApplied(form);
        }}
      >
        <div>
          <label for="f-text">Søg i titel og beskrivelse</label>
          <input id="f-text" type="search" value={form.text} onInput={set('text')} />
        </div>
        {select('plan', 'Helhedsplan', 'Alle', catalogue.data?.plans.nodes)}
        {select('area', 'Område', 'Hele byen', districts)}
        {select('group', 'Målgruppe', 'Alle', catalogue.data?.targetGroups)}
        {select('method', 'Metode', 'Alle', catalogue.data?.methods)}
        {select(
          'status',
          'Status',
          'Alle',
          Object.entries(STATUS_NAMES).map(([id, name]) => ({ id, name })),
        )}
        <div class="check">
          <input
            id="f-archived"
            type="checkbox"
            checked={form.archived === '1'}
            onChange={(e) => setForm({ ...form, archived: (e.target as HTMLInputElement).checked ? '1' : '' })}
          />
          <label class="inline" for="f-archived">
            Også arkiverede
          </label>
        </div>
        <button type="submit">Søg</button>
        <button type="button" class="secondary" disabled={!rows?.length} onClick={() => void exportAs('xlsx')}>
          Eksportér til Excel
        </button>
        <button type="button" class="secondary" disabled={!rows?.length} onClick={() => void exportAs('csv')}>
          Eksportér CSV
        </button>
      </form>
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      <p role="status">{exported ?? ''}</p>
      <p aria-live="polite">
        {!sorted
          ? busy
            ? 'Henter aktiviteterne …'
            : ''
          : `${page.total} aktiviteter${sorted.length < page.total ? `, ${sorted.length} vist (sorteringen gælder de viste)` : ''}.`}
      </p>
      {sorted?.length ? (
        <table>
          <thead>
            <tr>
              {(Object.keys(HEADINGS) as Column[]).map((column) => (
                <th key={column} scope="col" aria-sort={sort.column === column ? (sort.up ? 'ascending' : 'descending') : undefined}>
                  <button type="button" class="sort" onClick={() => setSort({ column, up: sort.column === column ? !sort.up : true })}>
                    {HEADINGS[column]}
                    {sort.column === column ? (sort.up ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">Områder</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/activities/${encodeURIComponent(r.id)}`}>{r.title}</Link>
                  {r.archived ? ' (arkiveret)' : ''}
                </td>
                <td>
                  <Link href={`/plans/${encodeURIComponent(r.plan.code)}`}>{r.plan.name}</Link>
                </td>
                <td>{r.method?.name ?? ''}</td>
                <td>{STATUS_NAMES[r.status] ?? r.status}</td>
                <td>{danishDate(r.startDate)}</td>
                <td>{r.areas.map((a) => a.name).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page.next ? (
        <button type="button" disabled={busy} onClick={() => void load(page.next)}>
          Vis flere
        </button>
      ) : null}
    </>
  );
}
