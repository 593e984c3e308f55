import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { recordAudit } from '../core/audit-trail.js';
import { ErrorCode } from '../core/errors.js';
import { decodeCursor, pageSize, toPage, type Page } from '../core/pagination.js';
import { readModelOf } from '../core/read-model.js';
import { rows } from '../core/sql.js';
import type { HubContext } from '../core/context.js';
import { Role } from '../core/enums.js';
import { toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TITLE, runMutation } from '../core/mutation.js';
import { UserErrorCode, message } from '../core/user-errors.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { announceUserChange, insertUser } from './auth.service.js';
import { hashToken, newToken } from './token.js';
import { refuse } from '../core/user-errors.js';
import { requireMutation } from '../access/permissions.js';
import { User } from './user.entity.js';
import type { CreateUserInput, RevokeUserInput, RotateTokenInput, UpdateUserInput } from './user.input.js';

export function createUser(ctx: HubContext, input: CreateUserInput) {
  return runMutation(ctx, { user: null as User | null, token: null as string | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'createUser');
    const check = new InputChecker(tx);
    const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
    const person = await check.ref(['input', 'personId'], input.personId, Person);
    const plans = await check.refs(['input', 'planIds'], input.planIds, Plan);
    if (input.role === Role.PROJECT_LEAD && !input.planIds?.length) {
      check.problems.add(
        ['input', 'planIds'],
        UserErrorCode.INVALID,
        message('A project lead needs at least one plan to edit', 'En projektleder skal have mindst én helhedsplan'),
      );
    }
    if (input.role !== Role.PROJECT_LEAD && input.planIds?.length) {
      check.problems.add(
        ['input', 'planIds'],
        UserErrorCode.INVALID,
        message(
          'Only project leads are limited to plans; leave planIds out for other roles',
          'Kun projektledere knyttes til helhedsplaner; vælg ingen for andre roller',
        ),
      );
    }
    check.check();
    const { user, token } = await insertUser(tx, { name: name!, role: input.role, personId: person?.id, planIds: plans.map((p) => p.id) });
    // The token and its hash never reach the audit log.
    recordAudit(tx, viewer, 'createUser', { type: 'User', id: user.id }, null, {
      name: user.name,
      role: user.role,
      person: person ? toGlobalId('Person', person.id) : null,
      plans: plans.map((p) => toGlobalId('Plan', p.id)),
    });
    return { user, token };
  });
}

/** A user's role, person and plans as the audit log shows them. */
async function snapshotOf(tx: EntityManager, user: User) {
  const plans = (await tx.execute('select plan_id from user_plan where user_id = ? order by plan_id', [user.id])) as { plan_id: number }[];
  return {
    role: user.role,
    person: user.person ? toGlobalId('Person', user.person.id) : null,
    plans: plans.map((p) => toGlobalId('Plan', p.plan_id)),
    revokedAt: user.revokedAt?.toISOString() ?? null,
  };
}

async function userAt(check: InputChecker, path: (string | number)[], id: string): Promise<User> {
  const user = await check.ref(path, id, User);
  check.check();
  return user!;
}

/** Revokes a user: their token is refused on every hub within a second (ADMIN; not oneself). */
export function revokeUser(ctx: HubContext, input: RevokeUserInput) {
  return runMutation(ctx, { user: null as User | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'revokeUser');
    const user = await userAt(new InputChecker(tx), ['input', 'id'], input.id);
    if (user.id === viewer.userId)
      refuse(
        ['input', 'id'],
        UserErrorCode.INVALID,
        message('You cannot revoke yourself; another administrator can', 'Du kan ikke spærre din egen adgang; en anden administrator kan'),
      );
    if (!user.revokedAt) {
      const before = await snapshotOf(tx, user);
      user.revokedAt = new Date();
      recordAudit(tx, viewer, 'revokeUser', { type: 'User', id: user.id }, before, await snapshotOf(tx, user));
      await announceUserChange(tx, user.id);
    }
    return { user };
  });
}

/** A new token for a user (ADMIN, for anyone; everyone for themselves): the old one stops on every hub within a second. */
export function rotateToken(ctx: HubContext, input: RotateTokenInput) {
  return runMutation(ctx, { user: null as User | null, token: null as string | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'rotateToken');
    const user = input.id ? await userAt(new InputChecker(tx), ['input', 'id'], input.id) : await tx.findOneOrFail(User, viewer.userId);
    if (user.id !== viewer.userId && viewer.role !== Role.ADMIN)
      refuse(
        ['input', 'id'],
        UserErrorCode.FORBIDDEN,
        message('Only administrators may give others a new token', 'Kun administratorer kan give andre et nyt link'),
      );
    const before = await snapshotOf(tx, user);
    const token = newToken();
    user.tokenHash = hashToken(token);
    user.revokedAt = null;
    // The token and its hash never reach the audit log.
    recordAudit(tx, viewer, 'rotateToken', { type: 'User', id: user.id }, before, await snapshotOf(tx, user));
    await announceUserChange(tx, user.id);
    return { user, token };
  });
}

/** Changes a user's role, person or plans (ADMIN); every hub sees the change within a second. */
export function updateUser(ctx: HubContext, input: UpdateUserInput) {
  return runMutation(ctx, { user: null as User | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'updateUser');
    const check = new InputChecker(tx);
    const user = await check.ref(['input', 'id'], input.id, User);
    const person = await check.ref(['input', 'personId'], input.personId, Person);
    const plans = await check.refs(['input', 'planIds'], input.planIds, Plan);
    check.check();
    const target = user!;
    const role = input.role ?? target.role;
    const planIds =
      input.planIds === null || input.planIds === undefined
        ? ((await tx.execute('select plan_id from user_plan where user_id = ?', [target.id])) as { plan_id: number }[]).map((p) => p.plan_id)
        : plans.map((p) => p.id);
    if (role === Role.PROJECT_LEAD && !planIds.length)
      check.problems.add(
        ['input', 'planIds'],
        UserErrorCode.INVALID,
        message('A project lead needs at least one plan to edit', 'En projektleder skal have mindst én helhedsplan'),
      );
    if (role !== Role.PROJECT_LEAD && planIds.length) {
      check.problems.add(
        ['input', 'planIds'],
        UserErrorCode.INVALID,
        message(
          'Only project leads are limited to plans; give an empty list for other roles',
          'Kun projektledere knyttes til helhedsplaner; vælg ingen for andre roller',
        ),
      );
    }
    if (target.id === viewer.userId && role !== Role.ADMIN)
      check.problems.add(
        ['input', 'role'],
        UserErrorCode.INVALID,
        message('You cannot take your own administrator role', 'Du kan ikke fratage dig selv administratorrollen'),
      );
    check.check();
    const before = await snapshotOf(tx, target);
    target.role = role;
    if (person) target.person = tx.getReference(Person, person.id) as never;
    if (input.planIds !== null && input.planIds !== undefined) {
      await tx.execute('delete from user_plan where user_id = ?', [target.id]);
      if (planIds.length) await tx.execute('insert into user_plan (user_id, plan_id) select ?, unnest(?::int[])', [target.id, `{${planIds.join(',')}}`]);
    }
    await tx.flush();
    recordAudit(tx, viewer, 'updateUser', { type: 'User', id: target.id }, before, await snapshotOf(tx, target));
    await announceUserChange(tx, target.id);
    return { user: target };
  });
}

/** Every user by name (then id), revoked ones included, for administrators. */
export async function listUsers(ctx: HubContext, args: { first?: number | null; after?: string | null }): Promise<Page<User>> {
  if (ctx.viewer?.role !== Role.ADMIN) {
    throw new GraphQLError('Only administrators may list users', { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
  }
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'number']);
  const toModel = readModelOf(ctx.em, User);
  const page = await rows(ctx.em, `select ${toModel.columns} from app_user t where (t.name, t.id) > (?, ?) order by t.name, t.id limit ?`, [
    after?.[0] ?? '',
    after?.[1] ?? 0,
    first + 1,
  ]);
  const count = async () => Number((await rows(ctx.em, 'select count(*)::int as n from app_user'))[0]?.n ?? 0);
  return toPage(page.map(toModel), first, count, after !== undefined, (u) => [u.name, u.id]);
}
