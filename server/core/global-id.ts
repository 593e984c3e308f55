import { badInput } from './errors.js';

/** Opaque global ids: base64url of "Type:localId". */
export function toGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  type: string;
  id: number;
}

/** Returns undefined for anything that is not a well-formed global id. */
export function fromGlobalId(globalId: string): DecodedId | undefined {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return undefined;
  const match = /^([A-Za-z]+):([1-9][0-9]{0,14})$/.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  if (!match) return undefined;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type: match[1]!, id } : undefined;
}

/** Decodes an id argument that must name a given type; anything else is the caller's mistake. */
export function expectId(globalId: string, type: string, argument: string): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) {
    throw badInput(`${argument}: "${globalId}" is not an id of type ${type}`, { argument });
  }
  return decoded.id;
}

export function expectIds(globalIds: readonly string[] | null | undefined, type: string, argument: string): number[] | undefined {
  if (globalIds === null || globalIds === undefined) return undefined;
  return globalIds.map((globalId) => expectId(globalId, type, argument));
}
