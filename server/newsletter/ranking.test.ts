import { describe, expect, test } from 'vitest';
import {
  HighlightKind,
  KIND_WEIGHT,
  SAME_KIND_FACTOR,
  SAME_PLAN_FACTOR,
  forWhom,
  list,
  rankHighlights,
  where,
  type Candidate,
  type Ranked,
} from './ranking.js';

const since = new Date('2026-10-01T00:00:00Z');
const end = new Date('2026-11-01T00:00:00Z');
let serial = 0;
const news = (kind: HighlightKind, planId: number | null, occurredAt = end, reach = 1): Candidate => ({
  kind,
  title: `${kind} ${++serial}`,
  summary: '',
  occurredAt,
  reach,
  subjectType: 'Activity',
  subjectId: serial,
  planId,
});

describe('ranking', () => {
  test('a fresh item of a weightier kind comes first; its score is the kind weight at full recency and reach', () => {
    const [first, second] = rankHighlights([news(HighlightKind.NEW_ACTIVITY, 1), news(HighlightKind.TARGET_REACHED, 2)], since, end, 10);
    expect(first!.kind).toBe(HighlightKind.TARGET_REACHED);
    expect(first!.score).toBe(KIND_WEIGHT.TARGET_REACHED);
    expect(second!.score).toBe(KIND_WEIGHT.NEW_ACTIVITY);
  });

  test('recency and reach lower the score: half from the start of the period, 30 % from no reach', () => {
    const [old] = rankHighlights([news(HighlightKind.TARGET_REACHED, 1, since)], since, end, 1);
    expect(old!.score).toBe(0.5);
    const [small] = rankHighlights([news(HighlightKind.TARGET_REACHED, 1, end, 0)], since, end, 1);
    expect(small!.score).toBe(0.7);
  });

  test('one plan cannot fill the list: its second item counts 0.6 (and the kind 0.8), so another plan comes between', () => {
    const ranked = rankHighlights(
      [news(HighlightKind.TARGET_REACHED, 1), news(HighlightKind.TARGET_REACHED, 1), news(HighlightKind.EXPERIENCE_PUBLISHED, 2)],
      since,
      end,
      3,
    );
    expect(ranked.map((r) => r.planId)).toEqual([1, 2, 1]);
    expect(ranked[2]!.score).toBe(Math.round(1.0 * 0.6 * 0.8 * 1e4) / 1e4);
  });

  test('equal scores keep a stable order, and the limit holds', () => {
    const items = [news(HighlightKind.NEW_PLAN, null), news(HighlightKind.NEW_PLAN, null), news(HighlightKind.NEW_PLAN, null)];
    expect(rankHighlights(items, since, end, 2).map((r) => r.subjectId)).toEqual([items[0]!.subjectId, items[1]!.subjectId]);
    expect(rankHighlights(items, since, end, 0)).toEqual([]);
  });
});

describe('phrases', () => {
  test('lists in Danish', () => {
    expect(list([])).toBe('');
    expect(list(['A'])).toBe('A');
    expect(list(['A', 'B', 'C'])).toBe('A, B og C');
  });

  test('a place the title names already is not said again', () => {
    expect(where('Ungeklub i Kildegården', ['Kildegården'])).toBe('');
    expect(where('Ungeklub i kildegården', ['Kildegården', 'Vollsmose'])).toBe(' i Vollsmose');
    expect(where('Lektiecafé', ['Bøgeparken', 'Egeparken'])).toBe(' i Bøgeparken og Egeparken');
  });

  test('target groups in prose, or nothing', () => {
    expect(forWhom(['Unge 13-17', 'Forældre'])).toBe(' for unge 13-17 og forældre');
    expect(forWhom([])).toBe('');
  });

  test('one pass per pick chooses exactly what sorting the pool each round chose, on random pools with ties', () => {
    const kinds = Object.values(HighlightKind);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const pool = Array.from({ length: 5 + Math.floor(random() * 120) }, (_, i) => ({
        ...news(
          kinds[Math.floor(random() * kinds.length)]!,
          random() < 0.1 ? null : Math.floor(random() * 6),
          new Date(since.getTime() + Math.floor(random() * 4) * 86_400_000 * 7),
          Math.floor(random() * 3) / 2,
        ),
        subjectId: Math.floor(random() * 30) + i * (random() < 0.5 ? 0 : 1),
      }));
      expect(rankHighlights(pool, since, end, 40)).toEqual(sortedEachRound(pool, since, end, 40));
    }
  });
});

// The algorithm before: the whole pool scored and sorted for every pick.
function sortedEachRound(candidates: readonly Candidate[], since: Date, end: Date, limit: number): Ranked[] {
  const span = end.getTime() - since.getTime();
  const pool = candidates.map((c) => {
    const recency = Math.min(1, Math.max(0, 1 - Math.abs(end.getTime() - c.occurredAt.getTime()) / span));
    return { ...c, base: KIND_WEIGHT[c.kind] * (0.5 + 0.5 * recency) * (0.7 + 0.3 * c.reach) };
  });
  const picked: Ranked[] = [];
  const perPlan = new Map<number, number>();
  const perKind = new Map<HighlightKind, number>();
  const order = (a: { score: number; occurredAt: Date; kind: string; subjectId: number }, b: typeof a) =>
    b.score - a.score || b.occurredAt.getTime() - a.occurredAt.getTime() || a.kind.localeCompare(b.kind) || a.subjectId - b.subjectId;
  while (picked.length < limit && pool.length) {
    const scored = pool.map((c) => ({
      ...c,
      score:
        Math.round(c.base * SAME_PLAN_FACTOR ** (c.planId === null ? 0 : (perPlan.get(c.planId) ?? 0)) * SAME_KIND_FACTOR ** (perKind.get(c.kind) ?? 0) * 1e4) /
        1e4,
    }));
    scored.sort(order);
    const best = scored[0]!;
    pool.splice(
      pool.findIndex((c) => c.kind === best.kind && c.subjectId === best.subjectId && c.subjectType === best.subjectType),
      1,
    );
    if (best.planId !== null) perPlan.set(best.planId, (perPlan.get(best.planId) ?? 0) + 1);
    perKind.set(best.kind, (perKind.get(best.kind) ?? 0) + 1);
    const { kind, title, summary, occurredAt, score, subjectType, subjectId, planId } = best;
    picked.push({ kind, title, summary, occurredAt, score, subjectType, subjectId, planId });
  }
  return picked;
}
