import { badInput } from '../core/errors.js';
import { Conditions } from '../core/sql.js';

/** Longest search the people list takes: a name and a surname, with room to spare. */
export const MAX_PEOPLE_SEARCH = 100;

/** People whose name or job title holds every word of the search, in any order and case ("hans jen" finds "Hans Jensen"). */
export function peopleConditions(search: string | null | undefined, alias = 'p'): Conditions {
  // Checked here too, so the planned statement refuses what the resolver's argument rule refuses.
  if ((search?.length ?? 0) > MAX_PEOPLE_SEARCH) throw badInput(`search is longer than ${MAX_PEOPLE_SEARCH} characters`, { argument: 'search' });
  const where = new Conditions();
  const words =
    (search ?? '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 10) ?? [];
  for (const word of words) where.add(`lower(${alias}.name || ' ' || coalesce(${alias}.title, '')) like ?`, `%${word}%`);
  return where;
}
