import { readAll } from '../core/read-model.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../core/audit-trail.js';
import { requireMutation } from '../access/permissions.js';
import { checkCode, checkCodeFree } from '../core/codes.js';
import type { HubContext } from '../core/context.js';
import { AreaKind } from '../core/enums.js';
import { toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TITLE, runMutation } from '../core/mutation.js';
import { UserErrorCode, message } from '../core/user-errors.js';
import { Area } from './area.entity.js';
import { areaWrites } from './area.hooks.js';
import type { CreateAreaInput } from './area.input.js';

const KIND_ORDER = [AreaKind.MUNICIPALITY, AreaKind.DISTRICT, AreaKind.ESTATE];

/** Areas, municipality first, then districts and estates, each by name. */
export async function listAreas(em: EntityManager, kind?: AreaKind | null): Promise<Area[]> {
  const areas = await (kind ? readAll(em, Area, 't.name, t.id', 't.kind = ?', [kind]) : readAll(em, Area, 't.name, t.id'));
  return areas.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

export const areaSnapshot = (area: Area) => ({
  code: area.code,
  name: area.name,
  kind: area.kind,
  parent: area.parent ? toGlobalId('Area', area.parent.id) : null,
  latitude: area.latitude ?? null,
  longitude: area.longitude ?? null,
  residents: area.residents ?? null,
});

/** A new area; the hierarchy runs municipality > district > estate, so a parent must be of a higher level. */
export function createArea(ctx: HubContext, input: CreateAreaInput) {
  return runMutation(
    ctx,
    { area: null as Area | null },
    async (tx) => {
      const viewer = requireMutation(ctx.viewer, 'createArea');
      const check = new InputChecker(tx);
      const code = checkCode(check, ['input', 'code'], input.code);
      const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
      const parent = await check.ref(['input', 'parentId'], input.parentId, Area);
      if (parent && KIND_ORDER.indexOf(parent.kind) >= KIND_ORDER.indexOf(input.kind)) {
        check.problems.add(
          ['input', 'parentId'],
          UserErrorCode.INVALID,
          message(`A ${input.kind.toLowerCase()} cannot lie inside a ${parent.kind.toLowerCase()}`, 'Området kan ikke ligge inde i et område af den slags'),
        );
      }
      if (((input.latitude ?? null) === null) !== ((input.longitude ?? null) === null)) {
        check.problems.add(
          ['input', input.latitude == null ? 'latitude' : 'longitude'],
          UserErrorCode.INVALID,
          message('Give latitude and longitude together', 'Angiv både breddegrad og længdegrad'),
        );
      }
      await checkCodeFree(check, ['input', 'code'], 'area', code, message('An area', 'Et område'));
      check.check();
      const area = tx.create(Area, {
        code: code!,
        name: name!,
        kind: input.kind,
        parent: parent ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        residents: input.residents ?? null,
      });
      await tx.flush();
      await areaWrites.added.run(tx);
      recordAudit(tx, viewer, 'createArea', { type: 'Area', id: area.id }, null, areaSnapshot(area));
      return { area };
    },
    {
      field: ['input', 'code'],
      message: message(`An area with the code "${input.code}" exists already`, `Der findes allerede et område med koden "${input.code}"`),
    },
  );
}
