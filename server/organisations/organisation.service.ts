import { recordAudit } from '../core/audit-trail.js';
import { requireMutation } from '../access/permissions.js';
import type { HubContext } from '../core/context.js';
import { InputChecker, MAX_TITLE, runMutation } from '../core/mutation.js';
import { UserErrorCode, message } from '../core/user-errors.js';
import { Organisation } from './organisation.entity.js';
import type { CreateOrganisationInput } from './organisation.input.js';

export function createOrganisation(ctx: HubContext, input: CreateOrganisationInput) {
  return runMutation(ctx, { organisation: null as Organisation | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'createOrganisation');
    const check = new InputChecker(tx);
    const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
    if (name && (await tx.count(Organisation, { name: { $ilike: name } }))) {
      check.problems.add(
        ['input', 'name'],
        UserErrorCode.DUPLICATE,
        message(`An organisation named "${name}" exists already`, `Der findes allerede en organisation ved navn "${name}"`),
      );
    }
    check.check();
    const organisation = tx.create(Organisation, { name: name!, kind: input.kind });
    await tx.flush();
    recordAudit(tx, viewer, 'createOrganisation', { type: 'Organisation', id: organisation.id }, null, { name: organisation.name, kind: organisation.kind });
    return { organisation };
  });
}
