import { GraphQLError } from 'graphql';

/** Error codes of top-level GraphQL errors the hub raises itself. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A query above one of the documented limits (cost, selections, answer size, execution time): HTTP 400. */
  QUERY_LIMIT: 'QUERY_LIMIT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** No token, or one that is not valid: HTTP 401. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A role that may not read this: HTTP 403. */
  FORBIDDEN: 'FORBIDDEN',
  /** Too many requests from one caller: HTTP 429 with Retry-After. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database cannot be reached; the hub is bringing it back: HTTP 503 with Retry-After. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The hub is busy (too many large queries at once, no pooled connection in time, a statement past its timeout); PostgreSQL is up: HTTP 503 with Retry-After. */
  BUSY: 'BUSY',
  /** A request that is not GraphQL over HTTP (e.g. a body that is not JSON): HTTP 400. */
  BAD_REQUEST: 'BAD_REQUEST',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A query argument the caller got wrong: answered with code BAD_USER_INPUT and HTTP 400. */
export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 }, ...extensions },
  });
}
