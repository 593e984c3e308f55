import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../core/enums.js';
import { toGlobalId } from '../core/global-id.js';
import { rows } from '../core/sql.js';
import type { RaisedPair } from '../overlap/overlap.hooks.js';
import { EmailState, NotificationKind } from './notification.entity.js';

/**
 * After a write raised pairs (overlapWrites.raised), in its transaction: every project lead of the other activity's plan is told,
 * unless the written activity is of the same plan. Written to the notification table, so it commits or rolls back with the write.
 */
export async function notifyRaisedPairs(tx: EntityManager, pairs: readonly RaisedPair[]): Promise<void> {
  const activities = [...new Set(pairs.flatMap((p) => [p.changed, p.other]))];
  const facts = new Map(
    (
      await rows(tx, `select a.id, a.title, a.plan_id, p.name as plan_name from activity a join plan p on p.id = a.plan_id where a.id = any(?::int[])`, [
        `{${activities.join(',')}}`,
      ])
    ).map((r) => [Number(r.id), { title: String(r.title), planId: Number(r.plan_id), planName: String(r.plan_name) }]),
  );
  const leads = await rows(
    tx,
    `select up.plan_id, up.user_id from user_plan up join app_user u on u.id = up.user_id where u.role = ? and up.plan_id = any(?::int[])`,
    [Role.PROJECT_LEAD, `{${[...new Set([...facts.values()].map((f) => f.planId))].join(',')}}`],
  );
  const leadsOf = new Map<number, number[]>();
  for (const lead of leads) leadsOf.set(Number(lead.plan_id), [...(leadsOf.get(Number(lead.plan_id)) ?? []), Number(lead.user_id)]);
  const now = new Date();
  const values: unknown[] = [];
  for (const pair of pairs) {
    const changed = facts.get(pair.changed);
    const own = facts.get(pair.other);
    if (!changed || !own || changed.planId === own.planId) continue;
    for (const userId of leadsOf.get(own.planId) ?? []) {
      const title = `"${changed.title}" (${changed.planName}) overlapper med jeres "${own.title}"`;
      values.push(userId, NotificationKind.OVERLAP, title.slice(0, 500), `/activities/${toGlobalId('Activity', pair.changed)}`);
      values.push(JSON.stringify({ activityId: pair.changed, ownActivityId: pair.other, score: pair.score }), now, EmailState.PENDING);
    }
  }
  if (!values.length) return;
  const tuples = Array.from({ length: values.length / 7 }, () => '(?, ?, ?, ?, ?::jsonb, ?, ?)').join(', ');
  await tx.execute(`insert into notification (recipient_id, kind, title, link, payload, created_at, email_state) values ${tuples}`, values);
}
