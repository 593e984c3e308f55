// The newsletter's pure logic: how news is ranked and phrased. No database, no GraphQL; unit-tested beside it.

export enum HighlightKind {
  NEW_PLAN = 'NEW_PLAN',
  NEW_ACTIVITY = 'NEW_ACTIVITY',
  ACTIVITY_STARTING = 'ACTIVITY_STARTING',
  EXPERIENCE_PUBLISHED = 'EXPERIENCE_PUBLISHED',
  TARGET_REACHED = 'TARGET_REACHED',
  EVALUATION = 'EVALUATION',
  OVERLAP_RESOLVED = 'OVERLAP_RESOLVED',
}

/** How newsworthy each kind is, before recency and reach. */
export const KIND_WEIGHT: Record<HighlightKind, number> = {
  TARGET_REACHED: 1.0,
  OVERLAP_RESOLVED: 0.95,
  EXPERIENCE_PUBLISHED: 0.9,
  NEW_PLAN: 0.85,
  ACTIVITY_STARTING: 0.8,
  EVALUATION: 0.75,
  NEW_ACTIVITY: 0.7,
};
/** Each further item of the same plan, and of the same kind, counts for less, so one plan or kind cannot fill the list. */
export const SAME_PLAN_FACTOR = 0.6;
export const SAME_KIND_FACTOR = 0.8;

/** One piece of news before ranking. */
export interface Candidate {
  kind: HighlightKind;
  title: string;
  summary: string;
  occurredAt: Date;
  /** 0..1: how many people it concerns (capacity, residents). */
  reach: number;
  subjectType: string;
  subjectId: number;
  planId: number | null;
}

export type Ranked = Omit<Candidate, 'reach'> & { score: number };

/**
 * Candidates scored kind weight x (0.5 + 0.5 recency) x (0.7 + 0.3 reach) (recency 1 at the end of the period, 0 at
 * its start), then picked greedily, each pick lowering the plan's other items by SAME_PLAN_FACTOR and the kind's by
 * SAME_KIND_FACTOR per item already picked. Equal scores keep a stable order: newer first, then kind, then subject.
 */
export function rankHighlights(candidates: readonly Candidate[], since: Date, end: Date, limit: number): Ranked[] {
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

/** "A", "A og B", "A, B og C". */
export const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`);

/** " i A og B" for the areas a title does not name already ("Ungeklub i Kildegården", not "... i Kildegården i Kildegården"). */
export const where = (title: string, areas: string[]) => {
  const unnamed = areas.filter((area) => !title.toLocaleLowerCase('da').includes(area.toLocaleLowerCase('da')));
  return unnamed.length ? ` i ${list(unnamed)}` : '';
};

/** A group list in prose: " for unge 13-17", or nothing when the activity names none. */
export const forWhom = (groups: string[]) => (groups.length ? ` for ${list(groups.map((g) => g.toLowerCase()))}` : '');
