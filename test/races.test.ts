import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Role } from '../server/core/enums.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

const count = async (sql: string, params: unknown[] = []) => Number(((await t.hub.orm.em.fork().execute(sql, params)) as { n: number }[])[0]!.n);
const eight = <T>(call: (i: number) => Promise<T>) => Promise.all(Array.from({ length: 8 }, (_, i) => call(i)));

describe('eight concurrent calls: exactly one winner, the others a user error', () => {
  test('completeActionItem', async () => {
    const [{ id }] = (await t.hub.orm.em.fork().execute("select id from action_item where status = 'OPEN' order by id limit 1")) as { id: number }[];
    const itemId = await t.idOf('ActionItem', `select ${id} as id`);
    const results = await eight(() => t.mutate('completeActionItem', 'CompleteActionItemInput', { id: itemId }, 'actionItem { status }'));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    const losers = results.filter((r) => r.userErrors.length > 0);
    expect(losers).toHaveLength(7);
    for (const loser of losers) expect(loser.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', message: 'The follow-up is done already' })]);
    expect(await count("select count(*)::int as n from audit_event where action = 'completeActionItem' and entity_id = ?", [id])).toBe(1);
  });

  test('reviewOverlap: one review stays active, whoever came last', async () => {
    const [pair] = (await t.hub.orm.em.fork().execute('select activity_a_id as a, activity_b_id as b from activity_overlap order by score desc limit 1')) as {
      a: number;
      b: number;
    }[];
    const ids = [await t.idOf('Activity', `select ${pair!.a} as id`), await t.idOf('Activity', `select ${pair!.b} as id`)];
    const results = await eight((i) =>
      t.mutate(
        'reviewOverlap',
        'ReviewOverlapInput',
        { activityIds: ids, decision: i % 2 ? 'COORDINATED' : 'COMPLEMENTARY', note: `Beslutning ${i}` },
        'overlap { score }',
      ),
    );
    for (const result of results) expect(result.userErrors).toEqual([]);
    expect(
      await count('select count(*)::int as n from overlap_review where activity_a_id = ? and activity_b_id = ? and superseded_at is null', [pair!.a, pair!.b]),
    ).toBe(1);
  });

  test('createSteeringGroup for one plan: one group, the others DUPLICATE', async () => {
    const [{ id }] = (await t.hub.orm.em
      .fork()
      .execute(
        "insert into plan (code, name, status, start_date, end_date, created_at, updated_at) values ('RACE', 'Kapløb', 'ACTIVE', '2026-01-01', '2027-12-31', now(), now()) returning id",
      )) as { id: number }[];
    const planId = await t.idOf('Plan', `select ${id} as id`);
    const results = await eight((i) =>
      t.mutate('createSteeringGroup', 'CreateSteeringGroupInput', { planId, name: `Styregruppe ${i}` }, 'steeringGroup { id }'),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    for (const loser of results.filter((r) => r.userErrors.length > 0)) {
      expect(loser.userErrors).toEqual([expect.objectContaining({ field: ['input', 'planId'], code: 'DUPLICATE' })]);
    }
    expect(await count('select count(*)::int as n from steering_group where plan_id = ?', [id])).toBe(1);
  });

  test('createActivity retried with one key: one activity', async () => {
    const input = {
      planId: await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'"),
      title: 'Samtidig oprettelse',
      targetGroupIds: [await t.idOf('TargetGroup', 'select id from target_group order by id limit 1')],
      areaIds: [await t.idOf('Area', "select id from area where kind = 'ESTATE' order by id limit 1")],
      startDate: '2027-01-04',
      idempotencyKey: 'samtidig-1',
    };
    const results = await eight(() => t.mutate('createActivity', 'CreateActivityInput', input, 'activity { id }', Role.PROJECT_LEAD));
    expect(new Set(results.map((r) => r.activity.id)).size).toBe(1);
    expect(await count("select count(*)::int as n from activity where title = 'Samtidig oprettelse'")).toBe(1);
  });
});

describe('idempotency keys', () => {
  test('the same key with another input is refused, naming the key; the same input still answers the first activity', async () => {
    const input = {
      planId: await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'"),
      title: 'Lektiecafé om tirsdagen',
      targetGroupIds: [await t.idOf('TargetGroup', 'select id from target_group order by id limit 1')],
      areaIds: [await t.idOf('Area', "select id from area where kind = 'ESTATE' order by id limit 1")],
      startDate: '2027-01-04',
      schedule: [{ weekday: 'TUESDAY', startTime: '15:00', endTime: '17:00' }],
      idempotencyKey: 'lektie-tirsdag',
    };
    const first = await t.mutate('createActivity', 'CreateActivityInput', input, 'activity { id title }', Role.PROJECT_LEAD);
    expect(first.userErrors).toEqual([]);
    const again = await t.mutate('createActivity', 'CreateActivityInput', { ...input }, 'activity { id }', Role.PROJECT_LEAD);
    expect(again.activity.id).toBe(first.activity.id);
    const other = await t.mutate('createActivity', 'CreateActivityInput', { ...input, title: 'Fodbold om tirsdagen' }, 'activity { id }', Role.PROJECT_LEAD);
    expect(other.activity).toBeNull();
    expect(other.userErrors).toEqual([
      expect.objectContaining({
        field: ['input', 'idempotencyKey'],
        code: 'INVALID',
        message: expect.stringContaining('"lektie-tirsdag" was used before for another activity'),
      }),
    ]);
    expect(await count("select count(*)::int as n from activity where title = 'Fodbold om tirsdagen'")).toBe(0);
  });
});
