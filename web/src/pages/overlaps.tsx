import { useMutation, useQuery } from '@urql/preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { describeError, refusal } from '../api.js';
import { decimal } from '../format.js';
import { downloadExport } from '../download.js';
import { Link } from '../router.js';
import { DECISION_NAMES, scheduleText } from '../texts.js';
import {
  CatalogueDocument,
  DecideGroupDocument,
  GroupPairsDocument,
  type GroupPairsQuery,
  DecidePairDocument,
  OverlapBoardDocument,
  type OverlapBoardQuery,
  type OverlapDecision,
  type OverlapGrouping,
  UndoDecisionsDocument,
  ViewerDocument,
} from '../generated/graphql.js';

/** Who may decide what, as the hub rules it: coordinators every pair, project leads pairs that touch their own plans. */
interface Decider {
  role: string | undefined;
  planCodes: ReadonlySet<string>;
}
const DeciderContext = createContext<Decider>({ role: undefined, planCodes: new Set() });
const decidesAny = ({ role }: Decider) => role === 'COORDINATOR' || role === 'PROJECT_LEAD';
const decidesPair = (decider: Decider, planCodes: readonly string[]) =>
  decider.role === 'COORDINATOR' || (decider.role === 'PROJECT_LEAD' && planCodes.some((code) => decider.planCodes.has(code)));

const GROUPINGS: { value: OverlapGrouping; label: string }[] = [
  { value: 'AREA_AND_KIND', label: 'Bydel og type arbejde' },
  { value: 'PLAN_PAIR', label: 'Par af helhedsplaner' },
  { value: 'CLUSTER', label: 'Klynger af aktiviteter' },
];
const DECISIONS: { value: OverlapDecision; label: string }[] = [
  { value: 'COMPLEMENTARY', label: 'Komplementær' },
  { value: 'COORDINATED', label: 'Koordineret' },
  { value: 'DUPLICATE', label: 'Dublet' },
];
type Group = OverlapBoardQuery['overlapGroups'][number];
type Pair = GroupPairsQuery['overlapGroups'][number]['overlaps'][number];

/** A pick-list of the board's filters, kept in the page's URL so the view can be shared. */
function Pick(props: {
  id: string;
  label: string;
  value: string;
  all: string;
  options: readonly { id: string; name: string }[] | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{props.all}</option>
        {props.options?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The overlap board: the pairs as decisions, each pair side by side with its reasons, and a decision for a pair or a whole group. */
export function OverlapsPage() {
  const params = new URLSearchParams(location.search);
  const [by, setBy] = useState<OverlapGrouping>((params.get('by') as OverlapGrouping) || 'AREA_AND_KIND');
  const [area, setArea] = useState(params.get('area') ?? '');
  const [group, setGroup] = useState(params.get('group') ?? '');
  const [plan, setPlan] = useState(params.get('plan') ?? '');
  const [kind, setKind] = useState(params.get('kind') ?? '');
  const [minScore, setMinScore] = useState(params.get('min') ?? '0,5');
  const [includeReviewed, setIncludeReviewed] = useState(params.get('reviewed') === '1');
  const [catalogue] = useQuery({ query: CatalogueDocument });
  const filter = {
    areaIds: area ? [area] : null,
    targetGroupIds: group ? [group] : null,
    planIds: plan ? [plan] : null,
    methodIds: kind ? [kind] : null,
    minScore: Number(minScore.replace(',', '.')) || 0.5,
    includeReviewed,
  };
  const [{ data, error, fetching }, refresh] = useQuery({ query: OverlapBoardDocument, variables: { by, filter } });
  // Raised by every decision, so that opened groups fetch their pairs again.
  const [stamp, setStamp] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const problem = describeError(error);
  // The last decision, said where focus can rest (the group it was made in may vanish from the list) and undoable for a while.
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const decided = (made: Receipt | null) => {
    refresh({ requestPolicy: 'network-only' });
    setStamp((n) => n + 1);
    if (made) setReceipt(made);
  };
  // Made by the hub, page by page: every pair the filter finds, however large the city (one query's answer limit would cut it).
  const exportAll = async () => {
    setExporting(true);
    setExported('Henter alle par til eksporten …');
    const search = new URLSearchParams({ area, group, plan, kind, min: minScore, reviewed: includeReviewed ? '1' : '0' });
    for (const [key, value] of [...search]) if (!value) search.delete(key);
    const done = await downloadExport(`/export/overlaps.csv?${search}`, 'overlap.csv');
    setExporting(false);
    setExported(done.problem ?? `Filen er hentet: ${done.rows ?? 0} par, alle dem filteret finder.`);
  };

  const share = (next: Record<string, string>) => {
    const search = new URLSearchParams({ by, area, group, plan, kind, min: minScore, reviewed: includeReviewed ? '1' : '0', ...next });
    history.replaceState(null, '', `/overlaps?${search}`);
  };

  const [viewer] = useQuery({ query: ViewerDocument });
  const decider: Decider = { role: viewer.data?.viewer?.role, planCodes: new Set(viewer.data?.viewer?.plans.map((p) => p.code)) };
  return (
    <DeciderContext.Provider value={decider}>
      <h1>Overlap</h1>
      {decider.role && !decidesAny(decider) ? <p>Koordinatorer og projektledere tager stilling til overlappene; du kan se dem og eksportere dem.</p> : null}
      {decider.role === 'PROJECT_LEAD' ? (
        <p>Du tager stilling til de par, der berører en aktivitet i dine egne helhedsplaner; en beslutning for en hel gruppe gælder kun dem.</p>
      ) : null}
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          share({});
          refresh({ requestPolicy: 'network-only' });
        }}
      >
        <div>
          <label for="by">Gruppér efter</label>
          <select id="by" value={by} onChange={(e) => setBy((e.target as HTMLSelectElement).value as OverlapGrouping)}>
            {GROUPINGS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <Pick id="area" label="Bydel" all="Hele byen" value={area} options={data?.areas} onChange={setArea} />
        <Pick id="group" label="Målgruppe" all="Alle målgrupper" value={group} options={catalogue.data?.targetGroups} onChange={setGroup} />
        <Pick id="plan" label="Helhedsplan" all="Alle helhedsplaner" value={plan} options={catalogue.data?.plans.nodes} onChange={setPlan} />
        <Pick id="kind" label="Type arbejde" all="Alle typer" value={kind} options={catalogue.data?.methods} onChange={setKind} />
        <div>
          <label for="min">Mindste score</label>
          <input id="min" type="text" inputMode="decimal" size={4} value={minScore} onInput={(e) => setMinScore((e.target as HTMLInputElement).value)} />
        </div>
        <div class="check">
          <input id="reviewed" type="checkbox" checked={includeReviewed} onChange={(e) => setIncludeReviewed((e.target as HTMLInputElement).checked)} />
          <label class="inline" for="reviewed">
            Vis også par med beslutning
          </label>
        </div>
        <button type="submit">Vis</button>
        <button type="button" onClick={() => void exportAll()} disabled={!data || exporting}>
          Eksportér CSV
        </button>
      </form>
      <p role="status">{exported ?? ''}</p>
      {problem ? (
        <p role="alert" class="error">
          {problem}
        </p>
      ) : null}
      <DecisionNotice receipt={receipt} onUndone={() => decided(null)} />
      {!data ? (
        <p aria-live="polite">{fetching ? 'Henter overlap …' : ''}</p>
      ) : (
        <>
          <p aria-live="polite">
            {data.overlapGroups.length} grupper med {data.overlapGroups.reduce((s, g) => s + g.unreviewedCount, 0)} par uden beslutning.
          </p>
          {data.overlapGroups.map((group) => (
            <GroupCard key={group.key} group={group} by={by} filter={filter} stamp={stamp} onDecided={decided} />
          ))}
        </>
      )}
    </DeciderContext.Provider>
  );
}

/** What was just decided: its words, the decisions to take back, and when. */
interface Receipt {
  text: string;
  reviewIds: string[];
  at: number;
}

/** Minutes a decision can be taken back (the hub's own limit, undoOverlapReviews). */
const UNDO_MINUTES = 10;

/** "Gemt" with a "Fortryd" button: focus moves here after a decision, so it is not lost when the decided group leaves the list. */
function DecisionNotice({ receipt, onUndone }: { receipt: Receipt | null; onUndone: () => void }) {
  const [undone, undo] = useMutation(UndoDecisionsDocument);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setSaid(null);
    if (receipt) box.current?.focus();
  }, [receipt]);
  if (!receipt) return null;
  const open = !said && Date.now() - receipt.at < UNDO_MINUTES * 60_000;
  return (
    <div class="notice decision" role="status" tabIndex={-1} ref={box}>
      <p>{said ? said.text : receipt.text}</p>
      {open ? (
        <button
          type="button"
          disabled={undone.fetching}
          onClick={async () => {
            const result = await undo({ input: { reviewIds: receipt.reviewIds } });
            const payload = result.data?.undoOverlapReviews;
            const problem = refusal(result, payload);
            if (payload && !problem) {
              setSaid({
                text: `Beslutningen er taget tilbage: ${payload.undoneCount} par har igen den beslutning, de havde før, eller ingen.`,
                problem: false,
              });
              onUndone();
            } else {
              setSaid({ text: `Beslutningen blev ikke taget tilbage: ${problem}.`, problem: true });
            }
            box.current?.focus();
          }}
        >
          Fortryd
        </button>
      ) : null}
    </div>
  );
}

function GroupCard({
  group,
  by,
  filter,
  stamp,
  onDecided,
}: {
  group: Group;
  by: OverlapGrouping;
  filter: object;
  stamp: number;
  onDecided: (made: Receipt | null) => void;
}) {
  const [result, decide] = useMutation(DecideGroupDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const noteId = `note-${group.key.replace(/[^a-z0-9]/gi, '-')}`;
  const decider = useContext(DeciderContext);
  return (
    <details class="group" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <strong>{group.label}</strong>: {group.pairCount} par, {group.unreviewedCount} uden beslutning, højeste score {decimal(group.bestScore)}
      </summary>
      <div class="decide" hidden={!decidesAny(decider)}>
        <label for={noteId}>Note til beslutningen for hele gruppen</label>
        <input id={noteId} type="text" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
        {DECISIONS.map((d) => (
          <button
            key={d.value}
            type="button"
            disabled={result.fetching}
            onClick={async () => {
              const result = await decide({ input: { by, key: group.key, filter, decision: d.value, note: note || null } });
              const payload = result.data?.reviewOverlapGroup;
              const problem = refusal(result, payload);
              setProblem(problem);
              onDecided(
                payload && !problem
                  ? {
                      text: `Gemt: ${group.label} (${payload.reviewedCount} par) er markeret som ${d.label.toLowerCase()}.`,
                      reviewIds: payload.reviewIds,
                      at: Date.now(),
                    }
                  : null,
              );
            }}
          >
            Hele gruppen: {d.label.toLowerCase()}
          </button>
        ))}
        {problem ? (
          <p class="error" role="alert">
            Gruppen fik ikke en beslutning: {problem}
          </p>
        ) : null}
      </div>
      {open ? <GroupPairs groupKey={group.key} by={by} filter={filter} stamp={stamp} onDecided={onDecided} /> : null}
    </details>
  );
}

/** A group's pairs, fetched when the group is opened: the board itself holds only the groups. */
function GroupPairs({
  groupKey,
  by,
  filter,
  stamp,
  onDecided,
}: {
  groupKey: string;
  by: OverlapGrouping;
  filter: object;
  stamp: number;
  onDecided: (made: Receipt | null) => void;
}) {
  const [{ data, error }, refresh] = useQuery({ query: GroupPairsDocument, variables: { by, filter, keys: [groupKey] } });
  useEffect(() => {
    if (stamp) refresh({ requestPolicy: 'network-only' });
  }, [stamp]);
  const pairs = data?.overlapGroups[0]?.overlaps;
  if (!pairs) return <p aria-live="polite">{describeError(error) ?? (data ? 'Gruppen har ingen par med dette filter længere.' : 'Henter parrene …')}</p>;
  return (
    <ul class="pairs">
      {pairs.map((pair) => (
        <PairCard key={pair.activities.map((a) => a.id).join(':')} pair={pair} onDecided={onDecided} />
      ))}
    </ul>
  );
}

function PairCard({ pair, onDecided }: { pair: Pair; onDecided: (made: Receipt | null) => void }) {
  const [result, decide] = useMutation(DecidePairDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const ids = pair.activities.map((a) => a.id);
  const noteId = `note-${ids.join('-')}`;
  const decider = useContext(DeciderContext);
  return (
    <li class="pair">
      <p class="score">
        Score {decimal(pair.score)}
        {pair.review ? (
          <>
            {' '}
            · beslutning: <strong>{DECISION_NAMES[pair.review.decision]}</strong>
            {pair.review.reviewedBy ? ` (${pair.review.reviewedBy.name})` : ''}
          </>
        ) : null}
      </p>
      <div class="side-by-side">
        {pair.activities.map((a) => (
          <div key={a.id} class="activity">
            <h3>
              <Link href={`/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link>
            </h3>
            <p>
              <Link href={`/plans/${encodeURIComponent(a.plan.code)}`}>{a.plan.name}</Link> · {a.areas.map((x) => x.name).join(', ')}
            </p>
            <p>{scheduleText(a.schedule)}</p>
            {a.contact ? (
              <p>
                Kontakt: {a.contact.name}
                {a.contact.email ? (
                  <>
                    {' '}
                    · <a href={`mailto:${a.contact.email}`}>{a.contact.email}</a>
                  </>
                ) : null}
                {a.contact.phone ? (
                  <>
                    {' '}
                    · <a href={`tel:${a.contact.phone.replace(/\s/g, '')}`}>{a.contact.phone}</a>
                  </>
                ) : null}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <ul class="reasons">
        {pair.reasons.map((r) => (
          <li key={r.kind}>{r.detail}</li>
        ))}
      </ul>
      <div
        class="decide"
        hidden={
          !decidesPair(
            decider,
            pair.activities.map((a) => a.plan.code),
          )
        }
      >
        <label for={noteId}>Note</label>
        <input id={noteId} type="text" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
        {DECISIONS.map((d) => (
          <button
            key={d.value}
            type="button"
            disabled={result.fetching}
            onClick={async () => {
              const result = await decide({ input: { activityIds: ids, decision: d.value, note: note || null } });
              const payload = result.data?.reviewOverlap;
              const problem = refusal(result, payload);
              setProblem(problem);
              onDecided(
                payload && !problem
                  ? {
                      text: `Gemt: ${pair.activities.map((a) => a.title).join(' og ')} er markeret som ${d.label.toLowerCase()}.`,
                      reviewIds: payload.reviewIds,
                      at: Date.now(),
                    }
                  : null,
              );
            }}
          >
            {d.label}
          </button>
        ))}
        {problem ? (
          <p class="error" role="alert">
            Parret fik ikke en beslutning: {problem}
          </p>
        ) : null}
      </div>
    </li>
  );
}
