import { afterAll, beforeAll, expect, test } from 'vitest';
import { toGlobalId } from '../server/core/global-id.js';
import { lockAreaBlocks } from '../server/overlap/overlap.store.js';
import { startTestHub, type TestHub } from './support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.stop());

test('activity writes lock their part of the city only: a write elsewhere goes on, one whose pairs could meet waits', async () => {
  const em = t.hub.orm.em.fork();
  const estates = ((await em.execute("select id from area where kind = 'ESTATE' order by id")) as { id: number }[]).map((r) => r.id);
  const near = new Set(((await em.execute('select area_id, match_id from area_match')) as { area_id: number; match_id: number }[]).map((m) => `${m.area_id}:${m.match_id}`));
  const here = estates[0]!;
  const far = estates.find((id) => id !== here && !near.has(`${here}:${id}`) && !near.has(`${id}:${here}`))!;
  const nextDoor = estates.find((id) => id !== here && near.has(`${here}:${id}`));
  expect(far).toBeDefined();
  const planId = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
  const groupId = await t.idOf('TargetGroup', 'select id from target_group order by id limit 1');
  const create = (area: number, title: string) =>
    t.mutate('createActivity', 'CreateActivityInput', { planId, title, targetGroupIds: [groupId], areaIds: [toGlobalId('Area', area)], startDate: '2027-01-04' }, 'activity { id }');

  // Another write holds this part of the city.
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
  const waiting = [create(here, 'Samme sted'), ...(nextDoor ? [create(nextDoor, 'Naboen')] : [])];
  const first = await Promise.race([Promise.all(waiting).then(() => 'done'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 1000))]);
  expect(first).toBe('waiting');
  release();
  await held;
  for (const result of await Promise.all(waiting)) expect(result.userErrors).toEqual([]);
});
