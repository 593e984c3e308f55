import type { RouteRequest, RouteResponse } from '../core/http.js';
import { MAX_PAGE_SIZE } from '../core/pagination.js';
import { message } from '../core/user-errors.js';
import { allPages, csvFile, ExportRequestError, type Cell } from './export.js';

/** Pairs one export holds at most: a whole city at ten times the demo's size fits; the hub's memory holds it as text. */
export const MAX_EXPORTED_PAIRS = 50_000;

const DECISIONS: Record<string, string> = { COMPLEMENTARY: 'komplementær', COORDINATED: 'koordineret', DUPLICATE: 'dublet' };

/** The overlap board's filter as its address writes it (the console's own parameter names). */
function boardFilter(params: URLSearchParams): Record<string, unknown> {
  const known = new Set(['area', 'group', 'plan', 'kind', 'min', 'reviewed', 'by']);
  for (const name of params.keys()) {
    if (!known.has(name)) {
      const taken = [...known].join(', ');
      throw new ExportRequestError(
        message(`Unknown parameter "${name.slice(0, 40)}"; the export takes ${taken}`, `Ukendt parameter "${name.slice(0, 40)}"; eksporten tager ${taken}`),
      );
    }
  }
  const one = (name: string) => params.get(name)?.trim() || null;
  const min = one('min');
  const minScore = min === null ? undefined : Number(min.replace(',', '.'));
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 1))
    throw new ExportRequestError(
      message(
        `The lowest score must be a number from 0 to 1, not "${min!.slice(0, 20)}"`,
        `Mindste score skal være et tal fra 0 til 1, ikke "${min!.slice(0, 20)}"`,
      ),
    );
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

/**
 * Every pair the overlap board's filter finds, page by page (each page a query under the viewer's rules and every limit
 * of one), as CSV for a spreadsheet: not cut by the answer limit meant for one interactive query. Each pair once,
 * whichever of the board's groups it shows in.
 */
export async function overlapsCsv(request: RouteRequest): Promise<RouteResponse> {
  const rows = await allPages<Pair, Cell[]>(
    request,
    PAGE,
    'overlaps',
    { filter: boardFilter(request.url.searchParams) },
    {
      limit: {
        max: MAX_EXPORTED_PAIRS,
        tooMany: (total) =>
          message(
            `The filter finds ${total} pairs; an export holds at most ${MAX_EXPORTED_PAIRS}: choose a district, for example`,
            `Filteret finder ${total} par; en eksport rummer højst ${MAX_EXPORTED_PAIRS}: vælg fx en bydel`,
          ),
      },
      keep: ({ activities: [a, b], score, review, reasons }) => [
        a?.title ?? '',
        a?.plan.name ?? '',
        b?.title ?? '',
        b?.plan.name ?? '',
        score.toFixed(2).replace('.', ','),
        review ? (DECISIONS[review.decision] ?? review.decision) : '',
        reasons.map((r) => r.detail).join(' · '),
      ],
    },
  );
  return csvFile('overlap', ['Aktivitet A', 'Helhedsplan A', 'Aktivitet B', 'Helhedsplan B', 'Score', 'Beslutning', 'Begrundelser'], rows);
}
