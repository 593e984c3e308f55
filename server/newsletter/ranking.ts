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
    return { c, at: c.occurredAt.getTime(), base: KIND_WEIGHT[c.kind] * (0.5 + 0.5 * recency) * (0.7 + 0.3 * c.reach) };
  });
  const picked: Ranked[] = [];
  const perPlan = new Map<number, number>();
  const perKind = new Map<HighlightKind, number>();
  const scoreOf = (p: (typeof pool)[number]) =>
    Math.round(
      p.base * SAME_PLAN_FACTOR ** (p.c.planId === null ? 0 : (perPlan.get(p.c.planId) ?? 0)) * SAME_KIND_FACTOR ** (perKind.get(p.c.kind) ?? 0) * 1e4,
    ) / 1e4;
  // Each round takes the first of the pool in this order (one pass, no sort: a month of a large city has thousands of candidates).
  const before = (score: number, p: (typeof pool)[number], bestScore: number, best: (typeof pool)[number]) =>
    (bestScore - score || best.at - p.at || p.c.kind.localeCompare(best.c.kind) || p.c.subjectId - best.c.subjectId) < 0;
  while (picked.length < limit && pool.length) {
    let best = 0;
    let bestScore = scoreOf(pool[0]!);
    for (let i = 1; i < pool.length; i++) {
      const score = scoreOf(pool[i]!);
      if (before(score, pool[i]!, bestScore, pool[best]!)) {
        best = i;
        bestScore = score;
      }
    }
    const chosen = pool[best]!.c;
    pool.splice(
      pool.findIndex((p) => p.c.kind === chosen.kind && p.c.subjectId === chosen.subjectId && p.c.subjectType === chosen.subjectType),
      1,
    );
    if (chosen.planId !== null) perPlan.set(chosen.planId, (perPlan.get(chosen.planId) ?? 0) + 1);
    perKind.set(chosen.kind, (perKind.get(chosen.kind) ?? 0) + 1);
    const { kind, title, summary, occurredAt, subjectType, subjectId, planId } = chosen;
    picked.push({ kind, title, summary, occurredAt, score: bestScore, subjectType, subjectId, planId });
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
