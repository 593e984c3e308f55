import { createHash, randomBytes } from 'node:crypto';

/** A new bearer token: 32 random bytes, prefixed so that leaked tokens are easy to recognise. */
export function newToken(): string {
  return `hub_${randomBytes(32).toString('base64url')}`;
}

/** Tokens carry 256 random bits, so a fast hash is enough to make a stolen table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
