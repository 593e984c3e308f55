import { recordAudit } from '../core/audit-trail.js';
import type { HubContext } from '../core/context.js';
import { Role } from '../core/enums.js';
import { toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TITLE, runMutation } from '../core/mutation.js';
import { UserErrorCode } from '../core/user-errors.js';
import { Person } from '../people/person.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { insertUser } from './auth.service.js';
import { requireMutation } from '../access/permissions.js';
import type { User } from './user.entity.js';
import type { CreateUserInput } from './user.input.js';

export function createUser(ctx: HubContext, input: CreateUserInput) {
  return runMutation(ctx, { user: null as User | null, token: null as string | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'createUser');
    const check = new InputChecker(tx);
    const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
    const person = await check.ref(['input', 'personId'], input.personId, Person);
    const plans = await check.refs(['input', 'planIds'], input.planIds, Plan);
    if (input.role === Role.PROJECT_LEAD && !input.planIds?.length) {
      check.problems.add(['input', 'planIds'], UserErrorCode.INVALID, 'A project lead needs at least one plan to edit');
    }
    if (input.role !== Role.PROJECT_LEAD && input.planIds?.length) {
      check.problems.add(['input', 'planIds'], UserErrorCode.INVALID, 'Only project leads are limited to plans; leave planIds out for other roles');
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
