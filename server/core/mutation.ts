import type { EntityClass } from '@mikro-orm/core';
import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubContext } from './context.js';
import { fromGlobalId } from './global-id.js';
import { inLanguage, message, Problems, UserErrorCode, UserErrorsFound, type Message, type UserError } from './user-errors.js';

export type Path = (string | number)[];

/**
 * Runs a mutation in one transaction: it commits completely, or rolls back and answers with user errors.
 * A unique index that a concurrent request beat us to is a DUPLICATE, not a fault.
 */
export async function runMutation<P extends object>(
  ctx: HubContext,
  empty: P,
  work: (tx: EntityManager) => Promise<P>,
  duplicate?: { field: Path; message: Message },
): Promise<P & { userErrors: UserError[] }> {
  if (ctx.inputProblems?.length) return { ...empty, userErrors: inLanguage(ctx.inputProblems, ctx.messages) };
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await ctx.em.transactional((tx) => work(tx));
      return { ...result, userErrors: [] };
    } catch (error) {
      // PostgreSQL broke a lock cycle by rolling this transaction back: nothing was written, so it runs again.
      if (error instanceof DeadlockException && attempt < 3) continue;
      return answer(error);
    }
  }
  function answer(error: unknown): P & { userErrors: UserError[] } {
    if (error instanceof UserErrorsFound) return { ...empty, userErrors: inLanguage(error.errors, ctx.messages) };
    if (error instanceof UniqueConstraintViolationException && duplicate) {
      return {
        ...empty,
        userErrors: inLanguage([{ field: duplicate.field.map(String), code: UserErrorCode.DUPLICATE, message: duplicate.message }], ctx.messages),
      };
    }
    throw error;
  }
}

export const MAX_TITLE = 200;
export const MAX_TEXT = 10_000;
/** Items a list of ids in an input may hold unless its field sets a cap of its own. */
export const MAX_LIST = 100;

/** Checks the fields of one mutation input, collecting every problem before the mutation gives up. */
export class InputChecker {
  readonly problems = new Problems();

  constructor(readonly em: EntityManager) {}

  /** Trimmed text; required text must not be blank. Returns null for absent or blank optional text. */
  text(path: Path, value: string | null | undefined, options: { required?: boolean; max: number }): string | null {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) {
      if (options.required) this.problems.add(path, UserErrorCode.INVALID, message(`${label(path)} must not be empty`, `${danishLabel(path)} skal udfyldes`));
      return null;
    }
    if (trimmed.length > options.max) {
      this.problems.add(
        path,
        UserErrorCode.INVALID,
        message(
          `${label(path)} may be at most ${options.max} characters long, got ${trimmed.length}`,
          `${danishLabel(path)} må højst være ${danishNumber(options.max)} tegn, ikke ${danishNumber(trimmed.length)}`,
        ),
      );
    }
    return trimmed;
  }

  /** The entity a global id names: INVALID for an id of another type, NOT_FOUND for one that does not exist. */
  async ref<T extends { id: number }>(path: Path, globalId: string | null | undefined, entity: EntityClass<T>): Promise<T | null> {
    if (globalId === null || globalId === undefined) return null;
    return (await this.refs(path, [globalId], entity, { itemPaths: false }))[0] ?? null;
  }

  /** The entities a list of global ids names, in order and without repeats; problems are addressed per item. */
  async refs<T extends { id: number }>(
    path: Path,
    globalIds: readonly string[] | null | undefined,
    entity: EntityClass<T>,
    options: { min?: number; max?: number; itemPaths?: boolean } = {},
  ): Promise<T[]> {
    const ids = globalIds ?? [];
    if (ids.length < (options.min ?? 0)) {
      this.problems.add(
        path,
        UserErrorCode.INVALID,
        message(`${label(path)} needs at least ${options.min}`, `${danishLabel(path)}: vælg mindst ${options.min}`),
      );
      return [];
    }
    if (!this.count(path, ids, options.max ?? MAX_LIST)) return [];
    const wanted = new Map<number, { itemPath: Path; globalId: string }>();
    ids.forEach((globalId, i) => {
      const itemPath = options.itemPaths === false ? path : [...path, i];
      const decoded = fromGlobalId(globalId);
      if (!decoded || decoded.type !== entity.name) {
        this.problems.add(
          itemPath,
          UserErrorCode.INVALID,
          message(`"${globalId}" is not the id of a ${entity.name}`, `"${globalId}" er ikke et gyldigt valg her`),
        );
      } else if (!wanted.has(decoded.id)) wanted.set(decoded.id, { itemPath, globalId });
    });
    if (!wanted.size) return [];
    const found = await this.em.find(entity, { id: { $in: [...wanted.keys()] } } as never);
    const byId = new Map(found.map((item) => [item.id, item]));
    for (const [id, { itemPath, globalId }] of wanted) {
      if (!byId.has(id))
        this.problems.add(
          itemPath,
          UserErrorCode.NOT_FOUND,
          message(`No ${entity.name} has the id "${globalId}"`, 'Det valgte findes ikke (længere); hent siden igen'),
        );
    }
    return [...wanted.keys()].flatMap((id) => byId.get(id) ?? []);
  }

  /** Whether a list stays within its cap; INVALID when it does not. */
  count(path: Path, items: readonly unknown[] | null | undefined, max: number): boolean {
    if ((items?.length ?? 0) <= max) return true;
    this.problems.add(
      path,
      UserErrorCode.INVALID,
      message(`${label(path)} may hold at most ${max} items, got ${items!.length}`, `${danishLabel(path)}: højst ${max} valg, ikke ${items!.length}`),
    );
    return false;
  }

  /** A whole number within a cap that no real case reaches (the column could hold more, the domain cannot). */
  atMost(path: Path, value: number | null | undefined, max: number): number | null {
    if (value === null || value === undefined) return null;
    if (value > max)
      this.problems.add(
        path,
        UserErrorCode.INVALID,
        message(
          `${label(path)} may be at most ${max.toLocaleString('en')}, got ${value.toLocaleString('en')}`,
          `${danishLabel(path)} må højst være ${danishNumber(max)}, ikke ${danishNumber(value)}`,
        ),
      );
    return value;
  }

  /** An end before its start (ISO dates compare as text): INVALID on the end's field, named as the form names it. */
  ordered(start: string, end: string | null | undefined, fields: 'dates' | 'period'): void {
    if (!end || end >= start) return;
    const [endField, startField] = fields === 'dates' ? ['endDate', 'startDate'] : ['periodEnd', 'periodStart'];
    const danish =
      fields === 'dates' ? `Slutdatoen (${end}) ligger før startdatoen (${start})` : `Periodens slutning (${end}) ligger før dens start (${start})`;
    this.problems.add(['input', endField], UserErrorCode.INVALID, message(`${endField} (${end}) is before ${startField} (${start})`, danish));
  }

  check(): void {
    this.problems.check();
  }
}

/** "input.endDate" -> "endDate": the field's own name for messages. */
function label(path: Path): string {
  return String([...path].reverse().find((p) => typeof p === 'string') ?? 'The value');
}

/** Input fields as the console names them, for Danish messages; a field not here is "Feltet". */
const DANISH_FIELDS: Readonly<Record<string, string>> = {
  title: 'Titlen',
  name: 'Navnet',
  description: 'Beskrivelsen',
  note: 'Noten',
  rationale: 'Begrundelsen',
  summary: 'Opsummeringen',
  learned: 'Det lærte',
  topic: 'Emnet',
  unit: 'Enheden',
  role: 'Rollen',
  agenda: 'Dagsordenen',
  decisions: 'Beslutningerne',
  reference: 'Referencen',
  idempotencyKey: 'Nøglen',
  code: 'Koden',
  keywords: 'Nøgleordene',
  areaIds: 'Områder',
  targetGroupIds: 'Målgrupper',
  themeIds: 'Temaer',
  partnerIds: 'Samarbejdspartnere',
  planIds: 'Helhedsplaner',
  housingOrganisationIds: 'Boligorganisationer',
  activityIds: 'Aktiviteterne',
  members: 'Medlemmerne',
  actionItems: 'Opfølgningspunkterne',
  capacity: 'Antal pladser',
  count: 'Antallet',
  value: 'Værdien',
  target: 'Målet',
  baseline: 'Udgangspunktet',
  content: 'Filen',
};

function danishLabel(path: Path): string {
  const field = [...path].reverse().find((p) => typeof p === 'string');
  return (field !== undefined && DANISH_FIELDS[field]) || 'Feltet';
}

const danishNumber = (n: number) => n.toLocaleString('da-DK');
