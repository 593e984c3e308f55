import { recordAudit } from '../core/audit-trail.js';
import { requireMutation } from '../access/permissions.js';
import type { HubContext, Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';
import { toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TITLE, runMutation } from '../core/mutation.js';
import { UserErrorCode, message } from '../core/user-errors.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from './person.entity.js';
import type { CreatePersonInput } from './person.input.js';

/** Staff contact data is personal data: only signed-in users other than READER see it. */
export function canSeeContactData(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.role !== Role.READER;
}

const PHONE = /^\+?[0-9 ()-]{6,30}$/;

export function createPerson(ctx: HubContext, input: CreatePersonInput) {
  return runMutation(ctx, { person: null as Person | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'createPerson');
    const check = new InputChecker(tx);
    const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
    const title = check.text(['input', 'title'], input.title, { max: MAX_TITLE });
    const organisation = await check.ref(['input', 'organisationId'], input.organisationId, Organisation);
    const phone = check.text(['input', 'phone'], input.phone, { max: 40 });
    if (phone && !PHONE.test(phone))
      check.problems.add(['input', 'phone'], UserErrorCode.INVALID, message(`"${phone}" is not a phone number`, `"${phone}" er ikke et telefonnummer`));
    check.check();
    const person = tx.create(Person, { name: name!, title, organisation: organisation ?? null, email: input.email ?? null, phone });
    await tx.flush();
    recordAudit(tx, viewer, 'createPerson', { type: 'Person', id: person.id }, null, {
      name,
      title,
      organisation: organisation ? toGlobalId('Organisation', organisation.id) : null,
      email: person.email,
      phone,
    });
    return { person };
  });
}
