import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../core/audit-trail.js';
import { decodeCursor, pageSize, toPage, type Page } from '../core/pagination.js';
import { readModelOf } from '../core/read-model.js';
import { Conditions, rows } from '../core/sql.js';
import { requireMutation } from '../access/permissions.js';
import type { HubContext, Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';
import { toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TITLE, runMutation } from '../core/mutation.js';
import { UserErrorCode, message } from '../core/user-errors.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from './person.entity.js';
import type { CreatePersonInput } from './person.input.js';
import { peopleConditions } from './person.query.js';

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

/** One page of people by (name, id), narrowed by a search; the count only when asked. */
export async function listPeople(em: EntityManager, args: { first?: number | null; after?: string | null; search?: string | null }): Promise<Page<Person>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, ['string', 'number']);
  const where = peopleConditions(args.search, 't');
  const count = async () => Number((await rows(em, `select count(*)::int as total from person t where ${where.toSql()}`, where.params))[0]?.total ?? 0);
  const page = new Conditions().add(where.toSql(), ...where.params);
  if (after) page.add('(t.name, t.id) > (?, ?)', after[0], after[1]);
  const toModel = readModelOf(em, Person);
  const result = await rows(em, `select ${toModel.columns} from person t where ${page.toSql()} order by t.name, t.id limit ?`, [...page.params, first + 1]);
  return toPage(result.map(toModel), first, count, after !== undefined, (person) => [person.name, person.id]);
}
