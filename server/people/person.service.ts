import type { Viewer } from '../core/context.js';
import { Role } from '../core/enums.js';

/** Staff contact data is personal data: only signed-in users other than READER see it. */
export function canSeeContactData(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.role !== Role.READER;
}
