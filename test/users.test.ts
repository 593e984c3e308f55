import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHub, type Hub } from '../server/app.js';
import { Role } from '../server/core/enums.js';
import { graphqlRequest, startTestHub, testConfig, type TestHub } from './support/hub.js';

// Three hubs on one database: user changes made through one reach the token look-ups of the others.
let t: TestHub;
let others: Hub[];
beforeAll(async () => {
  t = await startTestHub();
  others = await Promise.all([0, 1].map(() => startHub(testConfig({ databaseUrl: t.database.url }), { log: () => undefined })));
}, 60_000);
afterAll(async () => {
  await Promise.all((others ?? []).map((hub) => hub.stop()));
  await t?.stop();
});

const urls = () => [t.hub.url, ...others.map((hub) => hub.url)];
const viewerAt = (url: string, token: string) =>
  graphqlRequest<{ viewer: { role: string; plans: { code: string }[] } }>(url, token, '{ viewer { role plans { code } } }');

/** Milliseconds until every hub answers `token` with `status`; fails after 3 s. */
async function untilEveryHub(token: string, status: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const answers = await Promise.all(urls().map((url) => viewerAt(url, token)));
    if (answers.every((a) => a.status === status)) return performance.now() - started;
    if (performance.now() - started > 3000) throw new Error(`still ${answers.map((a) => a.status)} after 3 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const USER = 'user { id role revokedAt plans { code } }';

test('a revoked user is refused by every hub within a second, and the change is audited', async () => {
  const created = await t.mutate('createUser', 'CreateUserInput', { name: 'Mistet bærbar', role: 'COORDINATOR' }, 'token user { id }', Role.ADMIN);
  const [token, id] = [created.token as string, created.user.id as string];
  // Every hub remembers the token now.
  for (const url of urls()) expect((await viewerAt(url, token)).status).toBe(200);
  const revoked = await t.mutate('revokeUser', 'RevokeUserInput', { id }, USER, Role.ADMIN);
  expect(revoked.userErrors).toEqual([]);
  expect(revoked.user.revokedAt).not.toBeNull();
  const ms = await untilEveryHub(token, 401);
  console.log(`revoked token refused by all three hubs after ${ms.toFixed(0)} ms`);
  expect(ms).toBeLessThan(1000);
  const audit = await t.gql(`{ auditLog(entityId: "${id}") { action changes } }`, {}, Role.ADMIN);
  expect(audit.data.auditLog[0].action).toBe('revokeUser');
  // Administrators cannot lock themselves out, and nobody else may revoke.
  expect((await t.mutate('revokeUser', 'RevokeUserInput', { id: t.users.ADMIN.id }, USER, Role.ADMIN)).userErrors[0].code).toBe('INVALID');
  expect((await t.mutate('revokeUser', 'RevokeUserInput', { id: t.users.READER.id }, USER, Role.COORDINATOR)).userErrors[0].code).toBe('FORBIDDEN');
  // A new token from an administrator restores the user.
  const restored = await t.mutate('rotateToken', 'RotateTokenInput', { id }, `token ${USER}`, Role.ADMIN);
  expect(restored.user.revokedAt).toBeNull();
  expect(await untilEveryHub(restored.token, 200)).toBeLessThan(1000);
  expect((await viewerAt(others[1]!.url, token)).status).toBe(401);
});

test('a new token for oneself: the old one stops on every hub, the new one works on every hub', async () => {
  const { token } = t.users.PROJECT_LEAD;
  for (const url of urls()) expect((await viewerAt(url, token)).status).toBe(200);
  const rotated = await graphqlRequest<any>(others[0]!.url, token, 'mutation { rotateToken { token user { role } userErrors { code } } }');
  expect(rotated.data.rotateToken.userErrors).toEqual([]);
  expect(await untilEveryHub(token, 401)).toBeLessThan(1000);
  const fresh = rotated.data.rotateToken.token as string;
  expect(await untilEveryHub(fresh, 200)).toBeLessThan(1000);
  t.users.PROJECT_LEAD.token = fresh;
  // Only an administrator gives others a new token.
  const other = await graphqlRequest<any>(t.hub.url, fresh, `mutation { rotateToken(input: { id: "${t.users.READER.id}" }) { token userErrors { code } } }`);
  expect(other.data.rotateToken).toEqual({ token: null, userErrors: [expect.objectContaining({ code: 'FORBIDDEN' })] });
});

test("a user's role and plans change on every hub within a second; bad changes are refused with userErrors", async () => {
  const { token, id } = t.users.PROJECT_LEAD;
  expect((await viewerAt(others[1]!.url, token)).data!.viewer.plans.map((p) => p.code)).toEqual(['VOL-OEST']);
  const plans = (await t.gql('{ plans(first: 2) { nodes { id code } } }')).data.plans.nodes as { id: string; code: string }[];
  const changed = await t.mutate('updateUser', 'UpdateUserInput', { id, planIds: plans.map((p) => p.id) }, USER, Role.ADMIN);
  expect(changed.userErrors).toEqual([]);
  const wanted = plans.map((p) => p.code).sort();
  const started = performance.now();
  while (
    (await viewerAt(others[1]!.url, token))
      .data!.viewer.plans.map((p) => p.code)
      .sort()
      .join() !== wanted.join()
  ) {
    expect(performance.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const noPlans = await t.mutate('updateUser', 'UpdateUserInput', { id, planIds: [] }, USER, Role.ADMIN);
  expect(noPlans.userErrors.map((e: { field: string[] }) => e.field)).toEqual([['input', 'planIds']]);
  const self = await t.mutate('updateUser', 'UpdateUserInput', { id: t.users.ADMIN.id, role: 'READER' }, USER, Role.ADMIN);
  expect(self.userErrors[0].field).toEqual(['input', 'role']);
  const reader = await t.mutate('updateUser', 'UpdateUserInput', { id, role: 'READER', planIds: [] }, USER, Role.ADMIN);
  expect(reader.user).toMatchObject({ role: 'READER', plans: [] });
  expect((await viewerAt(others[0]!.url, token)).data!.viewer.role).toBe('READER');
});

test('with the channel down, a hub remembers tokens for a second only: a change it did not hear is seen within a second', async () => {
  const { token } = t.users.COORDINATOR;
  const em = t.hub.orm.em.fork();
  await em.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'hub token listener' and datname = current_database()");
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const url of urls()) expect((await viewerAt(url, token)).status).toBe(200);
  // Revoked behind the hubs' backs: no notification is sent.
  await em.execute("update app_user set revoked_at = now() where name = 'Test coordinator'");
  const ms = await untilEveryHub(token, 401);
  expect(ms).toBeLessThan(1500);
  await em.execute("update app_user set revoked_at = null where name = 'Test coordinator'");
  // The listeners come back by themselves, and changes are heard at once again.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const listening = (await em.execute(
    "select count(*)::int as n from pg_stat_activity where application_name = 'hub token listener' and datname = current_database()",
  )) as { n: number }[];
  expect(listening[0]!.n).toBe(3);
});

test('the hub notes when each user last used it, to the hour, in the same statement as the token look-up', async () => {
  const { token, id } = t.users.READER;
  const hourOf = (date: Date) => new Date(date).setUTCMinutes(0, 0, 0);
  const before = hourOf(new Date());
  expect((await viewerAt(others[0]!.url, token)).status).toBe(200);
  const users = (await t.gql('{ users(first: 100) { nodes { id lastSeenAt } } }', {}, Role.ADMIN)).data.users.nodes as {
    id: string;
    lastSeenAt: string | null;
  }[];
  const seen = users.find((u) => u.id === id)!.lastSeenAt!;
  // The hour of the request (checked on both sides of it, in case the hour turned meanwhile).
  expect([before, hourOf(new Date())]).toContain(new Date(seen).getTime());
});
