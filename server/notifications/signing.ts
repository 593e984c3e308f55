import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rows } from '../core/sql.js';

const KEY = 'signing_secret';

/** The database's secret for signed links: made by the first hub that needs it, shared by every hub on the database. */
export async function signingSecret(em: EntityManager): Promise<Buffer> {
  await em.execute(`insert into hub_setting (key, value) values (?, ?) on conflict (key) do nothing`, [KEY, randomBytes(32).toString('base64')]);
  const [row] = await rows(em, `select value from hub_setting where key = ?`, [KEY]);
  return Buffer.from(String(row!.value), 'base64');
}

export function sign(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url').slice(0, 32);
}

export function verify(secret: Buffer, text: string, signature: string | null): boolean {
  const expected = Buffer.from(sign(secret, text));
  const given = Buffer.from(signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
