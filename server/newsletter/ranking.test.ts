import { describe, expect, test } from 'vitest';
import { HighlightKind, KIND_WEIGHT, forWhom, list, rankHighlights, where, type Candidate } from './ranking.js';

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
});
