import { stringify } from 'csv-stringify/sync';
import type { RouteRequest, RouteResponse } from '../core/http.js';
import { MAX_PAGE_SIZE } from '../core/pagination.js';
import { ExportRequestError, query } from './export.js';
import { safeCsvText } from './sheet.js';

/** Pairs one export holds at most: a whole city at ten times the demo's size fits; the hub's memory holds it as text. */
export const MAX_EXPORTED_PAIRS = 50_000;

const DECISIONS: Record<string, string> = { COMPLEMENTARY: 'komplementær', COORDINATED: 'koordineret', DUPLICATE: 'dublet' };

/** The overlap board's filter as its address writes it (the console's own parameter names). */
function boardFilter(params: URLSearchParams): Record<string, unknown> {
  const known = new Set(['area', 'group', 'plan', 'kind', 'min', 'reviewed', 'by']);
  for (const name of params.keys()) {
    if (!known.has(name)) throw new ExportRequestError(`Ukendt parameter "${name.slice(0, 40)}"; eksporten tager ${[...known].join(', ')}`);
  }
  const one = (name: string) => params.get(name)?.trim() || null;
  const min = one('min');
  const minScore = min === null ? undefined : Number(min.replace(',', '.'));
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1))
    throw new ExportRequestError(`Mindste score skal være et tal fra 0 til 1, ikke "${min!.slice(0, 20)}"`);
  return {
    ...(one('area') ? { areaIds: [one('area')] } : {}),
    ...(one('group') ? { targetGroupIds: [one('group')] } : {}),
    ...(one('plan') ? { planIds: [one('plan')] } : {}),
    ...(one('kind') ? { methodIds: [one('kind')] } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
    includeReviewed: one('reviewed') === '1',
  };
}

const PAGE = `query ExportOverlaps($filter: OverlapFilter, $after: String) {
  overlaps(first: ${MAX_PAGE_SIZE}, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { score review { decision } reasons { detail } activities { title plan { name } } }
  }
}`;

interface Pair {
  score: number;
  review: { decision: string } | null;
  reasons: { detail: string }[];
  activities: { title: string; plan: { name: string } }[];
}
type Page = { overlaps: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Pair[] } };

/**
 * Every pair the overlap board's filter finds, page by page (each page a query under the viewer's rules and every limit
 * of one), as CSV for a spreadsheet: not cut by the answer limit meant for one interactive query. Each pair once,
 * whichever of the board's groups it shows in.
 */
export async function overlapsCsv(request: RouteRequest): Promise<RouteResponse> {
  const filter = boardFilter(request.url.searchParams);
  const rows: (string | number)[][] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = await query<Page>(request, PAGE, { filter, after });
    if (page.overlaps.totalCount > MAX_EXPORTED_PAIRS) {
      throw new ExportRequestError(`Filteret finder ${page.overlaps.totalCount} par; en eksport rummer højst ${MAX_EXPORTED_PAIRS}: vælg fx en bydel`);
    }
    for (const pair of page.overlaps.nodes) {
      const [a, b] = pair.activities;
      rows.push([
        safeCsvText(a?.title ?? ''),
        safeCsvText(a?.plan.name ?? ''),
        safeCsvText(b?.title ?? ''),
        safeCsvText(b?.plan.name ?? ''),
        pair.score.toFixed(2).replace('.', ','),
        pair.review ? (DECISIONS[pair.review.decision] ?? pair.review.decision) : '',
        safeCsvText(pair.reasons.map((r) => r.detail).join(' · ')),
      ]);
    }
    if (!page.overlaps.pageInfo.hasNextPage) break;
    after = page.overlaps.pageInfo.endCursor;
  }
  const text = stringify([['Aktivitet A', 'Helhedsplan A', 'Aktivitet B', 'Helhedsplan B', 'Score', 'Beslutning', 'Begrundelser'], ...rows], {
    delimiter: ';',
    record_delimiter: '\r\n',
    quoted_string: true,
  });
  return {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="overlap-${new Date().toISOString().slice(0, 10)}.csv"`,
      // How many rows the file holds, for the console to say so.
      'x-export-rows': String(rows.length),
    },
    body: `\uFEFF${text}`,
  };
}
