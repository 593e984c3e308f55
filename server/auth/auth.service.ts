import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../core/context.js';
import type { Authenticate } from '../core/http.js';
import { Role } from '../core/enums.js';
import { pgArray, rows } from '../core/sql.js';
import { hashToken, newToken } from './token.js';
import { User } from './user.entity.js';

/** The user behind a bearer token, with the plans a project lead may edit; null when the token is unknown. */
export async function authenticate(em: EntityManager, token: string): Promise<Viewer | null> {
  // The same statement notes when the user was last seen, once an hour at most (a look-up runs every 10 s of use at most).
  const [row] = await rows(
    em,
    `with found as (
       select u.id, u.role, u.person_id, u.last_seen_at, coalesce(array_agg(up.plan_id) filter (where up.plan_id is not null), '{}') as plan_ids
       from app_user u left join user_plan up on up.user_id = u.id
       where u.token_hash = ? and u.revoked_at is null group by u.id),
     seen as (
       update app_user set last_seen_at = date_trunc('hour', now()) from found
       where app_user.id = found.id and (found.last_seen_at is null or found.last_seen_at < date_trunc('hour', now()))
       returning app_user.id)
     select id, role, person_id, plan_ids from found`,
    [hashToken(token)],
  );
  if (!row) return null;
  return {
    userId: Number(row.id),
    role: row.role as Role,
    personId: row.person_id === null ? null : Number(row.person_id),
    planIds: (row.plan_ids as number[]).map(Number),
  };
}

/**
 * authenticate, remembering each signed-in token for a short while: the look-up ran on every request, a
 * statement of its own. A change to a user (revoked, new token, role or plans) is announced on the channel
 * `hub_users` in its transaction; every hub's listener (token-listener.ts) then forgets that user, so a revoked
 * token is refused everywhere at once. Without the channel entries live only `unheardTtlMs`. Failed look-ups are
 * not remembered (the rate limit counts them).
 */
export function cachedAuthenticator(ttlMs = 10_000, unheardTtlMs = 1_000, maxEntries = 10_000): Authenticate {
  const cache = new Map<string, { viewer: Viewer; until: number }>();
  let hearing = false;
  // The EntityManager is forked only on a miss: a cached token costs no fork.
  const authenticator: Authenticate = async (em, token) => {
    const now = Date.now();
    const key = hashToken(token);
    const known = cache.get(key);
    if (known && known.until > now) return known.viewer;
    const found = await authenticate(em(), token);
    // Shared by the requests of one token: frozen, so that no request can change another's viewer.
    const viewer = found && Object.freeze({ ...found, planIds: Object.freeze([...found.planIds]) as number[] });
    if (viewer) {
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
      cache.set(key, { viewer, until: now + (hearing ? ttlMs : unheardTtlMs) });
    } else cache.delete(key);
    return viewer;
  };
  authenticator.forget = (userId) => {
    if (userId === undefined) cache.clear();
    else for (const [key, entry] of cache) if (entry.viewer.userId === userId) cache.delete(key);
  };
  authenticator.hearing = (on) => {
    hearing = on;
    // What was remembered while changes went unheard may be stale.
    cache.clear();
  };
  return authenticator;
}

/** Tells every hub on the database, when the transaction commits, to forget what it remembers of the user. */
export async function announceUserChange(em: EntityManager, userId: number): Promise<void> {
  await em.execute(`select pg_notify('${USER_CHANNEL}', ?)`, [String(userId)]);
}

/** The channel of user changes. */
export const USER_CHANNEL = 'hub_users';

export interface NewUser {
  name: string;
  role: Role;
  personId?: number | null;
  planIds?: number[];
}

/** Stores a user with a fresh token and returns both; the token exists only in the return value. */
/** Roles whose users decide (reviews, evaluations): they always have a person, so a decision names who made it. */
const DECIDING_ROLES: readonly Role[] = [Role.COORDINATOR, Role.PROJECT_LEAD];

export async function insertUser(em: EntityManager, input: NewUser): Promise<{ user: User; token: string }> {
  const token = newToken();
  let personId = input.personId ?? null;
  if (personId === null && DECIDING_ROLES.includes(input.role)) {
    [{ id: personId }] = (await em.execute('insert into person (name) values (?) returning id', [input.name])) as { id: number }[];
  }
  const user = em.create(User, {
    name: input.name,
    role: input.role,
    person: personId,
    tokenHash: hashToken(token),
    createdAt: new Date(),
  });
  await em.flush();
  if (input.planIds?.length) {
    await em.execute('insert into user_plan (user_id, plan_id) select ?, unnest(?::int[])', [user.id, pgArray(input.planIds)]);
  }
  return { user, token };
}

/** HUB_ADMIN_TOKEN: makes sure an ADMIN user signs in with exactly this token. */
export async function ensureAdminToken(em: EntityManager, token: string): Promise<'created' | 'present'> {
  const tokenHash = hashToken(token);
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(User, { tokenHash });
    if (existing) {
      existing.role = Role.ADMIN;
      // The operator's token is the way back in: it is never left revoked.
      existing.revokedAt = null;
      return 'present';
    }
    tx.create(User, { name: 'Administrator (HUB_ADMIN_TOKEN)', role: Role.ADMIN, tokenHash, createdAt: new Date() });
    return 'created';
  });
}
