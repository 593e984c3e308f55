import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { sheetFile, SheetFileError, type SheetFile } from '../../../client-sdk/sheet-file.js';
import { describeError } from '../api.js';
import { downloadExport } from '../download.js';
import { ImportSheetDocument, PlansToPickDocument, ViewerDocument, type ImportSheetMutation } from '../generated/graphql.js';
import { Link } from '../router.js';

type Report = NonNullable<ImportSheetMutation['importActivities']['report']>;

const STATUS: Record<string, string> = {
  WOULD_CREATE: 'Oprettes',
  WOULD_UPDATE: 'Ændres',
  UNCHANGED: 'Uændret',
  FAILED: 'Fejl',
  CREATED: 'Oprettet',
  UPDATED: 'Ændret',
};

/** The hub's limit for one file (it says so too; this spares sending a file it will refuse). */
const MAX_BYTES = 5 * 1024 * 1024;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Coordinators and project leads: a plan's sheet checked row by row (a dry run), then imported as a whole. */
export function ImportPage() {
  const [{ data: viewer }] = useQuery({ query: ViewerDocument });
  const [{ data: plans }] = useQuery({ query: PlansToPickDocument });
  const [result, run] = useMutation(ImportSheetDocument);
  const [file, setFile] = useState<{ name: string; sheet: SheetFile } | null>(null);
  const [planId, setPlanId] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const own = new Set(viewer?.viewer?.plans.map((p) => p.code));
  const choices = [...(plans?.plans.nodes ?? [])]
    .filter((plan) => viewer?.viewer?.role !== 'PROJECT_LEAD' || own.has(plan.code))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));

  const send = async (dryRun: boolean) => {
    if (!file) return setProblem('Vælg en fil først.');
    setProblem(null);
    const answer = await run({ input: { format: file.sheet.format, content: file.sheet.content, planId: planId || null, dryRun } });
    const payload = answer.data?.importActivities;
    if (!payload) return setProblem(describeError(answer.error) ?? 'Filen kunne ikke sendes.');
    if (payload.userErrors.length) {
      setReport(null);
      return setProblem(payload.userErrors.map((e) => e.message).join(' '));
    }
    setReport(payload.report ?? null);
  };

  const choose = async (input: HTMLInputElement) => {
    setReport(null);
    setProblem(null);
    const chosen = input.files?.[0];
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_BYTES) {
      setFile(null);
      return setProblem(
        `Filen fylder ${(chosen.size / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB; der kan højst importeres 5 MB ad gangen. Del den op.`,
      );
    }
    try {
      setFile({ name: chosen.name, sheet: sheetFile(chosen.name, new Uint8Array(await chosen.arrayBuffer())) });
    } catch (error) {
      setFile(null);
      setProblem(error instanceof SheetFileError ? error.message : 'Filen kunne ikke læses.');
    }
  };

  const toWrite = report ? report.created + report.updated : 0;
  return (
    <>
      <h1>Importér aktiviteter</h1>
      <p>
        Har helhedsplanen sine aktiviteter i et regneark, kan de komme ind i hubben på én gang. Første række skal have kolonnernes navne (Titel, Målgrupper,
        Områder, Startdato …). Hubben kontrollerer først hver række og viser fejlene; intet gemmes, før du importerer. Rækker, der allerede findes (samme
        Reference, eller samme helhedsplan og titel), bliver rettet, ikke oprettet igen.
      </p>
      <p>
        <button
          type="button"
          class="secondary"
          onClick={async () => setProblem((await downloadExport('/export/template.xlsx', 'aktiviteter-skabelon.xlsx')).problem)}
        >
          Hent skabelon (Excel) med kolonnerne og to eksempler
        </button>
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <div>
          <label for="import-file">Fil (Excel .xlsx eller CSV)</label>
          <input id="import-file" type="file" accept=".xlsx,.csv,.txt" onChange={(e) => void choose(e.target as HTMLInputElement)} />
        </div>
        <div>
          <label for="import-plan">Helhedsplan for rækker uden en</label>
          <select id="import-plan" value={planId} onChange={(e) => setPlanId((e.target as HTMLSelectElement).value)}>
            <option value="">Arket har en kolonne Helhedsplan</option>
            {choices.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name} ({plan.code})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={!file || result.fetching}>
          {result.fetching && !report ? 'Kontrollerer …' : 'Kontrollér filen'}
        </button>
      </form>
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      {report ? <ImportResult report={report} /> : null}
      {report && !report.written && report.failed === 0 && toWrite > 0 ? (
        <p>
          <button type="button" disabled={result.fetching} onClick={() => void send(false)}>
            {result.fetching ? 'Importerer …' : `Importér ${count(toWrite, 'aktivitet', 'aktiviteter')}`}
          </button>
        </p>
      ) : null}
    </>
  );
}

function ImportResult({ report }: { report: Report }) {
  const summary = `${count(report.created, 'ny', 'nye')}, ${count(report.updated, 'ændret', 'ændrede')}, ${count(report.unchanged, 'uændret', 'uændrede')}, ${count(report.failed, 'række', 'rækker')} med fejl`;
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{report.written ? 'Importeret' : 'Kontrol af filen'}</h2>
      <p role="status">
        {report.written
          ? `Gemt: ${summary}.`
          : report.failed
            ? `Intet er gemt. ${summary}. Ret fejlene i filen, og vælg den igen.`
            : `Intet er gemt endnu: ${summary}.`}
      </p>
      {report.unknownColumns.length ? (
        <p class="notice warning">Disse kolonner kender hubben ikke, og de er ikke læst: {report.unknownColumns.join(', ')}.</p>
      ) : null}
      <table>
        <caption class="sr-only">Rækkerne i filen</caption>
        <thead>
          <tr>
            <th scope="col">Række</th>
            <th scope="col">Titel</th>
            <th scope="col">Status</th>
            <th scope="col">Fejl</th>
            <th scope="col">Lignende aktiviteter</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.row} class={row.status === 'FAILED' ? 'failed' : undefined}>
              <td>{row.row}</td>
              <td>{row.activity ? <Link href={`/activities/${encodeURIComponent(row.activity.id)}`}>{row.activity.title}</Link> : (row.title ?? '')}</td>
              <td>{STATUS[row.status] ?? row.status}</td>
              <td>
                {row.errors.length ? (
                  <ul class="plain">
                    {row.errors.map((error, i) => (
                      <li key={i}>
                        <strong>{error.column}:</strong> {error.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td>{row.similarCount ? count(row.similarCount, 'lignende', 'lignende') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
