import { afterAll, beforeAll, expect, test } from 'vitest';
import { toGlobalId } from '../server/core/global-id.js';
import { scoredPairsSql, storedSubjectsSql, STORE_FLOOR } from '../server/overlap/overlap.sql.js';
import { lockAreaBlocks } from '../server/overlap/overlap.store.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
let here: number;
let nextDoor: number;
let far: number;
let planId: string;
let groupIds: string[];
let methodId: string;
beforeAll(async () => {
  t = await startTestHub();
  const em = t.hub.orm.em.fork();
  const estates = ((await em.execute("select id from area where kind = 'ESTATE' order by id")) as { id: number }[]).map((r) => r.id);
  const near = new Set(
    ((await em.execute('select area_id, match_id from area_match')) as { area_id: number; match_id: number }[]).map((m) => `${m.area_id}:${m.match_id}`),
  );
  here = estates.find((id) => estates.some((other) => other !== id && near.has(`${id}:${other}`)))!;
  nextDoor = estates.find((id) => id !== here && near.has(`${here}:${id}`))!;
  far = estates.find((id) => id !== here && !near.has(`${here}:${id}`) && !near.has(`${nextDoor}:${id}`))!;
  planId = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
  methodId = await t.idOf('Method', "select id from method where code = 'lektiecafe'");
  groupIds = [
    await t.idOf('TargetGroup', "select id from target_group where code = 'skoleboern'"),
    await t.idOf('TargetGroup', "select id from target_group where code = 'unge'"),
  ];
});
afterAll(() => t?.stop());

const area = (id: number) => toGlobalId('Area', id);
const create = (areaId: number, title: string) =>
  t.mutate(
    'createActivity',
    'CreateActivityInput',
    {
      planId,
      title,
      methodId,
      description: 'Lektiehjælp og samvær efter skole',
      targetGroupIds: [groupIds[0]],
      areaIds: [area(areaId)],
      startDate: '2027-01-04',
      schedule: [{ weekday: 'MONDAY', startTime: '15:00', endTime: '17:00' }],
    },
    'activity { id version }',
  );

test('activity writes lock their part of the city only: a write elsewhere goes on, one whose pairs could meet waits', async () => {
  expect([here, nextDoor, far].every(Boolean)).toBe(true);
  let release!: () => void;
  let locked!: () => void;
  const holding = new Promise<void>((resolve) => (locked = resolve));
  const held = t.hub.orm.em.fork().transactional(async (tx) => {
    await lockAreaBlocks(tx, [here]);
    locked();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await holding;
  const started = performance.now();
  expect((await create(far, 'Langt væk')).userErrors).toEqual([]);
  expect(performance.now() - started).toBeLessThan(2000);
  const waiting = [create(here, 'Samme sted'), create(nextDoor, 'Naboen')];
  const first = await Promise.race([Promise.all(waiting).then(() => 'done'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 1000))]);
  expect(first).toBe('waiting');
  release();
  await held;
  for (const result of await Promise.all(waiting)) expect(result.userErrors).toEqual([]);
});

test('concurrent creates, moves, updates, stops and reviews of neighbouring activities: no error, and the stored pairs are those a full recompute finds', async () => {
  const a = (await create(here, 'Lektiecafé A')).activity as { id: string; version: number };
  const b = (await create(nextDoor, 'Lektiecafé B')).activity as { id: string; version: number };
  const c = (await create(far, 'Lektiecafé C')).activity as { id: string; version: number };
  const d = (await create(here, 'Lektiecafé D')).activity as { id: string; version: number };
  const reviewed = [(await create(here, 'Lektiecafé P')).activity.id, (await create(here, 'Lektiecafé Q')).activity.id];
  const update = (activity: { id: string; version: number }, change: Record<string, unknown>) =>
    t.mutate('updateActivity', 'UpdateActivityInput', { id: activity.id, expectedVersion: activity.version, ...change }, 'activity { id }');
  const results = await Promise.all([
    create(here, 'Lektiecafé E'),
    create(nextDoor, 'Lektiecafé F'),
    create(far, 'Lektiecafé G'),
    update(a, { areaIds: [area(far), area(nextDoor)] }),
    update(b, { areaIds: [area(here)], targetGroupIds: groupIds }),
    update(c, { areaIds: [area(here)] }),
    t.mutate('evaluateActivity', 'EvaluateActivityInput', { activityId: d.id, decision: 'STOP', rationale: 'Lukket' }, 'evaluation { decision }'),
    t.mutate('reviewOverlap', 'ReviewOverlapInput', { activityIds: reviewed, decision: 'COORDINATED', note: 'Aftalt' }, 'overlap { score }'),
  ]);
  for (const result of results) expect(result.userErrors).toEqual([]);

  const em = t.hub.orm.em.fork();
  const stored = (await em.execute(
    'select activity_a_id as a, activity_b_id as b, round(score::numeric, 4)::text as score from activity_overlap order by 1, 2',
  )) as unknown[];
  const recomputed = (await em.execute(
    `select least(p.s_id, p.b_id) as a, greatest(p.s_id, p.b_id) as b, round(p.score::numeric, 4)::text as score
     from (${scoredPairsSql(storedSubjectsSql(false), { forward: true })}) p where p.score >= ${STORE_FLOOR} order by 1, 2`,
  )) as unknown[];
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(recomputed);
});
